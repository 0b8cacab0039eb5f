package java.util;

/** Map.Entry's equality and hash, which every kind of entry shares. */
final class Entries {
    private Entries() {}

    static boolean same(Map.Entry<?, ?> e, Object o) {
        if (!(o instanceof Map.Entry)) return false;
        Map.Entry<?, ?> other = (Map.Entry<?, ?>) o;
        return Objects.equals(e.getKey(), other.getKey()) && Objects.equals(e.getValue(), other.getValue());
    }

    static int hash(Map.Entry<?, ?> e) {
        return Objects.hashCode(e.getKey()) ^ Objects.hashCode(e.getValue());
    }
}
