package java.util;

import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/** A double or nothing. */
public final class OptionalDouble {
    private static final OptionalDouble NOTHING = new OptionalDouble(false, 0);
    private final boolean present;
    private final double value;

    private OptionalDouble(boolean present, double value) {
        this.present = present;
        this.value = value;
    }

    public static OptionalDouble empty() { return NOTHING; }
    public static OptionalDouble of(double value) { return new OptionalDouble(true, value); }

    public double getAsDouble() {
        return orElseThrow();
    }

    public double orElseThrow() {
        if (!present) throw new NoSuchElementException("No value present");
        return value;
    }

    public <X extends Throwable> double orElseThrow(Supplier<? extends X> problem) throws X {
        if (!present) throw problem.get();
        return value;
    }

    public boolean isPresent() { return present; }
    public boolean isEmpty() { return !present; }
    public double orElse(double other) { return present ? value : other; }
    public double orElseGet(DoubleSupplier other) { return present ? value : other.getAsDouble(); }

    public void ifPresent(DoubleConsumer action) {
        if (present) action.accept(value);
    }

    public void ifPresentOrElse(DoubleConsumer action, Runnable otherwise) {
        if (present) action.accept(value); else otherwise.run();
    }

    public boolean equals(Object o) {
        if (!(o instanceof OptionalDouble)) return false;
        OptionalDouble other = (OptionalDouble) o;
        return present == other.present && Double.compare(value, other.value) == 0;
    }

    public int hashCode() {
        return present ? Double.hashCode(value) : 0;
    }

    public String toString() {
        return present ? "OptionalDouble[" + value + "]" : "OptionalDouble.empty";
    }
}
