package java.util.function;

public interface LongUnaryOperator {
    long applyAsLong(long a);

    default LongUnaryOperator compose(LongUnaryOperator before) {
        return v -> applyAsLong(before.applyAsLong(v));
    }

    default LongUnaryOperator andThen(LongUnaryOperator after) {
        return v -> after.applyAsLong(applyAsLong(v));
    }

    static LongUnaryOperator identity() {
        return v -> v;
    }
}
