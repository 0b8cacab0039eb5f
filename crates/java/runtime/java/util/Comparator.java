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

    static <T, U extends Comparable<? super U>> Comparator<T> comparing(java.util.function.Function<? super T, ? extends U> key) {
        return (a, b) -> key.apply(a).compareTo(key.apply(b));
    }

    static <T, U> Comparator<T> comparing(java.util.function.Function<? super T, ? extends U> key, Comparator<? super U> order) {
        return (a, b) -> order.compare(key.apply(a), key.apply(b));
    }

    static <T> Comparator<T> comparingInt(java.util.function.ToIntFunction<? super T> key) {
        return (a, b) -> Integer.compare(key.applyAsInt(a), key.applyAsInt(b));
    }

    static <T> Comparator<T> comparingLong(java.util.function.ToLongFunction<? super T> key) {
        return (a, b) -> Long.compare(key.applyAsLong(a), key.applyAsLong(b));
    }

    static <T> Comparator<T> comparingDouble(java.util.function.ToDoubleFunction<? super T> key) {
        return (a, b) -> Double.compare(key.applyAsDouble(a), key.applyAsDouble(b));
    }

    default <U extends Comparable<? super U>> Comparator<T> thenComparing(java.util.function.Function<? super T, ? extends U> key) {
        return thenComparing(comparing(key));
    }

    default Comparator<T> thenComparingInt(java.util.function.ToIntFunction<? super T> key) {
        return thenComparing(comparingInt(key));
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
