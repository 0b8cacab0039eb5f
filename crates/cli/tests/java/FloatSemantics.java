public class FloatSemantics {
    static String cls(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "+inf" : "-inf";
        if (d == 0) return 1 / d > 0 ? "+0" : "-0";
        return "finite";
    }

    public static void main(String[] args) {
        double nan = 0.0 / 0.0, inf = 1.0 / 0.0, ninf = -1.0 / 0.0, nz = -0.0;
        System.out.println(nan + " " + inf + " " + ninf + " " + nz + " " + (0.0 == -0.0) + " " + cls(nz) + " " + cls(0.0) + " " + cls(-0.0 * 5));
        System.out.println((inf - inf) + " " + (inf * 0) + " " + (inf + 1) + " " + (inf / inf) + " " + (1 / inf) + " " + (-1 / inf) + " " + cls(-1 / inf));
        System.out.println((nan == nan) + " " + (nan != nan) + " " + (nan < 0) + " " + (nan >= 0) + " " + !(nan > 0) + " " + Double.isNaN(nan + 1));
        System.out.println(Double.compare(nan, inf) + " " + Double.compare(-0.0, 0.0) + " " + Double.valueOf(nan).equals(nan) + " " + Double.valueOf(0.0).equals(-0.0));
        System.out.println(Math.max(nan, 1) + " " + Math.min(-0.0, 0.0) + " " + Math.max(-0.0, 0.0) + " " + Math.abs(-0.0) + " " + Math.sqrt(-1) + " " + Math.signum(-3.0));
        double[] casts = {nan, inf, ninf, 1e10, -1e10, 1e19, -1e19, 2.9, -2.9, 0.5, -0.5, 2147483647.5, -2147483648.9};
        for (double d : casts) {
            System.out.println(d + " -> int " + (int) d + " long " + (long) d + " char " + (int) (char) d + " short " + (short) d + " byte " + (byte) d + " float bits " + Integer.toHexString(Float.floatToIntBits((float) d)));
        }
        float fnan = Float.NaN;
        System.out.println((int) fnan + " " + (long) Float.POSITIVE_INFINITY + " " + (int) -3.7f + " " + (long) 1e30f + " " + (int) Float.MAX_VALUE);
        float f = 0.1f;
        double fd = f;
        System.out.println(f + " " + fd + " " + (f == 0.1) + " " + (f == 0.1f) + " " + ((double) 0.1f == 0.1f) + " " + (0.1f + 0.2f) + " " + (0.1 + 0.2));
        float big = 16777216f;
        System.out.println((big + 1) + " " + (big + 2) + " " + (int) (big + 1) + " " + (16777217 == (int) (float) 16777217) + " " + (float) 123456789);
        System.out.println(Float.MAX_VALUE + " " + Float.MIN_VALUE + " " + Double.MAX_VALUE + " " + Double.MIN_VALUE + " " + (Float.MAX_VALUE * 2) + " " + (float) 1e40 + " " + (float) 1e-50);
        System.out.println((double) Float.MAX_VALUE + " " + (Double.MIN_VALUE / 2) + " " + (Double.MAX_VALUE * 1.0000001));
        float acc = 0;
        for (int i = 0; i < 10; i++) acc += 0.1f;
        double dacc = 0;
        for (int i = 0; i < 10; i++) dacc += 0.1;
        System.out.println(acc + " " + dacc + " " + (acc == 1.0f) + " " + (dacc == 1.0));
        System.out.println((5.5 % 2) + " " + (-5.5 % 2) + " " + (5.5 % -2) + " " + (5 % inf) + " " + (inf % 5) + " " + (1.0 % 0) + " " + (-0.0 % 1) + " " + (5.0f % 1.5f));
        System.out.println(1.0e-5 + " " + 0.001 + " " + 1234567.0 + " " + 12345678.9 + " " + 1.0e7f + " " + 1.5e-3f + " " + 100f + " " + 3.0e10f);
        System.out.println((0.1 * 3) + " " + (1.1 * 1.1) + " " + (2.0 / 3) + " " + (2.0f / 3) + " " + (float) (2.0 / 3) + " " + 1.0 / 3 * 3);
        System.out.println(Math.floor(-0.5) + " " + Math.ceil(-0.5) + " " + Math.round(-0.5) + " " + Math.round(0.49999999999999994) + " " + Math.round(nan) + " " + Math.round(1e20) + " " + Math.round(2.5f));
        int i = 7;
        i /= 2.5;
        long l = 100;
        l *= 1.5;
        int j = 10;
        j += 0.99;
        float ff = 1;
        ff /= 3;
        System.out.println(i + " " + l + " " + j + " " + ff);
        System.out.println(Double.doubleToLongBits(1.0) + " " + Float.floatToIntBits(1.0f) + " " + Double.doubleToLongBits(-0.0) + " " + Float.intBitsToFloat(0x40490fdb) + " " + Double.longBitsToDouble(0x3ff8000000000000L));
        System.out.println((1e308 * 10) + " " + (-1e308 * 10) + " " + (1e-323 / 10) + " " + (float) 0.1 * 3);
        char c = (char) 65.9;
        short s = (short) -32769.5;
        System.out.println(c + " " + s + " " + (int) (char) -1.0 + "|" + (int) (char) 70000.0);
    }
}
