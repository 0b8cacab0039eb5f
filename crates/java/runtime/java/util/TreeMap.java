package java.util;

/**
 * A map in key order: an AVL tree (each node's subtrees differ in height by at most one).
 * Iteration steps from a key to the next higher one, so it costs log n a step and survives
 * removals made through the iterator. The ranges (headMap, subMap...) are copies.
 */
public class TreeMap<K, V> extends AbstractMap<K, V> implements NavigableMap<K, V>, Cloneable, java.io.Serializable {
    static final class Node<K, V> implements Map.Entry<K, V> {
        final K key;
        V value;
        Node<K, V> left, right;
        int height = 1;

        Node(K key, V value) {
            this.key = key;
            this.value = value;
        }

        public K getKey() {
            return key;
        }

        public V getValue() {
            return value;
        }

        public V setValue(V v) {
            V old = value;
            value = v;
            return old;
        }

        public boolean equals(Object o) {
            return Entries.same(this, o);
        }

        public int hashCode() {
            return Entries.hash(this);
        }

        public String toString() {
            return key + "=" + value;
        }
    }

    private final Comparator<? super K> comparator;
    private Node<K, V> root;
    private int size;
    private int modCount;

    public TreeMap() {
        comparator = null;
    }

    public TreeMap(Comparator<? super K> comparator) {
        this.comparator = comparator;
    }

    public TreeMap(Map<? extends K, ? extends V> m) {
        comparator = m instanceof SortedMap ? castComparator(((SortedMap<?, ?>) m).comparator()) : null;
        putAll(m);
    }

    @SuppressWarnings("unchecked")
    private static <K> Comparator<? super K> castComparator(Comparator<?> c) {
        return (Comparator<? super K>) c;
    }

    @SuppressWarnings("unchecked")
    private int compare(Object a, Object b) {
        if (comparator != null) return comparator.compare((K) a, (K) b);
        if (a == null || b == null) throw new NullPointerException();
        return ((Comparable<Object>) a).compareTo(b);
    }

    public Comparator<? super K> comparator() {
        return comparator;
    }

    public int size() {
        return size;
    }

    private static int height(Node<?, ?> n) {
        return n == null ? 0 : n.height;
    }

    private static <K, V> Node<K, V> fix(Node<K, V> n) {
        n.height = Math.max(height(n.left), height(n.right)) + 1;
        return n;
    }

    private static <K, V> Node<K, V> rotateRight(Node<K, V> n) {
        Node<K, V> l = n.left;
        n.left = l.right;
        l.right = fix(n);
        return fix(l);
    }

    private static <K, V> Node<K, V> rotateLeft(Node<K, V> n) {
        Node<K, V> r = n.right;
        n.right = r.left;
        r.left = fix(n);
        return fix(r);
    }

    private static <K, V> Node<K, V> balance(Node<K, V> n) {
        fix(n);
        int lean = height(n.left) - height(n.right);
        if (lean > 1) {
            if (height(n.left.left) < height(n.left.right)) n.left = rotateLeft(n.left);
            return rotateRight(n);
        }
        if (lean < -1) {
            if (height(n.right.right) < height(n.right.left)) n.right = rotateRight(n.right);
            return rotateLeft(n);
        }
        return n;
    }

    private Node<K, V> found;

    private Node<K, V> insert(Node<K, V> n, K key, V value) {
        if (n == null) {
            size++;
            modCount++;
            found = null;
            return new Node<K, V>(key, value);
        }
        int c = compare(key, n.key);
        if (c == 0) {
            found = n;
            return n;
        }
        if (c < 0) n.left = insert(n.left, key, value); else n.right = insert(n.right, key, value);
        return balance(n);
    }

    private Node<K, V> removeMin(Node<K, V> n) {
        if (n.left == null) return n.right;
        n.left = removeMin(n.left);
        return balance(n);
    }

