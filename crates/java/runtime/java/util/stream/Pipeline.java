package java.util.stream;

import java.util.*;
import java.util.function.*;

/** A stream: each stage an iterator over the one before, pulled by the terminal operation. */
final class Pipeline<T> implements Stream<T> {
    private final Iterator<T> source;
    private boolean used;
    private Runnable onClose;

    Pipeline(Iterator<T> source) {
        this.source = source;
    }

    /** The elements, once: a stream is used by one operation only. */
    private Iterator<T> take() {
        if (used) throw new IllegalStateException("stream has already been operated upon or closed");
        used = true;
        return source;
    }

    /** A stream of the next stage's elements. */
    private <R> Stream<R> then(Iterator<R> next) {
        Pipeline<R> p = new Pipeline<>(next);
        p.onClose = onClose;
        return p;
    }

    /** An iterator that asks `advance` for the next element (null answers mean no more: it
     * sets `done`). */
    abstract static class Ahead<E> implements Iterator<E> {
        private E next;
        private boolean ready;
        boolean done;

        abstract E advance();

        public boolean hasNext() {
            if (!ready && !done) {
                next = advance();
                ready = !done;
            }
            return ready;
        }

        public E next() {
            if (!hasNext()) throw new NoSuchElementException();
            ready = false;
            E e = next;
            next = null;
            return e;
        }
    }

    public Stream<T> filter(Predicate<? super T> predicate) {
        Iterator<T> in = take();
        return then(new Ahead<T>() {
            T advance() {
                while (in.hasNext()) {
                    T t = in.next();
                    if (predicate.test(t)) return t;
                }
                done = true;
                return null;
            }
        });
    }

    public <R> Stream<R> map(Function<? super T, ? extends R> mapper) {
        Iterator<T> in = take();
        return then(new Iterator<R>() {
            public boolean hasNext() {
                return in.hasNext();
            }

            public R next() {
                return mapper.apply(in.next());
            }
        });
    }

    public IntStream mapToInt(ToIntFunction<? super T> mapper) {
        return new IntPipeline(map(t -> mapper.applyAsInt(t)).iterator());
    }

    public LongStream mapToLong(ToLongFunction<? super T> mapper) {
        return new LongPipeline(map(t -> mapper.applyAsLong(t)).iterator());
    }

    public DoubleStream mapToDouble(ToDoubleFunction<? super T> mapper) {
        return new DoublePipeline(map(t -> mapper.applyAsDouble(t)).iterator());
    }

    public <R> Stream<R> flatMap(Function<? super T, ? extends Stream<? extends R>> mapper) {
        Iterator<T> in = take();
        return then(new Ahead<R>() {
            private Iterator<? extends R> inner = Collections.emptyIterator();

            R advance() {
                while (!inner.hasNext()) {
                    if (!in.hasNext()) {
                        done = true;
                        return null;
                    }
                    Stream<? extends R> s = mapper.apply(in.next());
                    inner = s == null ? Collections.emptyIterator() : s.iterator();
                }
                return inner.next();
            }
        });
    }

    public Stream<T> distinct() {
        Iterator<T> in = take();
        Set<T> seen = new HashSet<>();
        return then(new Ahead<T>() {
            T advance() {
                while (in.hasNext()) {
                    T t = in.next();
                    if (seen.add(t)) return t;
                }
                done = true;
                return null;
            }
        });
    }

    public Stream<T> sorted() {
        return sorted(null);
    }

    public Stream<T> sorted(Comparator<? super T> comparator) {
        Iterator<T> in = take();
        return then(new Ahead<T>() {
            private Iterator<T> all;

            T advance() {
                if (all == null) {
                    List<T> items = new ArrayList<>();
                    while (in.hasNext()) items.add(in.next());
                    items.sort(comparator);
                    all = items.iterator();
                }
                if (all.hasNext()) return all.next();
                done = true;
                return null;
            }
        });
    }

    public Stream<T> peek(Consumer<? super T> action) {
        return map(t -> {
            action.accept(t);
            return t;
        });
    }

    public Stream<T> limit(long maxSize) {
        if (maxSize < 0) throw new IllegalArgumentException(Long.toString(maxSize));
        Iterator<T> in = take();
        return then(new Iterator<T>() {
            private long left = maxSize;

            public boolean hasNext() {
                return left > 0 && in.hasNext();
            }

            public T next() {
                if (left <= 0) throw new NoSuchElementException();
                left--;
                return in.next();
            }
        });
    }

    public Stream<T> skip(long n) {
        if (n < 0) throw new IllegalArgumentException(Long.toString(n));
        Iterator<T> in = take();
        return then(new Ahead<T>() {
            private long left = n;

            T advance() {
                while (left > 0 && in.hasNext()) {
                    in.next();
                    left--;
                }
                if (in.hasNext()) return in.next();
                done = true;
                return null;
            }
        });
    }

