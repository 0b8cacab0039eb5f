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

    public static <T extends Comparable<? super T>> T max(Collection<? extends T> c) {
        Iterator<? extends T> it = c.iterator();
        T best = it.next();
        while (it.hasNext()) {
            T t = it.next();
            if (t.compareTo(best) > 0) best = t;
        }
        return best;
    }

    public static <T extends Comparable<? super T>> T min(Collection<? extends T> c) {
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
        @SuppressWarnings("unchecked")
        Set<T> s = (Set<T>) set;
        return s;
    }

    public static <K, V> Map<K, V> unmodifiableMap(Map<? extends K, ? extends V> map) {
        @SuppressWarnings("unchecked")
        Map<K, V> m = (Map<K, V>) map;
        return m;
    }

    public static <T> List<T> emptyList() {
        return new Unmodifiable<T>(new ArrayList<T>());
    }

    public static <K, V> Map<K, V> emptyMap() {
        return new HashMap<K, V>();
    }

    public static <T> Set<T> emptySet() {
        return new HashSet<T>();
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

    static final class Unmodifiable<E> extends AbstractList<E> implements RandomAccess {
        private final List<? extends E> list;

        Unmodifiable(List<? extends E> list) {
            this.list = list;
        }

        public int size() { return list.size(); }
        public E get(int i) { return list.get(i); }
        public E set(int i, E e) { throw new UnsupportedOperationException(); }
        public void add(int i, E e) { throw new UnsupportedOperationException(); }
        public boolean add(E e) { throw new UnsupportedOperationException(); }
        public E remove(int i) { throw new UnsupportedOperationException(); }
        public boolean remove(Object o) { throw new UnsupportedOperationException(); }
        public void sort(Comparator<? super E> c) { throw new UnsupportedOperationException(); }
        public void clear() { throw new UnsupportedOperationException(); }
        public boolean addAll(Collection<? extends E> c) { throw new UnsupportedOperationException(); }
        public boolean addAll(int i, Collection<? extends E> c) { throw new UnsupportedOperationException(); }
        public boolean removeAll(Collection<?> c) { throw new UnsupportedOperationException(); }
        public boolean retainAll(Collection<?> c) { throw new UnsupportedOperationException(); }
        public boolean removeIf(java.util.function.Predicate<? super E> f) { throw new UnsupportedOperationException(); }
        public void replaceAll(java.util.function.UnaryOperator<E> op) { throw new UnsupportedOperationException(); }

        public Iterator<E> iterator() {
            final Iterator<? extends E> it = list.iterator();
            return new Iterator<E>() {
                public boolean hasNext() { return it.hasNext(); }
                public E next() { return it.next(); }
            };
        }

        public boolean equals(Object o) { return list.equals(o); }
        public int hashCode() { return list.hashCode(); }
    }
}
