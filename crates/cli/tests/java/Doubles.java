public class Doubles {
    public static void main(String[] args) {
        double a = 0.1 + 0.2;
        System.out.println(a);
        System.out.println(1.0 / 0 + " " + -1.0 / 0 + " " + 0.0 / 0);
        System.out.println(1e7 + " " + 1e-4 + " " + 123456.789 + " " + 1e21 + " " + 100.0 + " " + -0.0);
        double nan = Double.NaN;
        System.out.println((nan < 1) + " " + (nan > 1) + " " + (nan == nan) + " " + (nan != nan) + " " + Double.isNaN(nan));
        System.out.println((int) 3.99 + " " + (int) -3.99 + " " + (int) 1e20 + " " + (long) -1e30 + " " + (int) nan);
        System.out.println(Math.sqrt(2) + " " + Math.pow(2, 10) + " " + Math.floor(-1.5) + " " + Math.ceil(1.2) + " " + Math.round(2.5) + " " + Math.round(-2.5));
        float f = 1.1f;
        System.out.println(f + " " + (f * 3) + " " + (double) f + " " + (float) 0.1 + " " + 16777217f);
        double sum = 0;
        for (int i = 1; i <= 1000; i++) sum += 1.0 / i;
        System.out.println(sum);
        System.out.println(7.5 % 2 + " " + -7.5 % 2);
        System.out.println(Double.compare(0.0, -0.0) + " " + Double.compare(nan, 1) + " " + Math.max(-0.0, 0.0) + " " + Math.min(-0.0, 0.0));
        System.out.println(Double.parseDouble("3.25") + Double.parseDouble("1e3"));
        double x = 2.0;
        x *= 1.5; x -= 0.5; x /= 4;
        System.out.println(x + " " + (x > 0.6 ? "big" : "small") + " " + -x);
        System.out.println(Math.sin(0) + " " + Math.cos(0) + " " + Math.abs(-2.5) + " " + Math.PI);
        System.out.println(String.format("%.2f %.0f %.3f %8.2f|%-8.1f|%e", 3.14159, 2.5, 1.0005, 42.0, 1.25, 12345.678));
    }
}