    private Node<K, V> delete(Node<K, V> n, Object key) {
        if (n == null) return null;
        int c = compare(key, n.key);
        if (c < 0) {
            n.left = delete(n.left, key);
        } else if (c > 0) {
            n.right = delete(n.right, key);
        } else {
            found = n;
            if (n.left == null) return n.right;
            if (n.right == null) return n.left;
            Node<K, V> successor = n.right;
            while (successor.left != null) successor = successor.left;
            successor.right = removeMin(n.right);
            successor.left = n.left;
            return balance(successor);
        }
        return balance(n);
    }

    private Node<K, V> node(Object key) {
        Node<K, V> n = root;
        while (n != null) {
            int c = compare(key, n.key);
            if (c == 0) return n;
            n = c < 0 ? n.left : n.right;
        }
        return null;
    }

    public V get(Object key) {
        Node<K, V> n = node(key);
        return n == null ? null : n.value;
    }

    public boolean containsKey(Object key) {
        return node(key) != null;
    }

    public V put(K key, V value) {
        if (root == null) compare(key, key);
        root = insert(root, key, value);
        if (found == null) return null;
        return found.setValue(value);
    }

    public V remove(Object key) {
        found = null;
        root = delete(root, key);
        if (found == null) return null;
        size--;
        modCount++;
        return found.value;
    }

    public void clear() {
        root = null;
        size = 0;
        modCount++;
    }

    /**
     * The node nearest `key` in a direction: below (lower, floor) or above (ceiling, higher),
     * the key itself allowed when `inclusive`.
     */
    private Node<K, V> near(Object key, boolean above, boolean inclusive) {
        Node<K, V> best = null;
        for (Node<K, V> n = root; n != null; ) {
            int c = compare(key, n.key);
            if (c == 0 && inclusive) return n;
            if (above ? c < 0 : c > 0) {
                best = n;
                n = above ? n.left : n.right;
            } else {
                n = above ? n.right : n.left;
            }
        }
        return best;
    }

    private Node<K, V> end(boolean last) {
        Node<K, V> n = root;
        while (n != null && (last ? n.right : n.left) != null) n = last ? n.right : n.left;
        return n;
    }

    private static <K> K keyOf(Node<K, ?> n) {
        return n == null ? null : n.key;
    }

    private static <K> K keyOrThrow(Node<K, ?> n) {
        if (n == null) throw new NoSuchElementException();
        return n.key;
    }

    private static <K, V> Map.Entry<K, V> snapshot(Node<K, V> n) {
        return n == null ? null : new AbstractMap.SimpleImmutableEntry<K, V>(n.key, n.value);
    }

    public K firstKey() { return keyOrThrow(end(false)); }
    public K lastKey() { return keyOrThrow(end(true)); }
    public Map.Entry<K, V> firstEntry() { return snapshot(end(false)); }
    public Map.Entry<K, V> lastEntry() { return snapshot(end(true)); }
    public K lowerKey(K key) { return keyOf(near(key, false, false)); }
    public K floorKey(K key) { return keyOf(near(key, false, true)); }
    public K ceilingKey(K key) { return keyOf(near(key, true, true)); }
    public K higherKey(K key) { return keyOf(near(key, true, false)); }
    public Map.Entry<K, V> lowerEntry(K key) { return snapshot(near(key, false, false)); }
    public Map.Entry<K, V> floorEntry(K key) { return snapshot(near(key, false, true)); }
    public Map.Entry<K, V> ceilingEntry(K key) { return snapshot(near(key, true, true)); }
    public Map.Entry<K, V> higherEntry(K key) { return snapshot(near(key, true, false)); }

    private Map.Entry<K, V> poll(boolean last) {
        Node<K, V> n = end(last);
        if (n == null) return null;
        Map.Entry<K, V> e = snapshot(n);
        remove(n.key);
        return e;
    }

    public Map.Entry<K, V> pollFirstEntry() { return poll(false); }
    public Map.Entry<K, V> pollLastEntry() { return poll(true); }

    /** Nodes in order (or reverse order), each found from the one before. */
    private final class Walk implements Iterator<Node<K, V>> {
        private final boolean descending;
        private Node<K, V> next;
        private Node<K, V> last;
        private int expected = modCount;

