package java.util;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** A value or nothing. */
public final class Optional<T> {
    private static final Optional<Object> NOTHING = new Optional<Object>(null);
    private final T value;

    private Optional(T value) {
        this.value = value;
    }

    @SuppressWarnings("unchecked")
    public static <T> Optional<T> empty() {
        return (Optional<T>) NOTHING;
    }

    public static <T> Optional<T> of(T value) {
        if (value == null) throw new NullPointerException();
        return new Optional<T>(value);
    }

    public static <T> Optional<T> ofNullable(T value) {
        return value == null ? empty() : new Optional<T>(value);
    }

    public T get() {
        return orElseThrow();
    }

    public T orElseThrow() {
        if (value == null) throw new NoSuchElementException("No value present");
        return value;
    }

    public <X extends Throwable> T orElseThrow(Supplier<? extends X> problem) throws X {
        if (value == null) throw problem.get();
        return value;
    }

    public boolean isPresent() { return value != null; }

    public java.util.stream.Stream<T> stream() {
        return value == null ? java.util.stream.Stream.empty() : java.util.stream.Stream.of(value);
    }
    public boolean isEmpty() { return value == null; }
    public T orElse(T other) { return value != null ? value : other; }
    public T orElseGet(Supplier<? extends T> other) { return value != null ? value : other.get(); }

    public void ifPresent(Consumer<? super T> action) {
        if (value != null) action.accept(value);
    }

    public void ifPresentOrElse(Consumer<? super T> action, Runnable otherwise) {
        if (value != null) action.accept(value); else otherwise.run();
    }

    public Optional<T> filter(Predicate<? super T> test) {
        return value != null && test.test(value) ? this : empty();
    }

    public <U> Optional<U> map(Function<? super T, ? extends U> f) {
        return value == null ? empty() : Optional.ofNullable(f.apply(value));
    }

    @SuppressWarnings("unchecked")
    public <U> Optional<U> flatMap(Function<? super T, ? extends Optional<? extends U>> f) {
        if (value == null) return empty();
        Optional<U> r = (Optional<U>) f.apply(value);
        if (r == null) throw new NullPointerException();
        return r;
    }

    @SuppressWarnings("unchecked")
    public Optional<T> or(Supplier<? extends Optional<? extends T>> other) {
        return value != null ? this : (Optional<T>) other.get();
    }

    public boolean equals(Object o) {
        return o instanceof Optional && Objects.equals(value, ((Optional<?>) o).value);
    }

    public int hashCode() {
        return Objects.hashCode(value);
    }

    public String toString() {
        return value == null ? "Optional.empty" : "Optional[" + value + "]";
    }
}
