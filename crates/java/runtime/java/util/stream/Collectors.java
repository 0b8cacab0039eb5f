package java.util.stream;

import java.util.*;
import java.util.function.*;

/** The common collectors, with the JDK's result types (ArrayList, HashSet, HashMap). */
public final class Collectors {
    private Collectors() {}

    static final class Impl<T, A, R> implements Collector<T, A, R> {
        private final Supplier<A> supplier;
        private final BiConsumer<A, T> accumulator;
        private final BinaryOperator<A> combiner;
        private final Function<A, R> finisher;

        Impl(Supplier<A> supplier, BiConsumer<A, T> accumulator, BinaryOperator<A> combiner, Function<A, R> finisher) {
            this.supplier = supplier;
            this.accumulator = accumulator;
            this.combiner = combiner;
            this.finisher = finisher;
        }

        public Supplier<A> supplier() { return supplier; }
        public BiConsumer<A, T> accumulator() { return accumulator; }
        public BinaryOperator<A> combiner() { return combiner; }
        public Function<A, R> finisher() { return finisher; }
        public Set<Characteristics> characteristics() { return Collections.emptySet(); }
    }

    private static <T, A, R> Collector<T, A, R> make(Supplier<A> s, BiConsumer<A, T> a, Function<A, R> f) {
        return new Impl<>(s, a, (x, y) -> {
            throw new UnsupportedOperationException("parallel streams");
        }, f);
    }

    private static <A> Function<A, A> same() {
        return a -> a;
    }

    public static <T, C extends Collection<T>> Collector<T, ?, C> toCollection(Supplier<C> factory) {
        return make(factory, Collection::add, same());
    }

    public static <T> Collector<T, ?, List<T>> toList() {
        return make(ArrayList::new, List::add, same());
    }

    public static <T> Collector<T, ?, List<T>> toUnmodifiableList() {
        return make(ArrayList<T>::new, List::add, Collections::unmodifiableList);
    }

    public static <T> Collector<T, ?, Set<T>> toSet() {
        return make(HashSet::new, Set::add, same());
    }

    public static <T> Collector<T, ?, Set<T>> toUnmodifiableSet() {
        return make(HashSet<T>::new, Set::add, Collections::unmodifiableSet);
    }

    public static Collector<CharSequence, ?, String> joining() {
        return joining("", "", "");
    }

    public static Collector<CharSequence, ?, String> joining(CharSequence delimiter) {
        return joining(delimiter, "", "");
    }

    public static Collector<CharSequence, ?, String> joining(CharSequence delimiter, CharSequence prefix, CharSequence suffix) {
        return make(() -> new StringJoiner(delimiter, prefix, suffix), StringJoiner::add, StringJoiner::toString);
    }

    public static <T, U, A, R> Collector<T, ?, R> mapping(Function<? super T, ? extends U> mapper, Collector<? super U, A, R> downstream) {
        BiConsumer<A, ? super U> add = downstream.accumulator();
        return make(downstream.supplier(), (A a, T t) -> accept(add, a, mapper.apply(t)), downstream.finisher());
    }

    @SuppressWarnings("unchecked")
    private static <A, U> void accept(BiConsumer<A, ? super U> add, A a, U u) {
        ((BiConsumer<A, Object>) add).accept(a, u);
    }

    public static <T, A, R> Collector<T, ?, R> filtering(Predicate<? super T> predicate, Collector<? super T, A, R> downstream) {
        BiConsumer<A, ? super T> add = downstream.accumulator();
        return make(downstream.supplier(), (A a, T t) -> {
            if (predicate.test(t)) accept(add, a, t);
        }, downstream.finisher());
    }

    public static <T, U, A, R> Collector<T, ?, R> flatMapping(Function<? super T, ? extends Stream<? extends U>> mapper,
            Collector<? super U, A, R> downstream) {
        BiConsumer<A, ? super U> add = downstream.accumulator();
        return make(downstream.supplier(), (A a, T t) -> {
            Stream<? extends U> s = mapper.apply(t);
            if (s != null) s.forEach(u -> accept(add, a, u));
        }, downstream.finisher());
    }

