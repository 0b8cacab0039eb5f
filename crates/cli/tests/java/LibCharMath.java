public class LibCharMath {
    public static void main(String[] args) {
        String sample = "aZ09 _\t\n-xQ%";
        for (int i = 0; i < sample.length(); i++) {
            char c = sample.charAt(i);
            System.out.println((int) c + ": digit=" + Character.isDigit(c) + " letter=" + Character.isLetter(c)
                + " lod=" + Character.isLetterOrDigit(c) + " ws=" + Character.isWhitespace(c)
                + " up=" + Character.isUpperCase(c) + " low=" + Character.isLowerCase(c)
                + " toUp=" + Character.toUpperCase(c) + " toLow=" + Character.toLowerCase(c)
                + " num=" + Character.getNumericValue(c));
        }
        System.out.println(Character.digit('7', 10) + " " + Character.digit('f', 16) + " " + Character.digit('F', 16) + " " + Character.digit('g', 16) + " " + Character.digit('z', 36) + " " + Character.digit('9', 8));
        System.out.println(Character.forDigit(5, 10) + " " + Character.forDigit(11, 16) + " " + Character.forDigit(35, 36) + " " + (int) Character.forDigit(10, 10));
        System.out.println(Character.getNumericValue('z') + " " + Character.getNumericValue('A') + " " + Character.toString('k') + " " + Character.valueOf('m') + " " + Character.isAlphabetic('q') + " " + Character.isSpaceChar(' '));
        char ch = 'A';
        ch++;
        ch += 2;
        int code = ch + 1;
        System.out.println(ch + " " + code + " " + (char) code + " " + (char) ('a' + 25) + " " + (ch > 'B'));
        System.out.println(Math.abs(-5) + " " + Math.abs(5L) + " " + Math.abs(-2.5) + " " + Math.abs(Integer.MIN_VALUE) + " " + Math.abs(-0.0) + " " + Math.abs(-3.5f));
        System.out.println(Math.min(3, -3) + " " + Math.max(3L, 9L) + " " + Math.min(1.5, 1.25) + " " + Math.max(-0.0, 0.0) + " " + Math.min(-0.0, 0.0) + " " + Math.max(Double.NaN, 1.0));
        System.out.println(Math.pow(2, 10) + " " + Math.pow(2.5, 2) + " " + Math.pow(9, 0.5) + " " + Math.pow(-8, 1.0 / 3) + " " + Math.pow(0, 0) + " " + Math.pow(10, -2));
        System.out.println(Math.sqrt(2) + " " + Math.sqrt(144) + " " + Math.sqrt(-1) + " " + Math.cbrt(27) + " " + Math.cbrt(-64) + " " + Math.cbrt(2));
        double[] vals = {2.5, -2.5, 3.5, -3.5, 0.49999999999999994, 2.4, -2.6, 7.0, -0.2, 1e20};
        for (double v : vals) {
            System.out.println(v + ": floor=" + Math.floor(v) + " ceil=" + Math.ceil(v) + " round=" + Math.round(v) + " rint=" + Math.rint(v) + " (int)=" + (int) v + " roundf=" + Math.round((float) v));
        }
        System.out.println(Math.floorDiv(7, 2) + " " + Math.floorDiv(-7, 2) + " " + Math.floorDiv(7, -2) + " " + Math.floorMod(-7, 2) + " " + Math.floorMod(7, -3) + " " + Math.floorMod(-7L, 3L) + " " + (-7 / 2) + " " + (-7 % 2));
        System.out.println(Math.hypot(3, 4) + " " + Math.exp(1) + " " + Math.exp(0) + " " + Math.log(Math.E) + " " + Math.log(1) + " " + Math.log10(1000) + " " + Math.log(0));
        System.out.println(Math.sin(0) + " " + Math.cos(0) + " " + Math.sin(Math.PI / 2) + " " + Math.atan2(1, 1) + " " + Math.atan2(-1, -1) + " " + Math.tan(0.5));
        System.out.println(Math.sin(1.0) + " " + Math.cos(2.0) + " " + Math.asin(0.5) + " " + Math.acos(0.5) + " " + Math.atan(1.0));
        System.out.println(Math.signum(-4.2) + " " + Math.signum(0.0) + " " + Math.signum(9.0) + " " + Math.toDegrees(Math.PI) + " " + Math.toRadians(180));
        System.out.println(Math.sqrt(Math.pow(Math.sin(0.3), 2) + Math.pow(Math.cos(0.3), 2)));
        try {
            System.out.println(Math.addExact(Integer.MAX_VALUE, 1));
        } catch (ArithmeticException e) {
            System.out.println("addExact: " + e.getMessage());
        }
        try {
            System.out.println(Math.addExact(Long.MAX_VALUE, 1L));
        } catch (ArithmeticException e) {
            System.out.println("addExact long: " + e.getMessage());
        }
        try {
            System.out.println(Math.multiplyExact(1 << 20, 1 << 12));
        } catch (ArithmeticException e) {
            System.out.println("multiplyExact: " + e.getMessage());
        }
        try {
            System.out.println(Math.subtractExact(Integer.MIN_VALUE, 1));
        } catch (ArithmeticException e) {
            System.out.println("subtractExact: " + e.getMessage());
        }
        System.out.println(Math.toIntExact(12345L) + " " + Math.addExact(2, 3) + " " + Math.multiplyExact(6L, 7L) + " " + Math.negateExact(5));
        try {
            System.out.println(Math.toIntExact(1L << 40));
        } catch (ArithmeticException e) {
            System.out.println("toIntExact: " + e.getMessage());
        }
        try {
            System.out.println(5 / (args.length - 2));
        } catch (ArithmeticException e) {
            System.out.println("div: " + e.getMessage());
        }
        try {
            System.out.println(5L % (long) (args.length - 2));
        } catch (ArithmeticException e) {
            System.out.println("rem: " + e.getMessage());
        }
        System.out.println(5.0 / 0 + " " + -5.0 / 0 + " " + 0.0 / 0 + " " + 5.0 % 0 + " " + (int) Double.NaN + " " + (long) 1e30 + " " + (int) -1e30);
        double sum = 0;
        for (int i = 1; i <= 100; i++) sum += Math.sqrt(i) * Math.log(i + 1) / Math.pow(i, 1.5);
        System.out.println("sum=" + sum);
        long lsum = 0;
        for (int i = -50; i <= 50; i++) lsum += Math.floorMod(i * 37, 11) * Math.abs(i) + Math.floorDiv(i, 7);
        System.out.println("lsum=" + lsum);
    }
}
