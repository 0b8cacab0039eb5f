package java.util.stream;

import java.util.*;
import java.util.function.*;

/** An IntStream over a stream of boxed ints. */
final class IntPipeline implements IntStream {
    private final Stream<Integer> s;

    IntPipeline(Iterator<Integer> source) {
        this.s = new Pipeline<>(source);
    }

    private static IntStream of(Stream<Integer> s) {
        return new IntPipeline(s.iterator());
    }

    public IntStream filter(IntPredicate p) { return of(s.filter(x -> p.test(x))); }
    public IntStream map(IntUnaryOperator f) { return of(s.map(x -> f.applyAsInt(x))); }
    public <U> Stream<U> mapToObj(IntFunction<? extends U> f) { return s.map(x -> f.apply(x)); }
    public LongStream mapToLong(IntToLongFunction f) { return s.mapToLong(x -> f.applyAsLong(x)); }
    public DoubleStream mapToDouble(IntToDoubleFunction f) { return s.mapToDouble(x -> f.applyAsDouble(x)); }
    public IntStream flatMap(IntFunction<? extends IntStream> f) { return of(s.flatMap(x -> f.apply(x).boxed())); }
    public IntStream distinct() { return of(s.distinct()); }
    public IntStream sorted() { return of(s.sorted()); }
    public IntStream peek(IntConsumer a) { return of(s.peek(x -> a.accept(x))); }
    public IntStream limit(long n) { return of(s.limit(n)); }
    public IntStream skip(long n) { return of(s.skip(n)); }
    public IntStream takeWhile(IntPredicate p) { return of(s.takeWhile(x -> p.test(x))); }
    public IntStream dropWhile(IntPredicate p) { return of(s.dropWhile(x -> p.test(x))); }
    public void forEach(IntConsumer a) { s.forEach(x -> a.accept(x)); }
    public void forEachOrdered(IntConsumer a) { forEach(a); }

    public int[] toArray() {
        Object[] boxed = s.toArray();
        int[] out = new int[boxed.length];
        for (int i = 0; i < out.length; i++) out[i] = (Integer) boxed[i];
        return out;
    }

    public int reduce(int identity, IntBinaryOperator op) { return s.reduce(identity, (a, b) -> op.applyAsInt(a, b)); }

    public OptionalInt reduce(IntBinaryOperator op) {
        Optional<Integer> r = s.reduce((a, b) -> op.applyAsInt(a, b));
        return r.isPresent() ? OptionalInt.of(r.get()) : OptionalInt.empty();
    }

    public <R> R collect(Supplier<R> supplier, ObjIntConsumer<R> accumulator, BiConsumer<R, R> combiner) {
        return s.collect(supplier, (r, x) -> accumulator.accept(r, x), combiner);
    }

    public int sum() { return reduce(0, Integer::sum); }
    public OptionalInt min() { return reduce(Math::min); }
    public OptionalInt max() { return reduce(Math::max); }
    public long count() { return s.count(); }

    public OptionalDouble average() {
        IntSummaryStatistics st = summaryStatistics();
        return st.getCount() == 0 ? OptionalDouble.empty() : OptionalDouble.of(st.getAverage());
    }

    public IntSummaryStatistics summaryStatistics() {
        IntSummaryStatistics st = new IntSummaryStatistics();
        forEach(st);
        return st;
    }

    public boolean anyMatch(IntPredicate p) { return s.anyMatch(x -> p.test(x)); }
    public boolean allMatch(IntPredicate p) { return s.allMatch(x -> p.test(x)); }
    public boolean noneMatch(IntPredicate p) { return s.noneMatch(x -> p.test(x)); }

    public OptionalInt findFirst() {
        Optional<Integer> r = s.findFirst();
        return r.isPresent() ? OptionalInt.of(r.get()) : OptionalInt.empty();
    }

    public OptionalInt findAny() { return findFirst(); }
    public LongStream asLongStream() { return s.mapToLong(x -> x); }
    public DoubleStream asDoubleStream() { return s.mapToDouble(x -> x); }
    public Stream<Integer> boxed() { return s; }
    public IntStream parallel() { return this; }
    public IntStream sequential() { return this; }
    public Iterator<Integer> iterator() { return s.iterator(); }
    public void close() { s.close(); }
}
