package java.util.function;

public interface IntUnaryOperator {
    int applyAsInt(int a);

    default IntUnaryOperator compose(IntUnaryOperator before) {
        return v -> applyAsInt(before.applyAsInt(v));
    }

    default IntUnaryOperator andThen(IntUnaryOperator after) {
        return v -> after.applyAsInt(applyAsInt(v));
    }

    static IntUnaryOperator identity() {
        return v -> v;
    }
}
