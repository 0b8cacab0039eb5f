package java.util;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * List.of, Set.of and Map.of collections: null-hostile and unmodifiable like the JDK's. The JDK
 * randomizes the iteration order of its sets and maps per run; these keep insertion order.
 */
final class ImmutableCollections {
    private ImmutableCollections() {}

    static UnsupportedOperationException uoe() {
        return new UnsupportedOperationException();
    }

    /** Takes ownership of the array. */
    static <E> List<E> listFromArray(Object[] elements) {
        for (Object e : elements) Objects.requireNonNull(e);
        return new ListN<E>(elements);
    }

    @SuppressWarnings("unchecked")
    static <E> List<E> listCopy(Collection<? extends E> coll) {
        if (coll instanceof ListN) return (List<E>) coll;
        return listFromArray(coll.toArray());
    }

    /** Takes ownership of the array. */
    static <E> Set<E> setFromArray(Object[] elements) {
        return new SetN<E>(elements);
    }

    @SuppressWarnings("unchecked")
    static <E> Set<E> setCopy(Collection<? extends E> coll) {
        if (coll instanceof SetN) return (Set<E>) coll;
        return setFromArray(new LinkedHashSet<E>(coll).toArray());
    }

    /** Keys and values alternate in the array. */
    static <K, V> Map<K, V> mapFromArray(Object[] kvs) {
        return new MapN<K, V>(kvs);
    }

    @SuppressWarnings("unchecked")
    static <K, V> Map<K, V> mapCopy(Map<? extends K, ? extends V> map) {
        if (map instanceof MapN) return (Map<K, V>) map;
        Object[] kvs = new Object[map.size() * 2];
        int i = 0;
        for (Map.Entry<? extends K, ? extends V> e : map.entrySet()) {
            kvs[i++] = e.getKey();
            kvs[i++] = e.getValue();
        }
        return mapFromArray(kvs);
    }

    static final class ListN<E> extends AbstractList<E> implements RandomAccess, java.io.Serializable {
        private final Object[] elements;

        ListN(Object[] elements) {
            this.elements = elements;
        }

        public int size() {
            return elements.length;
        }

        public boolean isEmpty() {
            return elements.length == 0;
        }

        @SuppressWarnings("unchecked")
        public E get(int index) {
            int n = elements.length;
            // The JDK's one- and two-element lists report their own message; larger ones fail on the array.
            if ((n == 1 || n == 2) && (index < 0 || index >= n)) {
                throw new IndexOutOfBoundsException("Index: " + index + " Size: " + n);
            }
            return (E) elements[index];
        }

        public int indexOf(Object o) {
            Objects.requireNonNull(o);
            for (int i = 0; i < elements.length; i++) if (o.equals(elements[i])) return i;
            return -1;
        }

        public int lastIndexOf(Object o) {
            Objects.requireNonNull(o);
            for (int i = elements.length - 1; i >= 0; i--) if (o.equals(elements[i])) return i;
            return -1;
        }

        public boolean contains(Object o) {
            return indexOf(o) >= 0;
        }

        public Object[] toArray() {
            return Arrays.copyOf(elements, elements.length);
        }

        @SuppressWarnings("unchecked")
        public <T> T[] toArray(T[] a) {
            int size = elements.length;
            if (a.length < size) return (T[]) Arrays.copyOf(elements, size);
            System.arraycopy(elements, 0, a, 0, size);
            if (a.length > size) a[size] = null;
            return a;
        }

        public Iterator<E> iterator() {
            return new Iterator<E>() {
                private int cursor;

                public boolean hasNext() {
                    return cursor != elements.length;
                }

                @SuppressWarnings("unchecked")
                public E next() {
                    if (cursor >= elements.length) throw new NoSuchElementException();
                    return (E) elements[cursor++];
                }

                public void remove() {
                    throw uoe();
                }
            };
        }

        public boolean add(E e) { throw uoe(); }
        public void add(int index, E e) { throw uoe(); }
        public boolean addAll(Collection<? extends E> c) { throw uoe(); }
        public boolean addAll(int index, Collection<? extends E> c) { throw uoe(); }
        public void clear() { throw uoe(); }
        public boolean remove(Object o) { throw uoe(); }
        public E remove(int index) { throw uoe(); }
        public boolean removeAll(Collection<?> c) { throw uoe(); }
        public boolean removeIf(Predicate<? super E> filter) { throw uoe(); }
        public void replaceAll(UnaryOperator<E> operator) { throw uoe(); }
        public boolean retainAll(Collection<?> c) { throw uoe(); }
        public E set(int index, E element) { throw uoe(); }
        public void sort(Comparator<? super E> c) { throw uoe(); }
    }

    static final class SetN<E> extends AbstractSet<E> implements java.io.Serializable {
        private final Object[] elements;
        private final HashSet<Object> lookup;

        SetN(Object[] input) {
            elements = input;
            lookup = new HashSet<Object>();
            for (Object e : input) {
                Objects.requireNonNull(e);
                if (!lookup.add(e)) throw new IllegalArgumentException("duplicate element: " + e);
            }
        }

