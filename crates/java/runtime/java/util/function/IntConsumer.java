package java.util.function;

public interface IntConsumer {
    void accept(int v);

    default IntConsumer andThen(IntConsumer after) {
        return (int v) -> {
            accept(v);
            after.accept(v);
        };
    }
}
