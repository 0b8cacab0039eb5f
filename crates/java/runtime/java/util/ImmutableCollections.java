package java.util;

/** What List.of, Set.of and Map.of make: no nulls, no duplicates, no changes. */
final class ImmutableCollections {
    private ImmutableCollections() {}

    private static Object present(Object o) {
        if (o == null) throw new NullPointerException();
        return o;
    }

    @SuppressWarnings("unchecked")
    static <E> List<E> list(Object[] items) {
        ArrayList<E> copy = new ArrayList<E>(items.length);
        for (Object o : items) copy.add((E) present(o));
        return Collections.unmodifiableList(copy);
    }

    @SuppressWarnings("unchecked")
    static <E> Set<E> set(Object[] items) {
        LinkedHashSet<E> s = new LinkedHashSet<E>();
        for (Object o : items) {
            if (!s.add((E) present(o))) throw new IllegalArgumentException("duplicate element: " + o);
        }
        return Collections.unmodifiableSet(s);
    }

    @SuppressWarnings("unchecked")
    static <K, V> Map<K, V> map(Object[] pairs) {
        LinkedHashMap<K, V> m = new LinkedHashMap<K, V>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (m.put((K) present(pairs[i]), (V) present(pairs[i + 1])) != null) {
                throw new IllegalArgumentException("duplicate key: " + pairs[i]);
            }
        }
        return Collections.unmodifiableMap(m);
    }
}
