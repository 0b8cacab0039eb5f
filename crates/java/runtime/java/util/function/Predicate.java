package java.util.function;

public interface Predicate<T> {
    boolean test(T t);

    default Predicate<T> and(Predicate<? super T> other) {
        return (t) -> test(t) && other.test(t);
    }

    default Predicate<T> or(Predicate<? super T> other) {
        return (t) -> test(t) || other.test(t);
    }

    default Predicate<T> negate() {
        return (t) -> !test(t);
    }

    static <T> Predicate<T> not(Predicate<? super T> target) {
        return (T t) -> !target.test(t);
    }

    static <T> Predicate<T> isEqual(Object target) {
        return target == null ? (T t) -> t == null : (T t) -> target.equals(t);
    }
}
