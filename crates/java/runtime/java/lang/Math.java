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
    public static double signum(double a) { return a > 0 ? 1.0 : a < 0 ? -1.0 : a; }
    public static float signum(float a) { return a > 0 ? 1.0f : a < 0 ? -1.0f : a; }

    /**
     * The closest long, ties towards positive infinity, computed on the bits: floor(a + 0.5)
     * goes wrong when the addition itself rounds (0.49999999999999994, odd values past 2^52).
     */
    public static long round(double a) {
        long bits = Double.doubleToRawLongBits(a);
        int biased = (int) (bits >> 52) & 0x7ff;
        if (biased == 0x7ff) {
            return a != a ? 0 : a > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        // |a| = m * 2^-shift
        int shift = 1075 - biased;
        if (shift <= 0) {
            return (long) a;
        }
        if (shift >= 54) {
            return 0;
        }
        long m = (bits & 0xfffffffffffffL) | 0x10000000000000L;
        if (bits < 0) {
            m = -m;
        }
        // floor(v + 1/2) in integers: add half a unit, shift right arithmetically.
        return (m + (1L << (shift - 1))) >> shift;
    }

    public static int round(float a) {
        int bits = Float.floatToRawIntBits(a);
        int biased = (bits >> 23) & 0xff;
        if (biased == 0xff) {
            return a != a ? 0 : a > 0 ? Integer.MAX_VALUE : Integer.MIN_VALUE;
        }
        int shift = 150 - biased;
        if (shift <= 0) {
            return (int) a;
        }
        if (shift >= 25) {
            return 0;
        }
        int m = (bits & 0x7fffff) | 0x800000;
        if (bits < 0) {
            m = -m;
        }
        return (m + (1 << (shift - 1))) >> shift;
    }

    public static double log1p(double x) {
        // log(u) * x / (u - 1) corrects the rounding of u = 1 + x (Goldberg, "What every
        // computer scientist should know about floating-point arithmetic").
        double u = 1.0 + x;
        if (u == 1.0) return x;
        if (u == Double.POSITIVE_INFINITY || x != x || u <= 0) return log(u);
        return log(u) * x / (u - 1.0);
    }

    public static double expm1(double x) {
        if (x != x || x == Double.POSITIVE_INFINITY) return x;
        if (x == Double.NEGATIVE_INFINITY) return -1.0;
        if (abs(x) < 1e-5) return x + x * x / 2 + x * x * x / 6;
        double u = exp(x);
        if (u == 1.0) return x;
        double um1 = u - 1.0;
        if (um1 == -1.0 || u == Double.POSITIVE_INFINITY) return um1;
        // (u - 1) * x / log(u) corrects the rounding of u, as log1p does.
        return um1 * x / log(u);
    }

    public static double sinh(double x) {
        if (x == 0 || x != x || isInfinite(x)) return x;
        if (abs(x) < 0.5) {
            double e = expm1(x);
            return (e + e / (e + 1.0)) / 2;
        }
        double e = exp(abs(x));
        double r = (e - 1.0 / e) / 2;
        return x < 0 ? -r : r;
    }

    public static double cosh(double x) {
        if (x != x) return x;
        double e = exp(abs(x));
        return (e + 1.0 / e) / 2;
    }

    public static double tanh(double x) {
        if (x == 0 || x != x) return x;
        if (abs(x) > 22) return x > 0 ? 1.0 : -1.0;
        double e = expm1(2 * abs(x));
        double r = e / (e + 2.0);
        return x < 0 ? -r : r;
    }

    private static boolean isInfinite(double x) {
        return x == Double.POSITIVE_INFINITY || x == Double.NEGATIVE_INFINITY;
    }

    public static double log2(double x) { return log(x) / log(2.0); }

    /** The distance from a to the next double away from zero. */
    public static double ulp(double a) {
        if (a != a) return a;
        if (isInfinite(a)) return Double.POSITIVE_INFINITY;
        a = abs(a);
        if (a == Double.MAX_VALUE) return Double.longBitsToDouble(0x7c90000000000000L);
        return Double.longBitsToDouble(Double.doubleToRawLongBits(a) + 1) - a;
    }

    public static float ulp(float a) {
        if (a != a) return a;
        if (a == Float.POSITIVE_INFINITY || a == Float.NEGATIVE_INFINITY) return Float.POSITIVE_INFINITY;
        a = abs(a);
        if (a == Float.MAX_VALUE) return Float.intBitsToFloat(0x73800000);
        return Float.intBitsToFloat(Float.floatToRawIntBits(a) + 1) - a;
    }

    public static double nextUp(double a) {
        if (a != a || a == Double.POSITIVE_INFINITY) return a;
        if (a == 0.0) return Double.MIN_VALUE;
        long b = Double.doubleToRawLongBits(a);
        return Double.longBitsToDouble(a > 0 ? b + 1 : b - 1);
    }

    public static double nextDown(double a) {
        if (a != a || a == Double.NEGATIVE_INFINITY) return a;
        if (a == 0.0) return -Double.MIN_VALUE;
        long b = Double.doubleToRawLongBits(a);
        return Double.longBitsToDouble(a > 0 ? b - 1 : b + 1);
    }

    public static double nextAfter(double start, double direction) {
        if (start != start || direction != direction) return start + direction;
        if (start == direction) return direction;
        return direction > start ? nextUp(start) : nextDown(start);
    }

    public static double copySign(double magnitude, double sign) {
        long m = Double.doubleToRawLongBits(magnitude) & 0x7fffffffffffffffL;
        return Double.longBitsToDouble(m | (Double.doubleToRawLongBits(sign) & 0x8000000000000000L));
    }

    public static int getExponent(double d) {
        return (int) ((Double.doubleToRawLongBits(d) >> 52) & 0x7ff) - 1023;
    }

    /** a * b + c with one rounding: exact when a * b is (both within 26 significant bits), else a split product. */
    public static double fma(double a, double b, double c) {
        if (a != a || b != b || c != c || isInfinite(a) || isInfinite(b) || isInfinite(c) || a == 0 || b == 0) {
            return a * b + c;
        }
        // Dekker's exact product: p + e == a * b.
        double p = a * b;
        double[] sa = split(a), sb = split(b);
        double e = ((sa[0] * sb[0] - p) + sa[0] * sb[1] + sa[1] * sb[0]) + sa[1] * sb[1];
        double s = p + c;
        // The rounding error of p + c (Knuth's two-sum).
        double v = s - p;
        double err = (p - (s - v)) + (c - v);
        return s + (err + e);
    }

    private static double[] split(double x) {
        double t = 134217729.0 * x;
        double hi = t - (t - x);
        return new double[] {hi, x - hi};
    }

    public static int subtractExact(int a, int b) {
        int r = a - b;
        if (((a ^ b) & (a ^ r)) < 0) throw new ArithmeticException("integer overflow");
        return r;
    }

    public static long subtractExact(long a, long b) {
        long r = a - b;
        if (((a ^ b) & (a ^ r)) < 0) throw new ArithmeticException("long overflow");
        return r;
    }

    public static long multiplyExact(long a, long b) {
        long r = a * b;
        if (a != 0 && (r / a != b || (a == -1 && b == Long.MIN_VALUE))) throw new ArithmeticException("long overflow");
        return r;
    }

    public static long multiplyExact(long a, int b) {
        return multiplyExact(a, (long) b);
    }

    /** The high 64 bits of the 128-bit product, from 32-bit halves. */
    public static long multiplyHigh(long a, long b) {
        long a1 = a >> 32, a0 = a & 0xFFFFFFFFL, b1 = b >> 32, b0 = b & 0xFFFFFFFFL;
        long low = a0 * b0;
        long mid1 = a1 * b0 + (low >>> 32);
        long mid2 = a0 * b1 + (mid1 & 0xFFFFFFFFL);
        return a1 * b1 + (mid1 >> 32) + (mid2 >> 32);
    }

    public static int negateExact(int a) {
        if (a == Integer.MIN_VALUE) throw new ArithmeticException("integer overflow");
        return -a;
    }

    public static long negateExact(long a) {
        if (a == Long.MIN_VALUE) throw new ArithmeticException("long overflow");
        return -a;
    }

    public static int incrementExact(int a) {
        if (a == Integer.MAX_VALUE) throw new ArithmeticException("integer overflow");
        return a + 1;
    }

    public static long incrementExact(long a) {
        if (a == Long.MAX_VALUE) throw new ArithmeticException("long overflow");
        return a + 1;
    }

    public static int decrementExact(int a) {
        if (a == Integer.MIN_VALUE) throw new ArithmeticException("integer overflow");
        return a - 1;
    }

    public static long decrementExact(long a) {
        if (a == Long.MIN_VALUE) throw new ArithmeticException("long overflow");
        return a - 1;
    }

    public static int floorMod(long a, int b) {
        return (int) floorMod(a, (long) b);
    }

    public static long floorDiv(long a, int b) {
        return floorDiv(a, (long) b);
    }

    public static int absExact(int a) {
        if (a == Integer.MIN_VALUE) throw new ArithmeticException("Overflow to represent absolute value of Integer.MIN_VALUE");
        return abs(a);
    }

    public static long absExact(long a) {
        if (a == Long.MIN_VALUE) throw new ArithmeticException("Overflow to represent absolute value of Long.MIN_VALUE");
        return abs(a);
    }

    public static double scalb(double d, int n) {
        return d * pow(2.0, n);
    }
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
