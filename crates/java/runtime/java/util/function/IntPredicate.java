package java.util.function;

public interface IntPredicate {
    boolean test(int v);

    default IntPredicate and(IntPredicate other) {
        return v -> test(v) && other.test(v);
    }

    default IntPredicate or(IntPredicate other) {
        return v -> test(v) || other.test(v);
    }

    default IntPredicate negate() {
        return v -> !test(v);
    }
}
