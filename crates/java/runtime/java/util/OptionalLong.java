package java.util;

import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** A long or nothing. */
public final class OptionalLong {
    private static final OptionalLong NOTHING = new OptionalLong(false, 0);
    private final boolean present;
    private final long value;

    private OptionalLong(boolean present, long value) {
        this.present = present;
        this.value = value;
    }

    public static OptionalLong empty() { return NOTHING; }
    public static OptionalLong of(long value) { return new OptionalLong(true, value); }

    public long getAsLong() {
        return orElseThrow();
    }

    public long orElseThrow() {
        if (!present) throw new NoSuchElementException("No value present");
        return value;
    }

    public <X extends Throwable> long orElseThrow(Supplier<? extends X> problem) throws X {
        if (!present) throw problem.get();
        return value;
    }

    public boolean isPresent() { return present; }
    public boolean isEmpty() { return !present; }
    public long orElse(long other) { return present ? value : other; }
    public long orElseGet(LongSupplier other) { return present ? value : other.getAsLong(); }

    public void ifPresent(LongConsumer action) {
        if (present) action.accept(value);
    }

    public void ifPresentOrElse(LongConsumer action, Runnable otherwise) {
        if (present) action.accept(value); else otherwise.run();
    }

    public boolean equals(Object o) {
        if (!(o instanceof OptionalLong)) return false;
        OptionalLong other = (OptionalLong) o;
        return present == other.present && value == other.value;
    }

    public int hashCode() {
        return present ? Long.hashCode(value) : 0;
    }

    public String toString() {
        return present ? "OptionalLong[" + value + "]" : "OptionalLong.empty";
    }
}
