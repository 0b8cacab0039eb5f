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
        return parse(s, radix, true);
    }

    public static Long valueOf(String s, int radix) {
        return valueOf(parseLong(s, radix));
    }

    public static Long decode(String s) {
        return valueOf(decodeValue(s, MIN_VALUE, MAX_VALUE));
    }

    static NumberFormatException badInput(String s, int radix) {
        return new NumberFormatException("For input string: \"" + s + "\"" + (radix == 10 ? "" : " under radix " + radix));
    }

    /**
     * An optionally signed number in the radix, with the JDK's messages. With wide false it
     * only needs to be right within 33 bits (the int parsers check the range themselves).
     */
    static long parse(String s, int radix, boolean wide) {
        if (s == null) {
            throw new NumberFormatException("Cannot parse null string");
        }
        if (radix < 2) {
            throw new NumberFormatException("radix " + radix + " less than Character.MIN_RADIX");
        }
        if (radix > 36) {
            throw new NumberFormatException("radix " + radix + " greater than Character.MAX_RADIX");
        }
        int n = s.length(), i = 0;
        boolean negative = false;
        if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        if (i == n) {
            throw badInput(s, radix);
        }
        // Accumulated as a negative number, which has room for MIN_VALUE.
        long v = 0, floor = MIN_VALUE / radix;
        for (; i < n; i++) {
            int d = Character.digit(s.charAt(i), radix);
            if (d < 0 || v < floor) {
                throw badInput(s, radix);
            }
            v = v * radix;
            if (v < MIN_VALUE + d) {
                throw badInput(s, radix);
            }
            v -= d;
        }
        if (!negative) {
            if (v == MIN_VALUE) {
                throw badInput(s, radix);
            }
            v = -v;
        }
        return v;
    }

    /** decode: a sign, then 0x, 0X, # (hexadecimal), 0 (octal) or decimal digits. */
    static long decodeValue(String s, long min, long max) {
        if (s.isEmpty()) {
            throw new NumberFormatException("Zero length string");
        }
        int i = 0;
        boolean negative = false;
        if (s.charAt(0) == '-' || s.charAt(0) == '+') {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        int radix = 10;
        if (s.startsWith("0x", i) || s.startsWith("0X", i)) {
            radix = 16;
            i += 2;
        } else if (s.startsWith("#", i)) {
            radix = 16;
            i++;
        } else if (s.startsWith("0", i) && s.length() > i + 1) {
            radix = 8;
            i++;
        }
        String digits = s.substring(i);
        if (digits.startsWith("-") || digits.startsWith("+")) {
            throw new NumberFormatException("Sign character in wrong position");
        }
        // Errors name the number without its prefix, as the JDK's do.
        String constant = negative ? "-" + digits : digits;
        long v = parse(constant, radix, true);
        if (v < min || v > max) {
            throw badInput(constant, radix);
        }
        return v;
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

    public static String toOctalString(long v) {
        if (v >= 0) return toString(v, 8);
        return toString(v >>> 3, 8) + toString(v & 7, 8);
    }

    public static String toUnsignedString(long v) {
        return toUnsignedString(v, 10);
    }

    public static String toUnsignedString(long v, int radix) {
        if (v >= 0) return toString(v, radix);
        // v = q * radix + r, from (v >>> 1) / radix halved back.
        long q = ((v >>> 1) / radix) << 1;
        long r = v - q * radix;
        if (compareUnsigned(r, radix) >= 0) {
            q++;
            r -= radix;
        }
        return toString(q, radix) + toString(r, radix);
    }

    public static int compareUnsigned(long a, long b) {
        return compare(a + MIN_VALUE, b + MIN_VALUE);
    }

    public static long divideUnsigned(long a, long b) {
        if (b < 0) {
            return compareUnsigned(a, b) < 0 ? 0 : 1;
        }
        if (a >= 0) {
            return a / b;
        }
        long q = ((a >>> 1) / b) << 1;
        long r = a - q * b;
        return compareUnsigned(r, b) >= 0 ? q + 1 : q;
    }

    public static long remainderUnsigned(long a, long b) {
        return a - divideUnsigned(a, b) * b;
    }

    public static long parseUnsignedLong(String s) {
        if (s != null && s.length() > 0 && s.charAt(0) == '-') {
            throw new NumberFormatException("Illegal leading minus sign on unsigned string " + s + ".");
        }
        if (s != null && s.length() > 18) {
            // Too long for a long: the last digit apart.
            long head = parseLong(s.substring(0, s.length() - 1));
            int d = Character.digit(s.charAt(s.length() - 1), 10);
            if (d < 0) {
                throw badInput(s, 10);
            }
            long v = head * 10 + d;
            if (compareUnsigned(head, divideUnsigned(-1L - d, 10)) > 0) {
                throw new NumberFormatException("String value " + s + " exceeds range of unsigned long.");
            }
            return v;
        }
        return parseLong(s);
    }

    public static long highestOneBit(long v) {
        return v == 0 ? 0 : MIN_VALUE >>> numberOfLeadingZeros(v);
    }

    public static long lowestOneBit(long v) {
        return v & -v;
    }

    public static long reverse(long v) {
        return ((long) Integer.reverse((int) v) << 32) | (Integer.reverse((int) (v >>> 32)) & 0xFFFFFFFFL);
    }

    public static long reverseBytes(long v) {
        return ((long) Integer.reverseBytes((int) v) << 32) | (Integer.reverseBytes((int) (v >>> 32)) & 0xFFFFFFFFL);
    }

    public static long rotateLeft(long v, int n) {
        return (v << n) | (v >>> -n);
    }

    public static long rotateRight(long v, int n) {
        return (v >>> n) | (v << -n);
    }

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
