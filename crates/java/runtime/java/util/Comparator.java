package java.util;

public interface Comparator<T> {
    int compare(T a, T b);

    default Comparator<T> reversed() {
        Comparator<T> self = this;
        return new Comparator<T>() {
            public int compare(T a, T b) {
                return self.compare(b, a);
            }
        };
    }

    default Comparator<T> thenComparing(Comparator<? super T> next) {
        Comparator<T> self = this;
        return new Comparator<T>() {
            public int compare(T a, T b) {
                int c = self.compare(a, b);
                return c != 0 ? c : next.compare(a, b);
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T extends Comparable<? super T>> Comparator<T> naturalOrder() {
        return (Comparator) Arrays.NATURAL;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T extends Comparable<? super T>> Comparator<T> reverseOrder() {
        return (Comparator) Arrays.NATURAL.reversed();
    }
}
