package java.util;

public interface Collection<E> extends Iterable<E> {
    int size();

    default java.util.stream.Stream<E> stream() {
        return java.util.stream.Streams.of(iterator());
    }

    default java.util.stream.Stream<E> parallelStream() {
        return stream();
    }

    boolean add(E e);

    default boolean isEmpty() {
        return size() == 0;
    }

    default boolean contains(Object o) {
        for (E e : this) {
            if (Objects.equals(o, e)) return true;
        }
        return false;
    }

    default boolean remove(Object o) {
        Iterator<E> it = iterator();
        while (it.hasNext()) {
            if (Objects.equals(o, it.next())) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    default boolean addAll(Collection<? extends E> c) {
        boolean changed = false;
        for (E e : c) {
            changed |= add(e);
        }
        return changed;
    }

    default boolean containsAll(Collection<?> c) {
        for (Object e : c) {
            if (!contains(e)) return false;
        }
        return true;
    }

    default boolean removeAll(Collection<?> c) {
        boolean changed = false;
        Iterator<E> it = iterator();
        while (it.hasNext()) {
            if (c.contains(it.next())) {
                it.remove();
                changed = true;
            }
        }
        return changed;
    }

    default boolean retainAll(Collection<?> c) {
        boolean changed = false;
        Iterator<E> it = iterator();
        while (it.hasNext()) {
            if (!c.contains(it.next())) {
                it.remove();
                changed = true;
            }
        }
        return changed;
    }

    default void clear() {
        Iterator<E> it = iterator();
        while (it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    default boolean removeIf(java.util.function.Predicate<? super E> filter) {
        boolean changed = false;
        Iterator<E> it = iterator();
        while (it.hasNext()) {
            if (filter.test(it.next())) {
                it.remove();
                changed = true;
            }
        }
        return changed;
    }

    default Object[] toArray() {
        Object[] a = new Object[size()];
        int i = 0;
        for (E e : this) {
            a[i++] = e;
        }
        return a;
    }

    @SuppressWarnings("unchecked")
    default <T> T[] toArray(T[] a) {
        int n = size();
        Object[] r = a.length >= n ? a : (Object[]) phantom.runtime.Rt.n().newArrayLike(a, n);
        int i = 0;
        for (E e : this) r[i++] = e;
        if (r == a && a.length > n) a[n] = null;
        return (T[]) r;
    }

    default <T> T[] toArray(java.util.function.IntFunction<T[]> generator) {
        return toArray(generator.apply(0));
    }
}
