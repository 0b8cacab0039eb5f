package java.lang;

public final class Integer extends Number implements Comparable<Integer> {
    public static final int MIN_VALUE = 0x80000000;
    public static final int MAX_VALUE = 0x7fffffff;
    private static final Integer[] CACHE = new Integer[256];
    private final int value;

    public Integer(int value) {
        this.value = value;
    }

    public static Integer valueOf(int v) {
        if (v >= -128 && v <= 127) {
            Integer c = CACHE[v + 128];
            if (c == null) {
                c = new Integer(v);
                CACHE[v + 128] = c;
            }
            return c;
        }
        return new Integer(v);
    }

    public static Integer valueOf(String s) {
        return valueOf(parseInt(s));
    }

    public static int parseInt(String s) {
        return parseInt(s, 10);
    }

    public static int parseInt(String s, int radix) {
        long v = Long.parse(s, radix, false);
        if (v < MIN_VALUE || v > MAX_VALUE) {
            throw Long.badInput(s, radix);
        }
        return (int) v;
    }

    public static int parseUnsignedInt(String s) {
        return parseUnsignedInt(s, 10);
    }

    public static int parseUnsignedInt(String s, int radix) {
        if (s != null && s.length() > 0 && s.charAt(0) == '-') {
            throw new NumberFormatException("Illegal leading minus sign on unsigned string " + s + ".");
        }
        long v = Long.parse(s, radix, false);
        if (v > 0xFFFFFFFFL) {
            throw new NumberFormatException("String value " + s + " exceeds range of unsigned int.");
        }
        return (int) v;
    }

    public static Integer valueOf(String s, int radix) {
        return valueOf(parseInt(s, radix));
    }

    public static Integer decode(String s) {
        return valueOf((int) Long.decodeValue(s, MIN_VALUE, MAX_VALUE));
    }

    public int intValue() { return value; }
    public long longValue() { return value; }
    public float floatValue() { return value; }
    public double doubleValue() { return value; }

    public static String toString(int v) {
        return phantom.runtime.Rt.str(v);
    }

    public static String toString(int v, int radix) {
        return phantom.runtime.Rt.n().longToString(v, radix);
    }

    public static String toHexString(int v) {
        return phantom.runtime.Rt.n().longToString(v & 0xFFFFFFFFL, 16);
    }

    public static String toBinaryString(int v) {
        return phantom.runtime.Rt.n().longToString(v & 0xFFFFFFFFL, 2);
    }

    public static String toOctalString(int v) {
        return phantom.runtime.Rt.n().longToString(v & 0xFFFFFFFFL, 8);
    }

    public String toString() {
        return toString(value);
    }

    public boolean equals(Object o) {
        return o instanceof Integer && ((Integer) o).value == value;
    }

    public int hashCode() {
        return value;
    }

    public static int hashCode(int v) {
        return v;
    }

    public int compareTo(Integer o) {
        return compare(value, o.value);
    }

    public static int compare(int a, int b) {
        return a < b ? -1 : a == b ? 0 : 1;
    }

    public static int max(int a, int b) { return Math.max(a, b); }
    public static int min(int a, int b) { return Math.min(a, b); }
    public static int sum(int a, int b) { return a + b; }
    public static int signum(int v) { return v > 0 ? 1 : v < 0 ? -1 : 0; }

    public static int bitCount(int v) {
        int n = 0;
        while (v != 0) {
            v &= v - 1;
            n++;
        }
        return n;
    }

    public static int reverse(int v) {
        int r = 0;
        for (int i = 0; i < 32; i++) {
            r = (r << 1) | (v & 1);
            v >>>= 1;
        }
        return r;
    }

    public static int numberOfLeadingZeros(int v) {
        if (v == 0) return 32;
        int n = 0;
        while ((v & 0x80000000) == 0) {
            v <<= 1;
            n++;
        }
        return n;
    }

    public static int numberOfTrailingZeros(int v) {
        if (v == 0) return 32;
        int n = 0;
        while ((v & 1) == 0) {
            v >>>= 1;
            n++;
        }
        return n;
    }

    public static int lowestOneBit(int v) {
        return v & -v;
    }

    public static int reverseBytes(int v) {
        return (v << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24);
    }

    public static int rotateLeft(int v, int n) {
        return (v << n) | (v >>> -n);
    }

    public static int rotateRight(int v, int n) {
        return (v >>> n) | (v << -n);
    }

    public static long toUnsignedLong(int v) {
        return v & 0xFFFFFFFFL;
    }

    public static String toUnsignedString(int v) {
        return Long.toString(v & 0xFFFFFFFFL);
    }

    public static String toUnsignedString(int v, int radix) {
        return Long.toString(v & 0xFFFFFFFFL, radix);
    }

    public static int compareUnsigned(int a, int b) {
        return compare(a + MIN_VALUE, b + MIN_VALUE);
    }

    public static int divideUnsigned(int a, int b) {
        return (int) ((a & 0xFFFFFFFFL) / (b & 0xFFFFFFFFL));
    }

    public static int remainderUnsigned(int a, int b) {
        return (int) ((a & 0xFFFFFFFFL) % (b & 0xFFFFFFFFL));
    }

    public static int highestOneBit(int v) {
        return v == 0 ? 0 : 0x80000000 >>> numberOfLeadingZeros(v);
    }
}
