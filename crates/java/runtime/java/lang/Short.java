package java.lang;

public final class Short extends Number implements Comparable<Short> {
    public static final short MIN_VALUE = (short) -(0x7fff + 1);
    public static final short MAX_VALUE = (short) 0x7fff;
    public static final int SIZE = 16;
    public static final int BYTES = 16 / 8;
    private static final Short[] CACHE = new Short[256];
    private final short value;

    public Short(short value) {
        this.value = value;
    }

    /** Every value in -128..127 is one shared box, as the JDK's cache makes it. */
    public static Short valueOf(short v) {
        int slot = v + 128;
        if (slot >= 0 && slot < 256) {
            Short c = CACHE[slot];
            if (c == null) {
                c = new Short(v);
                CACHE[slot] = c;
            }
            return c;
        }
        return new Short(v);
    }

    public static Short valueOf(String s) {
        return valueOf(parseShort(s, 10));
    }

    public static short parseShort(String s) {
        return parseShort(s, 10);
    }

    public static short parseShort(String s, int radix) {
        int v = Integer.parseInt(s, radix);
        if (v < MIN_VALUE || v > MAX_VALUE) {
            throw new NumberFormatException("Value out of range. Value:\"" + s + "\" Radix:" + radix);
        }
        return (short) v;
    }

    public short shortValue() { return value; }
    public int intValue() { return value; }
    public long longValue() { return value; }
    public float floatValue() { return value; }
    public double doubleValue() { return value; }

    public static String toString(short v) {
        return Integer.toString(v);
    }

    public String toString() {
        return Integer.toString(value);
    }

    public boolean equals(Object o) {
        return o instanceof Short && ((Short) o).value == value;
    }

    public int hashCode() {
        return value;
    }

    public static int hashCode(short v) {
        return v;
    }

    public int compareTo(Short o) {
        return compare(value, o.value);
    }

    public static int compare(short a, short b) {
        return a - b;
    }

    public static int toUnsignedInt(short v) {
        return v & ((0x7fff << 1) | 1);
    }
}
