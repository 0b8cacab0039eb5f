package java.util.stream;

import java.util.*;
import java.util.function.*;

/** A stream of ints (see `Stream`). */
public interface IntStream extends AutoCloseable {
    IntStream filter(IntPredicate predicate);
    IntStream map(IntUnaryOperator mapper);
    <U> Stream<U> mapToObj(IntFunction<? extends U> mapper);
    LongStream mapToLong(IntToLongFunction mapper);
    DoubleStream mapToDouble(IntToDoubleFunction mapper);
    IntStream flatMap(IntFunction<? extends IntStream> mapper);
    IntStream distinct();
    IntStream sorted();
    IntStream peek(IntConsumer action);
    IntStream limit(long maxSize);
    IntStream skip(long n);
    IntStream takeWhile(IntPredicate predicate);
    IntStream dropWhile(IntPredicate predicate);
    void forEach(IntConsumer action);
    void forEachOrdered(IntConsumer action);
    int[] toArray();
    int reduce(int identity, IntBinaryOperator op);
    OptionalInt reduce(IntBinaryOperator op);
    <R> R collect(Supplier<R> supplier, ObjIntConsumer<R> accumulator, BiConsumer<R, R> combiner);
    int sum();
    OptionalInt min();
    OptionalInt max();
    long count();
    OptionalDouble average();
    IntSummaryStatistics summaryStatistics();
    boolean anyMatch(IntPredicate predicate);
    boolean allMatch(IntPredicate predicate);
    boolean noneMatch(IntPredicate predicate);
    OptionalInt findFirst();
    OptionalInt findAny();
    LongStream asLongStream();
    DoubleStream asDoubleStream();
    Stream<Integer> boxed();
    IntStream parallel();
    IntStream sequential();
    Iterator<Integer> iterator();
    void close();

    static IntStream empty() {
        return of();
    }

    static IntStream of(int... values) {
        return Arrays.stream(values);
    }

    static IntStream range(int start, int end) {
        return new IntPipeline(new Iterator<Integer>() {
            private int next = start;

            public boolean hasNext() {
                return next < end;
            }

            public Integer next() {
                if (next >= end) throw new NoSuchElementException();
                return next++;
            }
        });
    }

    static IntStream rangeClosed(int start, int end) {
        if (end == Integer.MAX_VALUE) {
            return IntStream.concat(range(start, end), of(end));
        }
        return range(start, end + 1);
    }

    static IntStream iterate(int seed, IntUnaryOperator f) {
        return new IntPipeline(Stream.iterate(seed, x -> f.applyAsInt(x)).iterator());
    }

    static IntStream iterate(int seed, IntPredicate hasNext, IntUnaryOperator next) {
        return new IntPipeline(Stream.iterate(seed, x -> hasNext.test(x), x -> next.applyAsInt(x)).iterator());
    }

    static IntStream generate(IntSupplier s) {
        return new IntPipeline(Stream.generate(() -> s.getAsInt()).iterator());
    }

    static IntStream concat(IntStream a, IntStream b) {
        return new IntPipeline(Stream.concat(a.boxed(), b.boxed()).iterator());
    }
}
