package java.util;

public final class Objects {
    private Objects() {}

    public static boolean equals(Object a, Object b) {
        return a == b || (a != null && a.equals(b));
    }

    /** equals, and arrays compared element by element (nested arrays too). */
    public static boolean deepEquals(Object a, Object b) {
        return Arrays.deepEquals0(a, b);
    }

    public static int hashCode(Object o) {
        return o == null ? 0 : o.hashCode();
    }

    public static int hash(Object... values) {
        int h = 1;
        for (Object v : values) h = 31 * h + hashCode(v);
        return h;
    }

    public static String toString(Object o) {
        return String.valueOf(o);
    }

    public static String toString(Object o, String whenNull) {
        return o == null ? whenNull : o.toString();
    }

    public static <T> T requireNonNull(T o) {
        if (o == null) throw new NullPointerException();
        return o;
    }

    public static <T> T requireNonNull(T o, String message) {
        if (o == null) throw new NullPointerException(message);
        return o;
    }

    public static boolean isNull(Object o) {
        return o == null;
    }

    public static boolean nonNull(Object o) {
        return o != null;
    }

    public static <T> T requireNonNullElse(T o, T other) {
        return o != null ? o : other;
    }

    public static <T> T requireNonNullElseGet(T o, java.util.function.Supplier<? extends T> supplier) {
        return o != null ? o : requireNonNull(requireNonNull(supplier, "supplier").get(), "supplier.get()");
    }

    public static <T> T requireNonNull(T o, java.util.function.Supplier<String> messageSupplier) {
        if (o == null) throw new NullPointerException(messageSupplier == null ? null : messageSupplier.get());
        return o;
    }

    public static <T> int compare(T a, T b, Comparator<? super T> c) {
        return a == b ? 0 : c.compare(a, b);
    }

    public static int checkIndex(int index, int length) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("Index " + index + " out of bounds for length " + length);
        }
        return index;
    }

    public static int checkFromToIndex(int fromIndex, int toIndex, int length) {
        if (fromIndex < 0 || fromIndex > toIndex || toIndex > length) {
            throw new IndexOutOfBoundsException("Range [" + fromIndex + ", " + toIndex + ") out of bounds for length " + length);
        }
        return fromIndex;
    }

    public static int checkFromIndexSize(int fromIndex, int size, int length) {
        if ((length | fromIndex | size) < 0 || size > length - fromIndex) {
            throw new IndexOutOfBoundsException("Range [" + fromIndex + ", " + fromIndex + " + " + size + ") out of bounds for length " + length);
        }
        return fromIndex;
    }
}
