package java.util;

import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/** An int or nothing. */
public final class OptionalInt {
    private static final OptionalInt NOTHING = new OptionalInt(false, 0);
    private final boolean present;
    private final int value;

    private OptionalInt(boolean present, int value) {
        this.present = present;
        this.value = value;
    }

    public static OptionalInt empty() { return NOTHING; }
    public static OptionalInt of(int value) { return new OptionalInt(true, value); }

    public int getAsInt() {
        return orElseThrow();
    }

    public int orElseThrow() {
        if (!present) throw new NoSuchElementException("No value present");
        return value;
    }

    public <X extends Throwable> int orElseThrow(Supplier<? extends X> problem) throws X {
        if (!present) throw problem.get();
        return value;
    }

    public boolean isPresent() { return present; }
    public boolean isEmpty() { return !present; }
    public int orElse(int other) { return present ? value : other; }
    public int orElseGet(IntSupplier other) { return present ? value : other.getAsInt(); }

    public void ifPresent(IntConsumer action) {
        if (present) action.accept(value);
    }

    public void ifPresentOrElse(IntConsumer action, Runnable otherwise) {
        if (present) action.accept(value); else otherwise.run();
    }

    public boolean equals(Object o) {
        if (!(o instanceof OptionalInt)) return false;
        OptionalInt other = (OptionalInt) o;
        return present == other.present && value == other.value;
    }

    public int hashCode() {
        return present ? value : 0;
    }

    public String toString() {
        return present ? "OptionalInt[" + value + "]" : "OptionalInt.empty";
    }
}
