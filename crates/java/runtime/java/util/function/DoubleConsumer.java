package java.util.function;

public interface DoubleConsumer {
    void accept(double v);

    default DoubleConsumer andThen(DoubleConsumer after) {
        return (double v) -> {
            accept(v);
            after.accept(v);
        };
    }
}