    public Stream<T> takeWhile(Predicate<? super T> predicate) {
        Iterator<T> in = take();
        return then(new Ahead<T>() {
            T advance() {
                if (in.hasNext()) {
                    T t = in.next();
                    if (predicate.test(t)) return t;
                }
                done = true;
                return null;
            }
        });
    }

    public Stream<T> dropWhile(Predicate<? super T> predicate) {
        Iterator<T> in = take();
        return then(new Ahead<T>() {
            private boolean dropping = true;

            T advance() {
                while (in.hasNext()) {
                    T t = in.next();
                    if (dropping && predicate.test(t)) continue;
                    dropping = false;
                    return t;
                }
                done = true;
                return null;
            }
        });
    }

    public void forEach(Consumer<? super T> action) {
        Iterator<T> in = take();
        while (in.hasNext()) action.accept(in.next());
    }

    public void forEachOrdered(Consumer<? super T> action) {
        forEach(action);
    }

    private List<T> list() {
        List<T> items = new ArrayList<>();
        forEach(items::add);
        return items;
    }

    public Object[] toArray() {
        return list().toArray();
    }

    public <A> A[] toArray(IntFunction<A[]> generator) {
        List<T> items = list();
        A[] out = generator.apply(items.size());
        for (int i = 0; i < out.length; i++) {
            @SuppressWarnings("unchecked")
            A a = (A) items.get(i);
            out[i] = a;
        }
        return out;
    }

    public T reduce(T identity, BinaryOperator<T> accumulator) {
        T result = identity;
        Iterator<T> in = take();
        while (in.hasNext()) result = accumulator.apply(result, in.next());
        return result;
    }

    public Optional<T> reduce(BinaryOperator<T> accumulator) {
        Iterator<T> in = take();
        if (!in.hasNext()) return Optional.empty();
        T result = in.next();
        while (in.hasNext()) result = accumulator.apply(result, in.next());
        return Optional.of(result);
    }

    public <U> U reduce(U identity, BiFunction<U, ? super T, U> accumulator, BinaryOperator<U> combiner) {
        U result = identity;
        Iterator<T> in = take();
        while (in.hasNext()) result = accumulator.apply(result, in.next());
        return result;
    }

    public <R> R collect(Supplier<R> supplier, BiConsumer<R, ? super T> accumulator, BiConsumer<R, R> combiner) {
        R container = supplier.get();
        Iterator<T> in = take();
        while (in.hasNext()) accumulator.accept(container, in.next());
        return container;
    }

    public <R, A> R collect(Collector<? super T, A, R> collector) {
        A container = collector.supplier().get();
        BiConsumer<A, ? super T> add = collector.accumulator();
        Iterator<T> in = take();
        while (in.hasNext()) add.accept(container, in.next());
        return collector.finisher().apply(container);
    }

    public List<T> toList() {
        return Collections.unmodifiableList(list());
    }

    public Optional<T> min(Comparator<? super T> comparator) {
        return reduce((a, b) -> comparator.compare(a, b) <= 0 ? a : b);
    }

    public Optional<T> max(Comparator<? super T> comparator) {
        return reduce((a, b) -> comparator.compare(a, b) >= 0 ? a : b);
    }

    public long count() {
        long n = 0;
        Iterator<T> in = take();
        while (in.hasNext()) {
            in.next();
            n++;
        }
        return n;
    }

    public boolean anyMatch(Predicate<? super T> predicate) {
        Iterator<T> in = take();
        while (in.hasNext()) {
            if (predicate.test(in.next())) return true;
        }
        return false;
    }

    public boolean allMatch(Predicate<? super T> predicate) {
        return !anyMatch(predicate.negate());
    }

    public boolean noneMatch(Predicate<? super T> predicate) {
        return !anyMatch(predicate);
    }

    public Optional<T> findFirst() {
        Iterator<T> in = take();
        return in.hasNext() ? Optional.of(in.next()) : Optional.empty();
    }

    public Optional<T> findAny() {
        return findFirst();
    }

    public Iterator<T> iterator() {
        return take();
    }

    public Stream<T> parallel() {
        return this;
    }

    public Stream<T> sequential() {
        return this;
    }

    public Stream<T> unordered() {
        return this;
    }

    public boolean isParallel() {
        return false;
    }

    public Stream<T> onClose(Runnable closeHandler) {
        Runnable before = onClose;
        onClose = before == null ? closeHandler : () -> {
            before.run();
            closeHandler.run();
        };
        return this;
    }

    public void close() {
        Runnable handler = onClose;
        onClose = null;
        if (handler != null) handler.run();
    }
}
