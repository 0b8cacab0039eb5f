package java.util;

public final class Objects {
    private Objects() {}

    public static boolean equals(Object a, Object b) {
        return a == b || (a != null && a.equals(b));
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
}
