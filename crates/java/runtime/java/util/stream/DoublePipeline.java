package java.util.stream;

import java.util.*;
import java.util.function.*;

/** An DoubleStream over a stream of boxed doubles. */
final class DoublePipeline implements DoubleStream {
    private final Stream<Double> s;

    DoublePipeline(Iterator<Double> source) {
        this.s = new Pipeline<>(source);
    }

    private static DoubleStream of(Stream<Double> s) {
        return new DoublePipeline(s.iterator());
    }

    public DoubleStream filter(DoublePredicate p) { return of(s.filter(x -> p.test(x))); }
    public DoubleStream map(DoubleUnaryOperator f) { return of(s.map(x -> f.applyAsDouble(x))); }
    public <U> Stream<U> mapToObj(DoubleFunction<? extends U> f) { return s.map(x -> f.apply(x)); }
    public LongStream mapToLong(DoubleToLongFunction f) { return s.mapToLong(x -> f.applyAsLong(x)); }
    public IntStream mapToInt(DoubleToIntFunction f) { return s.mapToInt(x -> f.applyAsInt(x)); }
    public DoubleStream flatMap(DoubleFunction<? extends DoubleStream> f) { return of(s.flatMap(x -> f.apply(x).boxed())); }
    public DoubleStream distinct() { return of(s.distinct()); }
    public DoubleStream sorted() { return of(s.sorted()); }
    public DoubleStream peek(DoubleConsumer a) { return of(s.peek(x -> a.accept(x))); }
    public DoubleStream limit(long n) { return of(s.limit(n)); }
    public DoubleStream skip(long n) { return of(s.skip(n)); }
    public DoubleStream takeWhile(DoublePredicate p) { return of(s.takeWhile(x -> p.test(x))); }
    public DoubleStream dropWhile(DoublePredicate p) { return of(s.dropWhile(x -> p.test(x))); }
    public void forEach(DoubleConsumer a) { s.forEach(x -> a.accept(x)); }
    public void forEachOrdered(DoubleConsumer a) { forEach(a); }

    public double[] toArray() {
        Object[] boxed = s.toArray();
        double[] out = new double[boxed.length];
        for (int i = 0; i < out.length; i++) out[i] = (Double) boxed[i];
        return out;
    }

    public double reduce(double identity, DoubleBinaryOperator op) { return s.reduce(identity, (a, b) -> op.applyAsDouble(a, b)); }

    public OptionalDouble reduce(DoubleBinaryOperator op) {
        Optional<Double> r = s.reduce((a, b) -> op.applyAsDouble(a, b));
        return r.isPresent() ? OptionalDouble.of(r.get()) : OptionalDouble.empty();
    }

    public <R> R collect(Supplier<R> supplier, ObjDoubleConsumer<R> accumulator, BiConsumer<R, R> combiner) {
        return s.collect(supplier, (r, x) -> accumulator.accept(r, x), combiner);
    }

    public double sum() { return summaryStatistics().getSum(); }
    public OptionalDouble min() { return reduce(Math::min); }
    public OptionalDouble max() { return reduce(Math::max); }
    public long count() { return s.count(); }

    public OptionalDouble average() {
        DoubleSummaryStatistics st = summaryStatistics();
        return st.getCount() == 0 ? OptionalDouble.empty() : OptionalDouble.of(st.getAverage());
    }

    public DoubleSummaryStatistics summaryStatistics() {
        DoubleSummaryStatistics st = new DoubleSummaryStatistics();
        forEach(st);
        return st;
    }

    public boolean anyMatch(DoublePredicate p) { return s.anyMatch(x -> p.test(x)); }
    public boolean allMatch(DoublePredicate p) { return s.allMatch(x -> p.test(x)); }
    public boolean noneMatch(DoublePredicate p) { return s.noneMatch(x -> p.test(x)); }

    public OptionalDouble findFirst() {
        Optional<Double> r = s.findFirst();
        return r.isPresent() ? OptionalDouble.of(r.get()) : OptionalDouble.empty();
    }

    public OptionalDouble findAny() { return findFirst(); }
    public Stream<Double> boxed() { return s; }
    public DoubleStream parallel() { return this; }
    public DoubleStream sequential() { return this; }
    public Iterator<Double> iterator() { return s.iterator(); }
    public void close() { s.close(); }
}
