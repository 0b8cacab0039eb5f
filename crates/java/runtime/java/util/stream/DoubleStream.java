package java.util.stream;

import java.util.*;
import java.util.function.*;

/** A stream of doubles (see `Stream`). */
public interface DoubleStream extends AutoCloseable {
    DoubleStream filter(DoublePredicate predicate);
    DoubleStream map(DoubleUnaryOperator mapper);
    <U> Stream<U> mapToObj(DoubleFunction<? extends U> mapper);
    LongStream mapToLong(DoubleToLongFunction mapper);
    IntStream mapToInt(DoubleToIntFunction mapper);
    DoubleStream flatMap(DoubleFunction<? extends DoubleStream> mapper);
    DoubleStream distinct();
    DoubleStream sorted();
    DoubleStream peek(DoubleConsumer action);
    DoubleStream limit(long maxSize);
    DoubleStream skip(long n);
    DoubleStream takeWhile(DoublePredicate predicate);
    DoubleStream dropWhile(DoublePredicate predicate);
    void forEach(DoubleConsumer action);
    void forEachOrdered(DoubleConsumer action);
    double[] toArray();
    double reduce(double identity, DoubleBinaryOperator op);
    OptionalDouble reduce(DoubleBinaryOperator op);
    <R> R collect(Supplier<R> supplier, ObjDoubleConsumer<R> accumulator, BiConsumer<R, R> combiner);
    double sum();
    OptionalDouble min();
    OptionalDouble max();
    long count();
    OptionalDouble average();
    DoubleSummaryStatistics summaryStatistics();
    boolean anyMatch(DoublePredicate predicate);
    boolean allMatch(DoublePredicate predicate);
    boolean noneMatch(DoublePredicate predicate);
    OptionalDouble findFirst();
    OptionalDouble findAny();
    Stream<Double> boxed();
    DoubleStream parallel();
    DoubleStream sequential();
    Iterator<Double> iterator();
    void close();

    static DoubleStream empty() {
        return of();
    }

    static DoubleStream of(double... values) {
        return Arrays.stream(values);
    }

    static DoubleStream iterate(double seed, DoubleUnaryOperator f) {
        return new DoublePipeline(Stream.iterate(seed, x -> f.applyAsDouble(x)).iterator());
    }

    static DoubleStream iterate(double seed, DoublePredicate hasNext, DoubleUnaryOperator next) {
        return new DoublePipeline(Stream.iterate(seed, x -> hasNext.test(x), x -> next.applyAsDouble(x)).iterator());
    }

    static DoubleStream generate(DoubleSupplier s) {
        return new DoublePipeline(Stream.generate(() -> s.getAsDouble()).iterator());
    }

    static DoubleStream concat(DoubleStream a, DoubleStream b) {
        return new DoublePipeline(Stream.concat(a.boxed(), b.boxed()).iterator());
    }
}