        public int size() {
            return elements.length;
        }

        public boolean isEmpty() {
            return elements.length == 0;
        }

        public boolean contains(Object o) {
            Objects.requireNonNull(o);
            return lookup.contains(o);
        }

        public Iterator<E> iterator() {
            return new Iterator<E>() {
                private int cursor;

                public boolean hasNext() {
                    return cursor != elements.length;
                }

                @SuppressWarnings("unchecked")
                public E next() {
                    if (cursor >= elements.length) throw new NoSuchElementException();
                    return (E) elements[cursor++];
                }

                public void remove() {
                    throw uoe();
                }
            };
        }

        public Object[] toArray() {
            return Arrays.copyOf(elements, elements.length);
        }

        public boolean add(E e) { throw uoe(); }
        public boolean addAll(Collection<? extends E> c) { throw uoe(); }
        public void clear() { throw uoe(); }
        public boolean remove(Object o) { throw uoe(); }
        public boolean removeAll(Collection<?> c) { throw uoe(); }
        public boolean removeIf(Predicate<? super E> filter) { throw uoe(); }
        public boolean retainAll(Collection<?> c) { throw uoe(); }
    }

    static final class MapN<K, V> extends AbstractMap<K, V> implements java.io.Serializable {
        private final Object[] kvs;
        private final HashMap<Object, Object> lookup;

        MapN(Object[] input) {
            kvs = input;
            lookup = new HashMap<Object, Object>();
            for (int i = 0; i < input.length; i += 2) {
                Object k = Objects.requireNonNull(input[i]);
                Object v = Objects.requireNonNull(input[i + 1]);
                if (lookup.putIfAbsent(k, v) != null) throw new IllegalArgumentException("duplicate key: " + k);
            }
        }

        public int size() {
            return kvs.length / 2;
        }

        public boolean isEmpty() {
            return kvs.length == 0;
        }

        @SuppressWarnings("unchecked")
        public V get(Object o) {
            Objects.requireNonNull(o);
            return (V) lookup.get(o);
        }

        public V getOrDefault(Object key, V defaultValue) {
            V v;
            return ((v = get(key)) != null) ? v : defaultValue;
        }

        public boolean containsKey(Object o) {
            Objects.requireNonNull(o);
            return lookup.containsKey(o);
        }

        public boolean containsValue(Object o) {
            Objects.requireNonNull(o);
            for (int i = 1; i < kvs.length; i += 2) if (o.equals(kvs[i])) return true;
            return false;
        }

        public Set<Map.Entry<K, V>> entrySet() {
            return new AbstractSet<Map.Entry<K, V>>() {
                public int size() {
                    return MapN.this.size();
                }

                public Iterator<Map.Entry<K, V>> iterator() {
                    return new Iterator<Map.Entry<K, V>>() {
                        private int cursor;

                        public boolean hasNext() {
                            return cursor < kvs.length;
                        }

                        @SuppressWarnings("unchecked")
                        public Map.Entry<K, V> next() {
                            if (cursor >= kvs.length) throw new NoSuchElementException();
                            Map.Entry<K, V> e = new KeyValueHolder<K, V>((K) kvs[cursor], (V) kvs[cursor + 1]);
                            cursor += 2;
                            return e;
                        }

                        public void remove() {
                            throw uoe();
                        }
                    };
                }
            };
        }

        public void clear() { throw uoe(); }
        public V compute(K key, BiFunction<? super K, ? super V, ? extends V> rf) { throw uoe(); }
        public V computeIfAbsent(K key, Function<? super K, ? extends V> mf) { throw uoe(); }
        public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> rf) { throw uoe(); }
        public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> rf) { throw uoe(); }
        public V put(K key, V value) { throw uoe(); }
        public void putAll(Map<? extends K, ? extends V> m) { throw uoe(); }
        public V putIfAbsent(K key, V value) { throw uoe(); }
        public V remove(Object key) { throw uoe(); }
        public boolean remove(Object key, Object value) { throw uoe(); }
        public V replace(K key, V value) { throw uoe(); }
        public boolean replace(K key, V oldValue, V newValue) { throw uoe(); }
        public void replaceAll(BiFunction<? super K, ? super V, ? extends V> f) { throw uoe(); }
    }

    /** Map.entry's immutable, null-hostile entry. */
    static final class KeyValueHolder<K, V> implements Map.Entry<K, V> {
        final K key;
        final V value;

        KeyValueHolder(K k, V v) {
            key = Objects.requireNonNull(k);
            value = Objects.requireNonNull(v);
        }

        public K getKey() {
            return key;
        }

        public V getValue() {
            return value;
        }

        public V setValue(V value) {
            throw new UnsupportedOperationException("not supported");
        }

        public boolean equals(Object o) {
            if (!(o instanceof Map.Entry)) return false;
            Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
            return key.equals(e.getKey()) && value.equals(e.getValue());
        }

        public int hashCode() {
            return key.hashCode() ^ value.hashCode();
        }

        public String toString() {
            return key + "=" + value;
        }
    }
}
