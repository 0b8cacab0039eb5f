package java.lang;

public final class Float extends Number implements Comparable<Float> {
    public static final float POSITIVE_INFINITY = 1.0f / 0.0f;
    public static final float NEGATIVE_INFINITY = -1.0f / 0.0f;
    public static final float NaN = 0.0f / 0.0f;
    public static final float MAX_VALUE = 0x1.fffffeP+127f;
    private final float value;

    public Float(float value) {
        this.value = value;
    }

    public static Float valueOf(float v) {
        return new Float(v);
    }

    public static float parseFloat(String s) {
        return (float) Double.parseDouble(s);
    }

    public static boolean isNaN(float v) {
        return v != v;
    }

    public static boolean isInfinite(float v) {
        return v == POSITIVE_INFINITY || v == NEGATIVE_INFINITY;
    }

    public static boolean isFinite(float v) {
        return v == v && !isInfinite(v);
    }

    public static final float MIN_VALUE = 0x0.000002P-126f;
    public static final float MIN_NORMAL = 0x1.0p-126f;
    public static final int SIZE = 32;
    public static final int BYTES = 4;

    public static Float valueOf(String s) {
        return new Float(parseFloat(s));
    }

    public boolean isNaN() {
        return isNaN(value);
    }

    public boolean isInfinite() {
        return isInfinite(value);
    }

    public static float max(float a, float b) { return Math.max(a, b); }
    public static float min(float a, float b) { return Math.min(a, b); }
    public static float sum(float a, float b) { return a + b; }

    public int intValue() { return (int) value; }
    public long longValue() { return (long) value; }
    public float floatValue() { return value; }
    public double doubleValue() { return value; }

    public static String toString(float f) {
        return phantom.runtime.Rt.str(f);
    }

    public String toString() {
        return toString(value);
    }

    public boolean equals(Object o) {
        return o instanceof Float && floatToIntBits(((Float) o).value) == floatToIntBits(value);
    }

    public int hashCode() {
        return hashCode(value);
    }

    public static int hashCode(float f) {
        return floatToIntBits(f);
    }

    public static int floatToIntBits(float f) {
        if (f != f) return 0x7fc00000;
        return phantom.runtime.Rt.floatBits(f);
    }

    public static int floatToRawIntBits(float f) {
        return phantom.runtime.Rt.floatBits(f);
    }

    public static float intBitsToFloat(int bits) {
        return phantom.runtime.Rt.floatFromBits(bits);
    }

    public int compareTo(Float o) {
        return compare(value, o.value);
    }

    public static int compare(float a, float b) {
        return Double.compare(a, b);
    }
}
