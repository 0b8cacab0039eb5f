package java.util.function;

public interface LongConsumer {
    void accept(long v);

    default LongConsumer andThen(LongConsumer after) {
        return (long v) -> {
            accept(v);
            after.accept(v);
        };
    }
}
