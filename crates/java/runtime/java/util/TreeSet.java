package java.util;

/** A set in order: the keys of a TreeMap. Ranges and the descending set are copies. */
public class TreeSet<E> extends AbstractSet<E> implements NavigableSet<E>, Cloneable, java.io.Serializable {
    private static final Object PRESENT = new Object();
    private final TreeMap<E, Object> map;

    public TreeSet() {
        map = new TreeMap<E, Object>();
    }

    public TreeSet(Comparator<? super E> comparator) {
        map = new TreeMap<E, Object>(comparator);
    }

    public TreeSet(Collection<? extends E> c) {
        this(c instanceof SortedSet ? cast(((SortedSet<?>) c).comparator()) : null);
        addAll(c);
    }

    /** The keys of `map`, live (TreeMap.keySet). */
    @SuppressWarnings("unchecked")
    TreeSet(TreeMap<E, ?> map, boolean unused) {
        this.map = (TreeMap<E, Object>) map;
    }

    @SuppressWarnings("unchecked")
    private static <E> Comparator<? super E> cast(Comparator<?> c) {
        return (Comparator<? super E>) c;
    }

    private TreeSet<E> copyOf(SortedMap<E, Object> m) {
        TreeSet<E> out = new TreeSet<E>(map.comparator());
        out.map.putAll(m);
        return out;
    }

    public Comparator<? super E> comparator() { return map.comparator(); }
    public int size() { return map.size(); }
    public boolean isEmpty() { return map.size() == 0; }
    public boolean contains(Object o) { return map.containsKey(o); }
    public boolean add(E e) { return map.put(e, PRESENT) == null; }
    public boolean remove(Object o) { return map.remove(o) == PRESENT; }
    public void clear() { map.clear(); }
    public Iterator<E> iterator() { return map.keyIterator(false); }
    public Iterator<E> descendingIterator() { return map.keyIterator(true); }
    public E first() { return map.firstKey(); }
    public E last() { return map.lastKey(); }
    public E lower(E e) { return map.lowerKey(e); }
    public E floor(E e) { return map.floorKey(e); }
    public E ceiling(E e) { return map.ceilingKey(e); }
    public E higher(E e) { return map.higherKey(e); }

    public E pollFirst() {
        Map.Entry<E, Object> e = map.pollFirstEntry();
        return e == null ? null : e.getKey();
    }

    public E pollLast() {
        Map.Entry<E, Object> e = map.pollLastEntry();
        return e == null ? null : e.getKey();
    }

    public NavigableSet<E> descendingSet() {
        TreeSet<E> out = new TreeSet<E>(Collections.reverseOrder(cast(map.comparator() == null ? Arrays.NATURAL : map.comparator())));
        out.addAll(this);
        return out;
    }

    public NavigableSet<E> subSet(E from, boolean fromInclusive, E to, boolean toInclusive) {
        return copyOf(map.subMap(from, fromInclusive, to, toInclusive));
    }

    public NavigableSet<E> headSet(E to, boolean inclusive) { return copyOf(map.headMap(to, inclusive)); }
    public NavigableSet<E> tailSet(E from, boolean inclusive) { return copyOf(map.tailMap(from, inclusive)); }
    public SortedSet<E> subSet(E from, E to) { return subSet(from, true, to, false); }
    public SortedSet<E> headSet(E to) { return headSet(to, false); }
    public SortedSet<E> tailSet(E from) { return tailSet(from, true); }

    public Object clone() {
        TreeSet<E> copy = new TreeSet<E>(map.comparator());
        copy.addAll(this);
        return copy;
    }
}
