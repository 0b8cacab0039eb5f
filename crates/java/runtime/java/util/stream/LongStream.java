package java.util.stream;

import java.util.*;
import java.util.function.*;

/** A stream of longs (see `Stream`). */
public interface LongStream extends AutoCloseable {
    LongStream filter(LongPredicate predicate);
    LongStream map(LongUnaryOperator mapper);
    <U> Stream<U> mapToObj(LongFunction<? extends U> mapper);
    IntStream mapToInt(LongToIntFunction mapper);
    DoubleStream mapToDouble(LongToDoubleFunction mapper);
    LongStream flatMap(LongFunction<? extends LongStream> mapper);
    LongStream distinct();
    LongStream sorted();
    LongStream peek(LongConsumer action);
    LongStream limit(long maxSize);
    LongStream skip(long n);
    LongStream takeWhile(LongPredicate predicate);
    LongStream dropWhile(LongPredicate predicate);
    void forEach(LongConsumer action);
    void forEachOrdered(LongConsumer action);
    long[] toArray();
    long reduce(long identity, LongBinaryOperator op);
    OptionalLong reduce(LongBinaryOperator op);
    <R> R collect(Supplier<R> supplier, ObjLongConsumer<R> accumulator, BiConsumer<R, R> combiner);
    long sum();
    OptionalLong min();
    OptionalLong max();
    long count();
    OptionalDouble average();
    LongSummaryStatistics summaryStatistics();
    boolean anyMatch(LongPredicate predicate);
    boolean allMatch(LongPredicate predicate);
    boolean noneMatch(LongPredicate predicate);
    OptionalLong findFirst();
    OptionalLong findAny();
    DoubleStream asDoubleStream();
    Stream<Long> boxed();
    LongStream parallel();
    LongStream sequential();
    Iterator<Long> iterator();
    void close();

    static LongStream empty() {
        return of();
    }

    static LongStream of(long... values) {
        return Arrays.stream(values);
    }

    static LongStream range(long start, long end) {
        return new LongPipeline(new Iterator<Long>() {
            private long next = start;

            public boolean hasNext() {
                return next < end;
            }

            public Long next() {
                if (next >= end) throw new NoSuchElementException();
                return next++;
            }
        });
    }

    static LongStream rangeClosed(long start, long end) {
        if (end == Long.MAX_VALUE) {
            return LongStream.concat(range(start, end), of(end));
        }
        return range(start, end + 1);
    }

    static LongStream iterate(long seed, LongUnaryOperator f) {
        return new LongPipeline(Stream.iterate(seed, x -> f.applyAsLong(x)).iterator());
    }

    static LongStream iterate(long seed, LongPredicate hasNext, LongUnaryOperator next) {
        return new LongPipeline(Stream.iterate(seed, x -> hasNext.test(x), x -> next.applyAsLong(x)).iterator());
    }

    static LongStream generate(LongSupplier s) {
        return new LongPipeline(Stream.generate(() -> s.getAsLong()).iterator());
    }

    static LongStream concat(LongStream a, LongStream b) {
        return new LongPipeline(Stream.concat(a.boxed(), b.boxed()).iterator());
    }
}
