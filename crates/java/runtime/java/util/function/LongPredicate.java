package java.util.function;

public interface LongPredicate {
    boolean test(long v);

    default LongPredicate and(LongPredicate other) {
        return v -> test(v) && other.test(v);
    }

    default LongPredicate or(LongPredicate other) {
        return v -> test(v) || other.test(v);
    }

    default LongPredicate negate() {
        return v -> !test(v);
    }
}
