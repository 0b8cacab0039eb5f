package java.lang;

public final class Math {
    public static final double PI = 3.141592653589793;
    public static final double E = 2.718281828459045;
    private static java.util.Random random;

    private Math() {}

    private static double f(int op, double a, double b) {
        return phantom.runtime.Rt.n().math(op, a, b);
    }

    public static int abs(int a) { return a < 0 ? -a : a; }
    public static long abs(long a) { return a < 0 ? -a : a; }
    public static double abs(double a) { return a <= 0.0 ? 0.0 - a : a; }
    public static float abs(float a) { return a <= 0.0f ? 0.0f - a : a; }
    public static int max(int a, int b) { return a >= b ? a : b; }
    public static long max(long a, long b) { return a >= b ? a : b; }
    public static int min(int a, int b) { return a <= b ? a : b; }
    public static long min(long a, long b) { return a <= b ? a : b; }

    public static double max(double a, double b) {
        if (a != a) return a;
        if (a == 0.0 && b == 0.0) return (1 / a < 0) ? b : a;
        return a >= b ? a : b;
    }

    public static double min(double a, double b) {
        if (a != a) return a;
        if (a == 0.0 && b == 0.0) return (1 / a < 0) ? a : b;
        return a <= b ? a : b;
    }

    public static float max(float a, float b) { return (float) max((double) a, (double) b); }
    public static float min(float a, float b) { return (float) min((double) a, (double) b); }
    public static double sqrt(double a) { return f(0, a, 0); }

    public static double pow(double a, double b) {
        if (b != b) return b;
        return f(1, a, b);
    }

    public static double sin(double a) { return f(2, a, 0); }
    public static double cos(double a) { return f(3, a, 0); }
    public static double tan(double a) { return f(4, a, 0); }
    public static double atan2(double y, double x) { return f(5, y, x); }
    public static double exp(double a) { return f(6, a, 0); }
    public static double log(double a) { return f(7, a, 0); }
    public static double log10(double a) { return f(8, a, 0); }
    public static double floor(double a) { return f(9, a, 0); }
    public static double ceil(double a) { return f(10, a, 0); }
    public static double cbrt(double a) { return f(11, a, 0); }
    public static double asin(double a) { return f(12, a, 0); }
    public static double acos(double a) { return f(13, a, 0); }
    public static double atan(double a) { return f(14, a, 0); }
    public static double hypot(double a, double b) { return f(15, a, b); }
    public static double rint(double a) { return f(16, a, 0); }
    public static long round(double a) { return (long) floor(a + 0.5); }
    public static int round(float a) { return (int) floor(a + 0.5f); }
    public static double signum(double a) { return a > 0 ? 1.0 : a < 0 ? -1.0 : a; }
    public static double toRadians(double deg) { return deg / 180.0 * PI; }
    public static double toDegrees(double rad) { return rad * 180.0 / PI; }

    public static int floorDiv(int a, int b) {
        int q = a / b;
        if ((a % b != 0) && ((a ^ b) < 0)) q--;
        return q;
    }

    public static int floorMod(int a, int b) {
        return a - floorDiv(a, b) * b;
    }

    public static long floorDiv(long a, long b) {
        long q = a / b;
        if ((a % b != 0) && ((a ^ b) < 0)) q--;
        return q;
    }

    public static long floorMod(long a, long b) {
        return a - floorDiv(a, b) * b;
    }

    public static int addExact(int a, int b) {
        int r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) throw new ArithmeticException("integer overflow");
        return r;
    }

    public static long addExact(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) throw new ArithmeticException("long overflow");
        return r;
    }

    public static int multiplyExact(int a, int b) {
        long r = (long) a * b;
        if ((int) r != r) throw new ArithmeticException("integer overflow");
        return (int) r;
    }

    public static int toIntExact(long v) {
        if ((int) v != v) throw new ArithmeticException("integer overflow");
        return (int) v;
    }

    public static double random() {
        if (random == null) random = new java.util.Random();
        return random.nextDouble();
    }
}