        Walk(boolean descending) {
            this.descending = descending;
            next = end(descending);
        }

        public boolean hasNext() {
            return next != null;
        }

        public Node<K, V> next() {
            if (next == null) throw new NoSuchElementException();
            if (modCount != expected) throw new ConcurrentModificationException();
            last = next;
            next = near(last.key, !descending, false);
            return last;
        }

        public void remove() {
            if (last == null) throw new IllegalStateException();
            if (modCount != expected) throw new ConcurrentModificationException();
            TreeMap.this.remove(last.key);
            last = null;
            expected = modCount;
        }
    }

    Iterator<K> keyIterator(boolean descending) {
        Walk w = new Walk(descending);
        return new Iterator<K>() {
            public boolean hasNext() { return w.hasNext(); }
            public K next() { return w.next().key; }
            public void remove() { w.remove(); }
        };
    }

    public Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<Map.Entry<K, V>>() {
            public int size() { return size; }
            public void clear() { TreeMap.this.clear(); }

            public Iterator<Map.Entry<K, V>> iterator() {
                Walk w = new Walk(false);
                return new Iterator<Map.Entry<K, V>>() {
                    public boolean hasNext() { return w.hasNext(); }
                    public Map.Entry<K, V> next() { return w.next(); }
                    public void remove() { w.remove(); }
                };
            }
        };
    }

    public Set<K> keySet() {
        return navigableKeySet();
    }

    /** The keys as a live set over this map (in order; ranges of it are copies). */
    public NavigableSet<K> navigableKeySet() {
        return new TreeSet<K>(this, false);
    }

    public NavigableSet<K> descendingKeySet() {
        return descendingMap().navigableKeySet();
    }

    public Collection<V> values() {
        return new AbstractCollection<V>() {
            public int size() { return size; }
            public void clear() { TreeMap.this.clear(); }

            public Iterator<V> iterator() {
                Walk w = new Walk(false);
                return new Iterator<V>() {
                    public boolean hasNext() { return w.hasNext(); }
                    public V next() { return w.next().value; }
                    public void remove() { w.remove(); }
                };
            }
        };
    }

    /** A copy with the keys from `from` to `to`, each bound included or not (null: open). */
    private TreeMap<K, V> range(K from, boolean fromInclusive, K to, boolean toInclusive) {
        TreeMap<K, V> out = new TreeMap<K, V>(comparator);
        for (Node<K, V> n = from == null ? end(false) : near(from, true, fromInclusive); n != null; n = near(n.key, true, false)) {
            if (to != null) {
                int c = compare(n.key, to);
                if (c > 0 || c == 0 && !toInclusive) break;
            }
            out.put(n.key, n.value);
        }
        return out;
    }

    public NavigableMap<K, V> subMap(K from, boolean fromInclusive, K to, boolean toInclusive) {
        if (compare(from, to) > 0) throw new IllegalArgumentException("fromKey > toKey");
        return range(from, fromInclusive, to, toInclusive);
    }

    public NavigableMap<K, V> headMap(K to, boolean inclusive) { return range(null, true, to, inclusive); }
    public NavigableMap<K, V> tailMap(K from, boolean inclusive) { return range(from, inclusive, null, true); }
    public SortedMap<K, V> subMap(K from, K to) { return subMap(from, true, to, false); }
    public SortedMap<K, V> headMap(K to) { return headMap(to, false); }
    public SortedMap<K, V> tailMap(K from) { return tailMap(from, true); }

    /** A copy in reverse order. */
    public NavigableMap<K, V> descendingMap() {
        TreeMap<K, V> out = new TreeMap<K, V>(Collections.reverseOrder(castComparator(comparator == null ? Arrays.NATURAL : comparator)));
        out.putAll(this);
        return out;
    }

    @SuppressWarnings("unchecked")
    public Object clone() {
        TreeMap<K, V> copy = new TreeMap<K, V>(comparator);
        copy.putAll(this);
        return copy;
    }
}
