package java.util.stream;

import java.util.*;
import java.util.function.*;

/** A sequence of elements worked through lazily, one at a time, when a terminal operation asks. */
public interface Stream<T> extends AutoCloseable {
    Stream<T> filter(Predicate<? super T> predicate);
    <R> Stream<R> map(Function<? super T, ? extends R> mapper);
    IntStream mapToInt(ToIntFunction<? super T> mapper);
    LongStream mapToLong(ToLongFunction<? super T> mapper);
    DoubleStream mapToDouble(ToDoubleFunction<? super T> mapper);
    <R> Stream<R> flatMap(Function<? super T, ? extends Stream<? extends R>> mapper);
    Stream<T> distinct();
    Stream<T> sorted();
    Stream<T> sorted(Comparator<? super T> comparator);
    Stream<T> peek(Consumer<? super T> action);
    Stream<T> limit(long maxSize);
    Stream<T> skip(long n);
    Stream<T> takeWhile(Predicate<? super T> predicate);
    Stream<T> dropWhile(Predicate<? super T> predicate);
    void forEach(Consumer<? super T> action);
    void forEachOrdered(Consumer<? super T> action);
    Object[] toArray();
    <A> A[] toArray(IntFunction<A[]> generator);
    T reduce(T identity, BinaryOperator<T> accumulator);
    Optional<T> reduce(BinaryOperator<T> accumulator);
    <U> U reduce(U identity, BiFunction<U, ? super T, U> accumulator, BinaryOperator<U> combiner);
    <R> R collect(Supplier<R> supplier, BiConsumer<R, ? super T> accumulator, BiConsumer<R, R> combiner);
    <R, A> R collect(Collector<? super T, A, R> collector);
    List<T> toList();
    Optional<T> min(Comparator<? super T> comparator);
    Optional<T> max(Comparator<? super T> comparator);
    long count();
    boolean anyMatch(Predicate<? super T> predicate);
    boolean allMatch(Predicate<? super T> predicate);
    boolean noneMatch(Predicate<? super T> predicate);
    Optional<T> findFirst();
    Optional<T> findAny();
    Iterator<T> iterator();
    Stream<T> parallel();
    Stream<T> sequential();
    Stream<T> unordered();
    boolean isParallel();
    Stream<T> onClose(Runnable closeHandler);
    void close();

    static <T> Stream<T> empty() {
        return new Pipeline<T>(Collections.<T>emptyList().iterator());
    }

    static <T> Stream<T> of(T t) {
        return new Pipeline<T>(Collections.singletonList(t).iterator());
    }

    @SafeVarargs
    static <T> Stream<T> of(T... values) {
        return Arrays.stream(values);
    }

    static <T> Stream<T> ofNullable(T t) {
        return t == null ? empty() : of(t);
    }

    static <T> Stream<T> iterate(T seed, UnaryOperator<T> f) {
        return iterate(seed, x -> true, f);
    }

    static <T> Stream<T> iterate(T seed, Predicate<? super T> hasNext, UnaryOperator<T> next) {
        return new Pipeline<T>(new Iterator<T>() {
            private T current = seed;
            private boolean started;
            private boolean checked;
            private boolean more;

            public boolean hasNext() {
                if (!checked) {
                    if (started) current = next.apply(current);
                    started = true;
                    more = hasNext.test(current);
                    checked = true;
                }
                return more;
            }

            public T next() {
                if (!hasNext()) throw new NoSuchElementException();
                checked = false;
                return current;
            }
        });
    }

    static <T> Stream<T> generate(Supplier<? extends T> s) {
        return new Pipeline<T>(new Iterator<T>() {
            public boolean hasNext() {
                return true;
            }

            public T next() {
                return s.get();
            }
        });
    }

    static <T> Stream<T> concat(Stream<? extends T> a, Stream<? extends T> b) {
        Iterator<? extends T> first = a.iterator();
        Iterator<? extends T> second = b.iterator();
        return new Pipeline<T>(new Iterator<T>() {
            public boolean hasNext() {
                return first.hasNext() || second.hasNext();
            }

            public T next() {
                return first.hasNext() ? first.next() : second.next();
            }
        });
    }

    /** Builds a stream element by element. */
    interface Builder<T> extends Consumer<T> {
        void accept(T t);

        default Builder<T> add(T t) {
            accept(t);
            return this;
        }

        Stream<T> build();
    }

    static <T> Builder<T> builder() {
        List<T> items = new ArrayList<>();
        return new Builder<T>() {
            public void accept(T t) {
                items.add(t);
            }

            public Stream<T> build() {
                return new Pipeline<T>(items.iterator());
            }
        };
    }
}
