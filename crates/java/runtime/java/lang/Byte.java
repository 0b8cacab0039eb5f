package java.lang;

public final class Byte extends Number implements Comparable<Byte> {
    public static final byte MIN_VALUE = (byte) -(0x7f + 1);
    public static final byte MAX_VALUE = (byte) 0x7f;
    public static final int SIZE = 8;
    public static final int BYTES = 8 / 8;
    private static final Byte[] CACHE = new Byte[256];
    private final byte value;

    public Byte(byte value) {
        this.value = value;
    }

    /** Every value in -128..127 is one shared box, as the JDK's cache makes it. */
    public static Byte valueOf(byte v) {
        int slot = v + 128;
        if (slot >= 0 && slot < 256) {
            Byte c = CACHE[slot];
            if (c == null) {
                c = new Byte(v);
                CACHE[slot] = c;
            }
            return c;
        }
        return new Byte(v);
    }

    public static Byte valueOf(String s) {
        return valueOf(parseByte(s, 10));
    }

    public static byte parseByte(String s) {
        return parseByte(s, 10);
    }

    public static byte parseByte(String s, int radix) {
        int v = Integer.parseInt(s, radix);
        if (v < MIN_VALUE || v > MAX_VALUE) {
            throw new NumberFormatException("Value out of range. Value:\"" + s + "\" Radix:" + radix);
        }
        return (byte) v;
    }

    public byte byteValue() { return value; }
    public int intValue() { return value; }
    public long longValue() { return value; }
    public float floatValue() { return value; }
    public double doubleValue() { return value; }

    public static String toString(byte v) {
        return Integer.toString(v);
    }

    public String toString() {
        return Integer.toString(value);
    }

    public boolean equals(Object o) {
        return o instanceof Byte && ((Byte) o).value == value;
    }

    public int hashCode() {
        return value;
    }

    public static int hashCode(byte v) {
        return v;
    }

    public int compareTo(Byte o) {
        return compare(value, o.value);
    }

    public static int compare(byte a, byte b) {
        return a - b;
    }

    public static int toUnsignedInt(byte v) {
        return v & ((0x7f << 1) | 1);
    }
}
