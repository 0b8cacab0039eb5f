package java.util;

public final class Collections {
    private Collections() {}

    public static <T extends Comparable<? super T>> void sort(List<T> list) {
        list.sort(null);
    }

    public static <T> void sort(List<T> list, Comparator<? super T> c) {
        list.sort(c);
    }

    public static void reverse(List<?> list) {
        swapAll(list);
    }

    @SuppressWarnings("unchecked")
    private static <T> void swapAll(List<T> list) {
        for (int i = 0, j = list.size() - 1; i < j; i++, j--) {
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    public static void swap(List<?> list, int i, int j) {
        swapTwo(list, i, j);
    }

    private static <T> void swapTwo(List<T> list, int i, int j) {
        T t = list.get(i);
        list.set(i, list.get(j));
        list.set(j, t);
    }

    public static void shuffle(List<?> list, Random rnd) {
        for (int i = list.size(); i > 1; i--) {
            swap(list, i - 1, rnd.nextInt(i));
        }
    }

    public static void shuffle(List<?> list) {
        shuffle(list, new Random());
    }

    public static <T extends Object & Comparable<? super T>> T max(Collection<? extends T> c) {
        Iterator<? extends T> it = c.iterator();
        T best = it.next();
        while (it.hasNext()) {
            T t = it.next();
            if (t.compareTo(best) > 0) best = t;
        }
        return best;
    }

    public static <T extends Object & Comparable<? super T>> T min(Collection<? extends T> c) {
        Iterator<? extends T> it = c.iterator();
        T best = it.next();
        while (it.hasNext()) {
            T t = it.next();
            if (t.compareTo(best) < 0) best = t;
        }
        return best;
    }

    public static <T> T max(Collection<? extends T> c, Comparator<? super T> cmp) {
        Iterator<? extends T> it = c.iterator();
        T best = it.next();
        while (it.hasNext()) {
            T t = it.next();
            if (cmp.compare(t, best) > 0) best = t;
        }
        return best;
    }

    public static <T> List<T> unmodifiableList(List<? extends T> list) {
        return new Unmodifiable<T>(list);
    }

    public static <T> Set<T> unmodifiableSet(Set<? extends T> set) {
        return new ReadOnlySet<T>(set);
    }

    public static <T> Collection<T> unmodifiableCollection(Collection<? extends T> c) {
        return new ReadOnly<T>(c);
    }

    @SuppressWarnings("unchecked")
    public static <K, V> Map<K, V> unmodifiableMap(Map<? extends K, ? extends V> map) {
        return new ReadOnlyMap<K, V>((Map<K, V>) map);
    }

    public static <T> List<T> emptyList() {
        return new Unmodifiable<T>(new ArrayList<T>());
    }

    public static <K, V> Map<K, V> emptyMap() {
        return unmodifiableMap(new HashMap<K, V>());
    }

    public static <T> Set<T> emptySet() {
        return unmodifiableSet(new HashSet<T>());
    }

    public static <T> List<T> singletonList(T o) {
        ArrayList<T> l = new ArrayList<T>();
        l.add(o);
        return new Unmodifiable<T>(l);
    }

    public static <T> List<T> nCopies(int n, T o) {
        ArrayList<T> l = new ArrayList<T>(n);
        for (int i = 0; i < n; i++) l.add(o);
        return new Unmodifiable<T>(l);
    }

    public static int frequency(Collection<?> c, Object o) {
        int n = 0;
        for (Object e : c) if (Objects.equals(o, e)) n++;
        return n;
    }

    @SafeVarargs
    public static <T> boolean addAll(Collection<? super T> c, T... items) {
        boolean changed = false;
        for (T t : items) changed |= c.add(t);
        return changed;
    }

    public static <T> Comparator<T> reverseOrder() {
        @SuppressWarnings("unchecked")
        Comparator<T> c = (Comparator<T>) Arrays.NATURAL.reversed();
        return c;
    }

    public static <T> Comparator<T> reverseOrder(Comparator<T> c) {
        return c.reversed();
    }

    /** A read-only view: AbstractList's mutators throw, and so does its iterator's remove. */
    static final class Unmodifiable<E> extends AbstractList<E> implements RandomAccess {
        private final List<? extends E> list;

        Unmodifiable(List<? extends E> list) {
            this.list = list;
        }

        public int size() { return list.size(); }
        public E get(int i) { return list.get(i); }
        public boolean equals(Object o) { return list.equals(o); }
        public int hashCode() { return list.hashCode(); }
    }

    /** A read-only view of a collection (its iterator refuses remove). */
    private static class ReadOnly<E> extends AbstractCollection<E> {
        final Collection<? extends E> c;

        ReadOnly(Collection<? extends E> c) {
            this.c = c;
        }

        public int size() { return c.size(); }
        public boolean contains(Object o) { return c.contains(o); }

        public Iterator<E> iterator() {
            Iterator<? extends E> it = c.iterator();
            return new Iterator<E>() {
                public boolean hasNext() { return it.hasNext(); }
                public E next() { return it.next(); }
            };
        }
    }

    private static final class ReadOnlySet<E> extends ReadOnly<E> implements Set<E> {
        ReadOnlySet(Set<? extends E> s) {
            super(s);
        }

        public boolean equals(Object o) { return o == this || c.equals(o); }
        public int hashCode() { return c.hashCode(); }
    }

    private static final class ReadOnlyMap<K, V> extends AbstractMap<K, V> {
        private final Map<K, V> m;

        ReadOnlyMap(Map<K, V> m) {
            this.m = m;
        }

        public int size() { return m.size(); }
        public V get(Object k) { return m.get(k); }
        public boolean containsKey(Object k) { return m.containsKey(k); }
        public Set<K> keySet() { return new ReadOnlySet<K>(m.keySet()); }
        public Collection<V> values() { return new ReadOnly<V>(m.values()); }

        public Set<Map.Entry<K, V>> entrySet() {
            Set<Map.Entry<K, V>> read = new LinkedHashSet<Map.Entry<K, V>>();
            for (Map.Entry<K, V> e : m.entrySet()) read.add(new AbstractMap.SimpleImmutableEntry<K, V>(e.getKey(), e.getValue()));
            return new ReadOnlySet<Map.Entry<K, V>>(read);
        }
    }
}