    public static <T, A, R, RR> Collector<T, A, RR> collectingAndThen(Collector<T, A, R> downstream, Function<R, RR> finisher) {
        return make(downstream.supplier(), downstream.accumulator(), downstream.finisher().andThen(finisher));
    }

    public static <T> Collector<T, ?, Long> counting() {
        return make(() -> new long[1], (long[] a, T t) -> a[0]++, a -> a[0]);
    }

    public static <T> Collector<T, ?, Optional<T>> minBy(Comparator<? super T> comparator) {
        return reducing((a, b) -> comparator.compare(a, b) <= 0 ? a : b);
    }

    public static <T> Collector<T, ?, Optional<T>> maxBy(Comparator<? super T> comparator) {
        return reducing((a, b) -> comparator.compare(a, b) >= 0 ? a : b);
    }

    public static <T> Collector<T, ?, Integer> summingInt(ToIntFunction<? super T> mapper) {
        return make(() -> new int[1], (int[] a, T t) -> a[0] += mapper.applyAsInt(t), a -> a[0]);
    }

    public static <T> Collector<T, ?, Long> summingLong(ToLongFunction<? super T> mapper) {
        return make(() -> new long[1], (long[] a, T t) -> a[0] += mapper.applyAsLong(t), a -> a[0]);
    }

    public static <T> Collector<T, ?, Double> summingDouble(ToDoubleFunction<? super T> mapper) {
        return make(DoubleSummaryStatistics::new, (DoubleSummaryStatistics a, T t) -> a.accept(mapper.applyAsDouble(t)),
                DoubleSummaryStatistics::getSum);
    }

    public static <T> Collector<T, ?, Double> averagingInt(ToIntFunction<? super T> mapper) {
        return make(IntSummaryStatistics::new, (IntSummaryStatistics a, T t) -> a.accept(mapper.applyAsInt(t)),
                IntSummaryStatistics::getAverage);
    }

    public static <T> Collector<T, ?, Double> averagingLong(ToLongFunction<? super T> mapper) {
        return make(LongSummaryStatistics::new, (LongSummaryStatistics a, T t) -> a.accept(mapper.applyAsLong(t)),
                LongSummaryStatistics::getAverage);
    }

    public static <T> Collector<T, ?, Double> averagingDouble(ToDoubleFunction<? super T> mapper) {
        return make(DoubleSummaryStatistics::new, (DoubleSummaryStatistics a, T t) -> a.accept(mapper.applyAsDouble(t)),
                DoubleSummaryStatistics::getAverage);
    }

    public static <T> Collector<T, ?, IntSummaryStatistics> summarizingInt(ToIntFunction<? super T> mapper) {
        return make(IntSummaryStatistics::new, (IntSummaryStatistics a, T t) -> a.accept(mapper.applyAsInt(t)), same());
    }

    public static <T> Collector<T, ?, LongSummaryStatistics> summarizingLong(ToLongFunction<? super T> mapper) {
        return make(LongSummaryStatistics::new, (LongSummaryStatistics a, T t) -> a.accept(mapper.applyAsLong(t)), same());
    }

    public static <T> Collector<T, ?, DoubleSummaryStatistics> summarizingDouble(ToDoubleFunction<? super T> mapper) {
        return make(DoubleSummaryStatistics::new, (DoubleSummaryStatistics a, T t) -> a.accept(mapper.applyAsDouble(t)), same());
    }

    /** A box for reductions. */
    private static final class Cell<T> {
        T value;
        boolean present;
    }

    public static <T> Collector<T, ?, T> reducing(T identity, BinaryOperator<T> op) {
        return make(() -> {
            Cell<T> c = new Cell<>();
            c.value = identity;
            return c;
        }, (Cell<T> c, T t) -> c.value = op.apply(c.value, t), c -> c.value);
    }

    public static <T> Collector<T, ?, Optional<T>> reducing(BinaryOperator<T> op) {
        return make(Cell<T>::new, (Cell<T> c, T t) -> {
            c.value = c.present ? op.apply(c.value, t) : t;
            c.present = true;
        }, c -> c.present ? Optional.of(c.value) : Optional.empty());
    }

