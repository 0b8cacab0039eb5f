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

    public static <T> T min(Collection<? extends T> c, Comparator<? super T> cmp) {
        Iterator<? extends T> it = c.iterator();
        T best = it.next();
        while (it.hasNext()) {
            T t = it.next();
            if (cmp.compare(t, best) < 0) best = t;
        }
        return best;
    }

    public static <T> ArrayList<T> list(Enumeration<T> e) {
        ArrayList<T> l = new ArrayList<T>();
        while (e.hasMoreElements()) l.add(e.nextElement());
        return l;
    }

    public static <T> Enumeration<T> enumeration(Collection<T> c) {
        Iterator<T> it = c.iterator();
        return new Enumeration<T>() {
            public boolean hasMoreElements() { return it.hasNext(); }
            public T nextElement() { return it.next(); }
        };
    }

    public static <T> Set<T> singleton(T o) {
        Set<T> s = new LinkedHashSet<T>();
        s.add(o);
        return new ReadOnlySet<T>(s);
    }

    public static <K, V> Map<K, V> singletonMap(K k, V v) {
        Map<K, V> m = new LinkedHashMap<K, V>();
        m.put(k, v);
        return new ReadOnlyMap<K, V>(m);
    }

    public static <T> Iterator<T> emptyIterator() {
        return new Iterator<T>() {
            public boolean hasNext() { return false; }
            public T next() { throw new NoSuchElementException(); }
        };
    }

    public static <T> ListIterator<T> emptyListIterator() {
        return Collections.<T>emptyList().listIterator();
    }

    public static boolean disjoint(Collection<?> a, Collection<?> b) {
        for (Object o : a) {
            if (b.contains(o)) return false;
        }
        return true;
    }

    public static int indexOfSubList(List<?> source, List<?> target) {
        int n = source.size(), m = target.size();
        for (int i = 0; i + m <= n; i++) {
            if (source.subList(i, i + m).equals(target)) return i;
        }
        return -1;
    }

    public static int lastIndexOfSubList(List<?> source, List<?> target) {
        int n = source.size(), m = target.size();
        for (int i = n - m; i >= 0; i--) {
            if (source.subList(i, i + m).equals(target)) return i;
        }
        return -1;
    }

    @SuppressWarnings("unchecked")
    public static <T> int binarySearch(List<? extends Comparable<? super T>> list, T key) {
        return binarySearch((List<T>) list, key, (Comparator<T>) (Comparator<?>) Arrays.NATURAL);
    }

    @SuppressWarnings("unchecked")
    public static <T> int binarySearch(List<? extends T> list, T key, Comparator<? super T> c) {
        Comparator<Object> cmp = c == null ? Arrays.NATURAL : (Comparator<Object>) c;
        int lo = 0, hi = list.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int r = cmp.compare(list.get(mid), key);
            if (r < 0) lo = mid + 1;
            else if (r > 0) hi = mid - 1;
            else return mid;
        }
        return -(lo + 1);
    }

    public static <T> void fill(List<? super T> list, T o) {
        for (int i = 0; i < list.size(); i++) list.set(i, o);
    }

    public static <T> void copy(List<? super T> dest, List<? extends T> src) {
        if (src.size() > dest.size()) throw new IndexOutOfBoundsException("Source does not fit in dest");
        for (int i = 0; i < src.size(); i++) dest.set(i, src.get(i));
    }

    public static void rotate(List<?> list, int distance) {
        rotateAll(list, distance);
    }

    private static <T> void rotateAll(List<T> list, int distance) {
        int n = list.size();
        if (n == 0) return;
        distance = ((distance % n) + n) % n;
        if (distance == 0) return;
        Object[] a = list.toArray();
        for (int i = 0; i < n; i++) {
            @SuppressWarnings("unchecked")
            T t = (T) a[i];
            list.set((i + distance) % n, t);
        }
    }

    public static <T> boolean replaceAll(List<T> list, T oldVal, T newVal) {
        boolean any = false;
        for (int i = 0; i < list.size(); i++) {
            if (Objects.equals(list.get(i), oldVal)) {
                list.set(i, newVal);
                any = true;
            }
        }
        return any;
    }

    public static <T> SortedSet<T> unmodifiableSortedSet(SortedSet<T> s) {
        if (s instanceof NavigableSet) return new ReadOnlySortedSet<T>((NavigableSet<T>) s);
        TreeSet<T> copy = new TreeSet<T>(s.comparator());
        copy.addAll(s);
        return new ReadOnlySortedSet<T>(copy);
    }

    public static <T> NavigableSet<T> unmodifiableNavigableSet(NavigableSet<T> s) {
        return new ReadOnlySortedSet<T>(s);
    }

    @SuppressWarnings("unchecked")
    public static <K, V> SortedMap<K, V> unmodifiableSortedMap(SortedMap<K, ? extends V> m) {
        return new ReadOnlySortedMap<K, V>((SortedMap<K, V>) m);
    }

    /** Each call holds the wrapper's monitor; iterating needs synchronized (list), as in the JDK. */
    public static <T> List<T> synchronizedList(List<T> list) {
        return new SyncList<T>(list);
    }

    public static <K, V> Map<K, V> synchronizedMap(Map<K, V> m) {
        return new SyncMap<K, V>(m);
    }

    private static final class SyncList<E> extends AbstractList<E> implements RandomAccess {
        private final List<E> list;

        SyncList(List<E> list) {
            this.list = list;
        }

        public synchronized int size() { return list.size(); }
        public synchronized E get(int i) { return list.get(i); }
        public synchronized E set(int i, E e) { return list.set(i, e); }
        public synchronized boolean add(E e) { modCount++; return list.add(e); }
        public synchronized void add(int i, E e) { modCount++; list.add(i, e); }
        public synchronized E remove(int i) { modCount++; return list.remove(i); }
        public synchronized boolean remove(Object o) { modCount++; return list.remove(o); }
        public synchronized boolean contains(Object o) { return list.contains(o); }
        public synchronized int indexOf(Object o) { return list.indexOf(o); }
        public synchronized void clear() { modCount++; list.clear(); }
        public synchronized String toString() { return list.toString(); }
        public synchronized boolean equals(Object o) { return o == this || list.equals(o); }
        public synchronized int hashCode() { return list.hashCode(); }
        public synchronized void sort(Comparator<? super E> c) { list.sort(c); }
    }

    private static final class SyncMap<K, V> extends AbstractMap<K, V> {
        private final Map<K, V> m;

        SyncMap(Map<K, V> m) {
            this.m = m;
        }

        public synchronized int size() { return m.size(); }
        public synchronized V get(Object k) { return m.get(k); }
        public synchronized V put(K k, V v) { return m.put(k, v); }
        public synchronized V remove(Object k) { return m.remove(k); }
        public synchronized boolean containsKey(Object k) { return m.containsKey(k); }
        public synchronized boolean containsValue(Object v) { return m.containsValue(v); }
        public synchronized void clear() { m.clear(); }
        public synchronized V getOrDefault(Object k, V v) { return m.getOrDefault(k, v); }
        public synchronized V putIfAbsent(K k, V v) { return m.putIfAbsent(k, v); }
        public synchronized V merge(K k, V v, java.util.function.BiFunction<? super V, ? super V, ? extends V> f) { return m.merge(k, v, f); }
        public synchronized V compute(K k, java.util.function.BiFunction<? super K, ? super V, ? extends V> f) { return m.compute(k, f); }
        public synchronized V computeIfAbsent(K k, java.util.function.Function<? super K, ? extends V> f) { return m.computeIfAbsent(k, f); }
        public Set<K> keySet() { return m.keySet(); }
        public Collection<V> values() { return m.values(); }
        public Set<Map.Entry<K, V>> entrySet() { return m.entrySet(); }
        public synchronized String toString() { return m.toString(); }
        public synchronized boolean equals(Object o) { return o == this || m.equals(o); }
        public synchronized int hashCode() { return m.hashCode(); }
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

    public static <K, V> SortedMap<K, V> emptySortedMap() {
        return unmodifiableSortedMap(new TreeMap<K, V>());
    }

    public static <T> SortedSet<T> emptySortedSet() {
        return unmodifiableSortedSet(new TreeSet<T>());
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

    /** A read-only sorted set: the copy it wraps is never changed, so its ranges may be read too. */
    private static final class ReadOnlySortedSet<E> extends ReadOnly<E> implements NavigableSet<E> {
        private final NavigableSet<E> s;

        ReadOnlySortedSet(NavigableSet<E> s) {
            super(s);
            this.s = s;
        }

        public boolean equals(Object o) { return o == this || s.equals(o); }
        public int hashCode() { return s.hashCode(); }
        public Comparator<? super E> comparator() { return s.comparator(); }
        public E first() { return s.first(); }
        public E last() { return s.last(); }
        public E lower(E e) { return s.lower(e); }
        public E floor(E e) { return s.floor(e); }
        public E ceiling(E e) { return s.ceiling(e); }
        public E higher(E e) { return s.higher(e); }
        public E pollFirst() { throw new UnsupportedOperationException(); }
        public E pollLast() { throw new UnsupportedOperationException(); }
        public NavigableSet<E> descendingSet() { return new ReadOnlySortedSet<E>(s.descendingSet()); }
        public Iterator<E> descendingIterator() { return descendingSet().iterator(); }
        public NavigableSet<E> subSet(E a, boolean ai, E b, boolean bi) { return new ReadOnlySortedSet<E>(s.subSet(a, ai, b, bi)); }
        public NavigableSet<E> headSet(E e, boolean inclusive) { return new ReadOnlySortedSet<E>(s.headSet(e, inclusive)); }
        public NavigableSet<E> tailSet(E e, boolean inclusive) { return new ReadOnlySortedSet<E>(s.tailSet(e, inclusive)); }
        public SortedSet<E> subSet(E a, E b) { return subSet(a, true, b, false); }
        public SortedSet<E> headSet(E e) { return headSet(e, false); }
        public SortedSet<E> tailSet(E e) { return tailSet(e, true); }
    }

    private static final class ReadOnlySortedMap<K, V> extends ReadOnlyMap<K, V> implements SortedMap<K, V> {
        private final SortedMap<K, V> t;

        ReadOnlySortedMap(SortedMap<K, V> t) {
            super(t);
            this.t = t;
        }

        public Comparator<? super K> comparator() { return t.comparator(); }
        public K firstKey() { return t.firstKey(); }
        public K lastKey() { return t.lastKey(); }
        public SortedMap<K, V> subMap(K a, K b) { return new ReadOnlySortedMap<K, V>(t.subMap(a, b)); }
        public SortedMap<K, V> headMap(K k) { return new ReadOnlySortedMap<K, V>(t.headMap(k)); }
        public SortedMap<K, V> tailMap(K k) { return new ReadOnlySortedMap<K, V>(t.tailMap(k)); }
    }

    private static class ReadOnlyMap<K, V> extends AbstractMap<K, V> {
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
