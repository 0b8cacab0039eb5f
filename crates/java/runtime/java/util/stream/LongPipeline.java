package java.util.stream;

import java.util.*;
import java.util.function.*;

/** An LongStream over a stream of boxed longs. */
final class LongPipeline implements LongStream {
    private final Stream<Long> s;

    LongPipeline(Iterator<Long> source) {
        this.s = new Pipeline<>(source);
    }

    private static LongStream of(Stream<Long> s) {
        return new LongPipeline(s.iterator());
    }

    public LongStream filter(LongPredicate p) { return of(s.filter(x -> p.test(x))); }
    public LongStream map(LongUnaryOperator f) { return of(s.map(x -> f.applyAsLong(x))); }
    public <U> Stream<U> mapToObj(LongFunction<? extends U> f) { return s.map(x -> f.apply(x)); }
    public IntStream mapToInt(LongToIntFunction f) { return s.mapToInt(x -> f.applyAsInt(x)); }
    public DoubleStream mapToDouble(LongToDoubleFunction f) { return s.mapToDouble(x -> f.applyAsDouble(x)); }
    public LongStream flatMap(LongFunction<? extends LongStream> f) { return of(s.flatMap(x -> f.apply(x).boxed())); }
    public LongStream distinct() { return of(s.distinct()); }
    public LongStream sorted() { return of(s.sorted()); }
    public LongStream peek(LongConsumer a) { return of(s.peek(x -> a.accept(x))); }
    public LongStream limit(long n) { return of(s.limit(n)); }
    public LongStream skip(long n) { return of(s.skip(n)); }
    public LongStream takeWhile(LongPredicate p) { return of(s.takeWhile(x -> p.test(x))); }
    public LongStream dropWhile(LongPredicate p) { return of(s.dropWhile(x -> p.test(x))); }
    public void forEach(LongConsumer a) { s.forEach(x -> a.accept(x)); }
    public void forEachOrdered(LongConsumer a) { forEach(a); }

    public long[] toArray() {
        Object[] boxed = s.toArray();
        long[] out = new long[boxed.length];
        for (int i = 0; i < out.length; i++) out[i] = (Long) boxed[i];
        return out;
    }

    public long reduce(long identity, LongBinaryOperator op) { return s.reduce(identity, (a, b) -> op.applyAsLong(a, b)); }

    public OptionalLong reduce(LongBinaryOperator op) {
        Optional<Long> r = s.reduce((a, b) -> op.applyAsLong(a, b));
        return r.isPresent() ? OptionalLong.of(r.get()) : OptionalLong.empty();
    }

    public <R> R collect(Supplier<R> supplier, ObjLongConsumer<R> accumulator, BiConsumer<R, R> combiner) {
        return s.collect(supplier, (r, x) -> accumulator.accept(r, x), combiner);
    }

    public long sum() { return reduce(0, Long::sum); }
    public OptionalLong min() { return reduce(Math::min); }
    public OptionalLong max() { return reduce(Math::max); }
    public long count() { return s.count(); }

    public OptionalDouble average() {
        LongSummaryStatistics st = summaryStatistics();
        return st.getCount() == 0 ? OptionalDouble.empty() : OptionalDouble.of(st.getAverage());
    }

    public LongSummaryStatistics summaryStatistics() {
        LongSummaryStatistics st = new LongSummaryStatistics();
        forEach(st);
        return st;
    }

    public boolean anyMatch(LongPredicate p) { return s.anyMatch(x -> p.test(x)); }
    public boolean allMatch(LongPredicate p) { return s.allMatch(x -> p.test(x)); }
    public boolean noneMatch(LongPredicate p) { return s.noneMatch(x -> p.test(x)); }

    public OptionalLong findFirst() {
        Optional<Long> r = s.findFirst();
        return r.isPresent() ? OptionalLong.of(r.get()) : OptionalLong.empty();
    }

    public OptionalLong findAny() { return findFirst(); }
    public DoubleStream asDoubleStream() { return s.mapToDouble(x -> x); }
    public Stream<Long> boxed() { return s; }
    public LongStream parallel() { return this; }
    public LongStream sequential() { return this; }
    public Iterator<Long> iterator() { return s.iterator(); }
    public void close() { s.close(); }
}
