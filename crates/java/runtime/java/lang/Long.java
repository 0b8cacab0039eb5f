package java.lang;

public final class Long extends Number implements Comparable<Long> {
    public static final long MIN_VALUE = 0x8000000000000000L;
    public static final long MAX_VALUE = 0x7fffffffffffffffL;
    private static final Long[] CACHE = new Long[256];
    private final long value;

    public Long(long value) {
        this.value = value;
    }

    public static Long valueOf(long v) {
        if (v >= -128 && v <= 127) {
            int i = (int) v + 128;
            Long c = CACHE[i];
            if (c == null) {
                c = new Long(v);
                CACHE[i] = c;
            }
            return c;
        }
        return new Long(v);
    }

    public static Long valueOf(String s) {
        return valueOf(parseLong(s));
    }

    public static long parseLong(String s) {
        return parseLong(s, 10);
    }

    public static long parseLong(String s, int radix) {
        if (s == null) {
            throw new NumberFormatException("Cannot parse null string: null");
        }
        return phantom.runtime.Rt.n().parseLong(s, radix);
    }

    public int intValue() { return (int) value; }
    public long longValue() { return value; }
    public float floatValue() { return value; }
    public double doubleValue() { return value; }

    public static String toString(long v) {
        return phantom.runtime.Rt.str(v);
    }

    public static String toString(long v, int radix) {
        return phantom.runtime.Rt.n().longToString(v, radix);
    }

    public static String toHexString(long v) {
        if (v >= 0) return toString(v, 16);
        return toString(v >>> 4, 16) + toString(v & 15, 16);
    }

    public static String toBinaryString(long v) {
        if (v >= 0) return toString(v, 2);
        return toString(v >>> 1, 2) + toString(v & 1, 2);
    }

    public String toString() {
        return toString(value);
    }

    public boolean equals(Object o) {
        return o instanceof Long && ((Long) o).value == value;
    }

    public int hashCode() {
        return (int) (value ^ (value >>> 32));
    }

    public static int hashCode(long v) {
        return (int) (v ^ (v >>> 32));
    }

    public int compareTo(Long o) {
        return compare(value, o.value);
    }

    public static int compare(long a, long b) {
        return a < b ? -1 : a == b ? 0 : 1;
    }

    public static long max(long a, long b) { return Math.max(a, b); }
    public static long min(long a, long b) { return Math.min(a, b); }
    public static long sum(long a, long b) { return a + b; }
    public static int signum(long v) { return v > 0 ? 1 : v < 0 ? -1 : 0; }

    public static int bitCount(long v) {
        int n = 0;
        while (v != 0) {
            v &= v - 1;
            n++;
        }
        return n;
    }

    public static int numberOfTrailingZeros(long v) {
        if (v == 0) return 64;
        int n = 0;
        while ((v & 1) == 0) {
            v >>>= 1;
            n++;
        }
        return n;
    }

    public static int numberOfLeadingZeros(long v) {
        if (v == 0) return 64;
        int n = 0;
        while (v > 0) {
            v <<= 1;
            n++;
        }
        return n;
    }
}
