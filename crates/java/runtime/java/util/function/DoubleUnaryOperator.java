package java.util.function;

public interface DoubleUnaryOperator {
    double applyAsDouble(double a);

    default DoubleUnaryOperator compose(DoubleUnaryOperator before) {
        return v -> applyAsDouble(before.applyAsDouble(v));
    }

    default DoubleUnaryOperator andThen(DoubleUnaryOperator after) {
        return v -> after.applyAsDouble(applyAsDouble(v));
    }

    static DoubleUnaryOperator identity() {
        return v -> v;
    }
}
