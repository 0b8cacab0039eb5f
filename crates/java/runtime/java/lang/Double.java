package java.lang;

public final class Double extends Number implements Comparable<Double> {
    public static final double POSITIVE_INFINITY = 1.0 / 0.0;
    public static final double NEGATIVE_INFINITY = -1.0 / 0.0;
    public static final double NaN = 0.0d / 0.0;
    public static final double MAX_VALUE = 0x1.fffffffffffffP+1023;
    public static final double MIN_VALUE = 0x0.0000000000001P-1022;
    private final double value;

    public Double(double value) {
        this.value = value;
    }

    public static Double valueOf(double v) {
        return new Double(v);
    }

    public static Double valueOf(String s) {
        return new Double(parseDouble(s));
    }

    public static double parseDouble(String s) {
        if (s == null) {
            throw new NullPointerException();
        }
        // The JDK reads the digits before the exponent first and stops at a second point.
        String t = s.trim();
        int points = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '.') {
                if (++points == 2) {
                    throw new NumberFormatException("multiple points");
                }
            } else if (!(c >= '0' && c <= '9' || i == 0 && (c == '-' || c == '+'))) {
                break;
            }
        }
        return phantom.runtime.Rt.n().parseDouble(s);
    }

    public static final double MIN_NORMAL = 0x1.0p-1022;
    public static final int SIZE = 64;
    public static final int BYTES = 8;

    public boolean isInfinite() {
        return isInfinite(value);
    }

    public static boolean isNaN(double v) {
        return v != v;
    }

    public static boolean isInfinite(double v) {
        return v == POSITIVE_INFINITY || v == NEGATIVE_INFINITY;
    }

    public static boolean isFinite(double v) {
        return !isNaN(v) && !isInfinite(v);
    }

    public boolean isNaN() {
        return isNaN(value);
    }

    public int intValue() { return (int) value; }
    public long longValue() { return (long) value; }
    public float floatValue() { return (float) value; }
    public double doubleValue() { return value; }

    public static String toString(double d) {
        return phantom.runtime.Rt.str(d);
    }

    public String toString() {
        return toString(value);
    }

    public boolean equals(Object o) {
        return o instanceof Double && doubleToLongBits(((Double) o).value) == doubleToLongBits(value);
    }

    public static long doubleToLongBits(double d) {
        if (d != d) return 0x7ff8000000000000L;
        return doubleToRawLongBits(d);
    }

    public static long doubleToRawLongBits(double d) {
        return phantom.runtime.Rt.bits(d);
    }

    public static double longBitsToDouble(long bits) {
        return phantom.runtime.Rt.fromBits(bits);
    }

    public int hashCode() {
        return hashCode(value);
    }

    public static int hashCode(double d) {
        long b = doubleToLongBits(d);
        return (int) (b ^ (b >>> 32));
    }

    public int compareTo(Double o) {
        return compare(value, o.value);
    }

    public static int compare(double a, double b) {
        if (a < b) return -1;
        if (a > b) return 1;
        long x = doubleToLongBits(a), y = doubleToLongBits(b);
        return x == y ? 0 : x < y ? -1 : 1;
    }

    public static double max(double a, double b) { return Math.max(a, b); }
    public static double min(double a, double b) { return Math.min(a, b); }
    public static double sum(double a, double b) { return a + b; }
}