    public static <T, U> Collector<T, ?, U> reducing(U identity, Function<? super T, ? extends U> mapper, BinaryOperator<U> op) {
        return make(() -> {
            Cell<U> c = new Cell<>();
            c.value = identity;
            return c;
        }, (Cell<U> c, T t) -> c.value = op.apply(c.value, mapper.apply(t)), c -> c.value);
    }

    public static <T, K> Collector<T, ?, Map<K, List<T>>> groupingBy(Function<? super T, ? extends K> classifier) {
        return groupingBy(classifier, HashMap::new, toList());
    }

    public static <T, K, A, D> Collector<T, ?, Map<K, D>> groupingBy(Function<? super T, ? extends K> classifier,
            Collector<? super T, A, D> downstream) {
        return groupingBy(classifier, HashMap::new, downstream);
    }

    @SuppressWarnings("unchecked")
    public static <T, K, D, A, M extends Map<K, D>> Collector<T, ?, M> groupingBy(Function<? super T, ? extends K> classifier,
            Supplier<M> mapFactory, Collector<? super T, A, D> downstream) {
        Supplier<A> make = downstream.supplier();
        BiConsumer<A, ? super T> add = downstream.accumulator();
        Function<A, D> finish = downstream.finisher();
        return make(() -> (Map<K, A>) (Map<K, ?>) mapFactory.get(), (Map<K, A> m, T t) -> {
            K key = Objects.requireNonNull(classifier.apply(t), "element cannot be mapped to a null key");
            A container = m.computeIfAbsent(key, k -> make.get());
            accept(add, container, t);
        }, m -> {
            m.replaceAll((k, v) -> (A) finish.apply(v));
            return (M) (Map<K, ?>) m;
        });
    }

    public static <T> Collector<T, ?, Map<Boolean, List<T>>> partitioningBy(Predicate<? super T> predicate) {
        return partitioningBy(predicate, toList());
    }

    public static <T, D, A> Collector<T, ?, Map<Boolean, D>> partitioningBy(Predicate<? super T> predicate,
            Collector<? super T, A, D> downstream) {
        Supplier<A> make = downstream.supplier();
        BiConsumer<A, ? super T> add = downstream.accumulator();
        Function<A, D> finish = downstream.finisher();
        return make(() -> {
            // false first, as the JDK's partition prints.
            Map<Boolean, A> m = new LinkedHashMap<>();
            m.put(false, make.get());
            m.put(true, make.get());
            return m;
        }, (Map<Boolean, A> m, T t) -> accept(add, m.get(predicate.test(t)), t), m -> {
            Map<Boolean, D> out = new LinkedHashMap<>();
            out.put(false, finish.apply(m.get(false)));
            out.put(true, finish.apply(m.get(true)));
            return out;
        });
    }

    public static <T, K, U> Collector<T, ?, Map<K, U>> toMap(Function<? super T, ? extends K> keyMapper,
            Function<? super T, ? extends U> valueMapper) {
        return make(HashMap<K, U>::new, (Map<K, U> m, T t) -> {
            K k = keyMapper.apply(t);
            U v = Objects.requireNonNull(valueMapper.apply(t));
            U old = m.putIfAbsent(k, v);
            if (old != null) {
                throw new IllegalStateException("Duplicate key " + k + " (attempted merging values " + old + " and " + v + ")");
            }
        }, same());
    }

    public static <T, K, U> Collector<T, ?, Map<K, U>> toMap(Function<? super T, ? extends K> keyMapper,
            Function<? super T, ? extends U> valueMapper, BinaryOperator<U> merge) {
        return toMap(keyMapper, valueMapper, merge, HashMap::new);
    }

    public static <T, K, U, M extends Map<K, U>> Collector<T, ?, M> toMap(Function<? super T, ? extends K> keyMapper,
            Function<? super T, ? extends U> valueMapper, BinaryOperator<U> merge, Supplier<M> mapFactory) {
        return make(mapFactory, (M m, T t) -> m.merge(keyMapper.apply(t), valueMapper.apply(t), merge), same());
    }

    public static <T, K, U> Collector<T, ?, Map<K, U>> toUnmodifiableMap(Function<? super T, ? extends K> keyMapper,
            Function<? super T, ? extends U> valueMapper) {
        return collectingAndThen(toMap(keyMapper, valueMapper), Collections::unmodifiableMap);
    }
}
