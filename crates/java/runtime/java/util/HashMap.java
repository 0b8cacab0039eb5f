package java.util;

/**
 * A hash table of chains. Where entries sit is what Java programs see when they iterate, so
 * it is the JDK's: a power-of-two table (16 by default, doubled when more than 3/4 full), a
 * key's slot its hashCode with the high half folded into the low (h ^ h >>> 16) masked by the
 * size, new entries at the end of their chain, and a doubling that splits each chain in two
 * keeping their order.
 */
public class HashMap<K, V> extends AbstractMap<K, V> implements Map<K, V>, Cloneable, java.io.Serializable {
    private static final int LARGEST = 1 << 30;

    static class Node<K, V> implements Map.Entry<K, V> {
        final int hash;
        final K key;
        V value;
        Node<K, V> next;
        /** Insertion (or access) order, kept by LinkedHashMap only. */
        Node<K, V> before, after;

        Node(int hash, K key, V value) {
            this.hash = hash;
            this.key = key;
            this.value = value;
        }

        public final K getKey() {
            return key;
        }

        public final V getValue() {
            return value;
        }

        public final V setValue(V v) {
            V old = value;
            value = v;
            return old;
        }

        public final boolean equals(Object o) {
            return Entries.same(this, o);
        }

        public final int hashCode() {
            return Entries.hash(this);
        }

        public final String toString() {
            return key + "=" + value;
        }
    }

    private Node<K, V>[] table;
    private int size;
    /** The size past which the table doubles; before the table exists, its first length. */
    private int threshold;
    final float loadFactor;
    transient int modCount;

    public HashMap() {
        this(16, 0.75f);
    }

    public HashMap(int capacity) {
        this(capacity, 0.75f);
    }

    public HashMap(int capacity, float loadFactor) {
        if (capacity < 0) throw new IllegalArgumentException("Illegal initial capacity: " + capacity);
        if (!(loadFactor > 0)) throw new IllegalArgumentException("Illegal load factor: " + loadFactor);
        this.loadFactor = loadFactor;
        this.threshold = powerAtLeast(capacity);
    }

    public HashMap(Map<? extends K, ? extends V> m) {
        this.loadFactor = 0.75f;
        putAll(m);
    }

    static int powerAtLeast(int n) {
        int p = 1;
        while (p < n && p < LARGEST) p <<= 1;
        return p;
    }

    static int spread(Object key) {
        if (key == null) return 0;
        int h = key.hashCode();
        return h ^ (h >>> 16);
    }

    // What LinkedHashMap keeps in order; nothing here.
    void inserted(Node<K, V> n) {}

    void accessed(Node<K, V> n) {}

    void removed(Node<K, V> n) {}

    /** Entries in iteration order: the table's (LinkedHashMap: its list's). */
    Iterator<Node<K, V>> nodes() {
        return new TableOrder();
    }

    @SuppressWarnings("unchecked")
    private void grow() {
        Node<K, V>[] old = table;
        int oldLength = old == null ? 0 : old.length;
        int length;
        if (oldLength == 0) {
            length = threshold > 0 ? threshold : 16;
        } else if (oldLength >= LARGEST) {
            threshold = Integer.MAX_VALUE;
            return;
        } else {
            length = oldLength * 2;
        }
        threshold = length < LARGEST ? (int) (length * loadFactor) : Integer.MAX_VALUE;
        Node<K, V>[] fresh = (Node<K, V>[]) new Node[length];
        for (int i = 0; i < oldLength; i++) {
            // Each chain splits by the bit the doubling adds, order kept in both halves.
            Node<K, V> lowHead = null, lowTail = null, highHead = null, highTail = null;
            for (Node<K, V> e = old[i], next; e != null; e = next) {
                next = e.next;
                e.next = null;
                if ((e.hash & oldLength) == 0) {
                    if (lowTail == null) lowHead = e; else lowTail.next = e;
                    lowTail = e;
                } else {
                    if (highTail == null) highHead = e; else highTail.next = e;
                    highTail = e;
                }
            }
            fresh[i] = lowHead;
            fresh[i + oldLength] = highHead;
        }
        table = fresh;
    }

    final Node<K, V> find(Object key) {
        if (table == null) return null;
        int h = spread(key);
        for (Node<K, V> e = table[h & (table.length - 1)]; e != null; e = e.next) {
            if (e.hash == h && Objects.equals(key, e.key)) return e;
        }
        return null;
    }

    /** Whether the last findOrAdd made its entry. */
    private boolean added;

    /** The entry for `key`, made (with `value`) if there was none. */
    final Node<K, V> findOrAdd(K key, V value) {
        if (table == null) grow();
        int h = spread(key);
        int i = h & (table.length - 1);
        Node<K, V> last = null;
        for (Node<K, V> e = table[i]; e != null; e = e.next) {
            if (e.hash == h && Objects.equals(key, e.key)) {
                added = false;
                return e;
            }
            last = e;
        }
        Node<K, V> n = new Node<K, V>(h, key, value);
        if (last == null) table[i] = n; else last.next = n;
        modCount++;
        added = true;
        if (++size > threshold) grow();
        inserted(n);
        return n;
    }

    /**
     * Adds an entry for a key not present at the head of its chain, the way the JDK's compute,
     * computeIfAbsent and merge do (they grow the table first if it is already over full), which
     * decides the order those entries iterate in.
     */
    private void addAtHead(K key, V value) {
        if (table == null || size > threshold) grow();
        int h = spread(key);
        int i = h & (table.length - 1);
        Node<K, V> n = new Node<K, V>(h, key, value);
        n.next = table[i];
        table[i] = n;
        modCount++;
        size++;
        inserted(n);
    }

    final Node<K, V> removeNode(Object key) {
        if (table == null) return null;
        int h = spread(key);
        int i = h & (table.length - 1);
        for (Node<K, V> e = table[i], prev = null; e != null; prev = e, e = e.next) {
            if (e.hash == h && Objects.equals(key, e.key)) {
                if (prev == null) table[i] = e.next; else prev.next = e.next;
                modCount++;
                size--;
                removed(e);
                return e;
            }
        }
        return null;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public V get(Object key) {
        Node<K, V> e = find(key);
        if (e == null) return null;
        accessed(e);
        return e.value;
    }

    public V getOrDefault(Object key, V fallback) {
        Node<K, V> e = find(key);
        if (e == null) return fallback;
        accessed(e);
        return e.value;
    }

    public boolean containsKey(Object key) {
        return find(key) != null;
    }

    public boolean containsValue(Object value) {
        for (Iterator<Node<K, V>> it = nodes(); it.hasNext(); ) {
            if (Objects.equals(value, it.next().value)) return true;
        }
        return false;
    }

    public V put(K key, V value) {
        Node<K, V> e = findOrAdd(key, value);
        if (added) return null;
        V old = e.value;
        e.value = value;
        accessed(e);
        return old;
    }

    public V putIfAbsent(K key, V value) {
        Node<K, V> e = findOrAdd(key, value);
        if (added) return null;
        V old = e.value;
        if (old == null) e.value = value;
        accessed(e);
        return old;
    }

    public void putAll(Map<? extends K, ? extends V> m) {
        int s = m.size();
        if (s > 0) {
            if (table == null) {
                // Sized for the whole map first, as the JDK sizes it.
                float wanted = s / loadFactor + 1.0f;
                int t = wanted < LARGEST ? (int) wanted : LARGEST;
                if (t > threshold) threshold = powerAtLeast(t);
            } else {
                while (s > threshold && table.length < LARGEST) grow();
            }
            for (Map.Entry<? extends K, ? extends V> e : m.entrySet()) put(e.getKey(), e.getValue());
        }
    }

    public V remove(Object key) {
        Node<K, V> e = removeNode(key);
        return e == null ? null : e.value;
    }

    public void clear() {
        if (table != null && size > 0) {
            modCount++;
            Arrays.fill(table, null);
            size = 0;
        }
    }

    public V computeIfAbsent(K key, java.util.function.Function<? super K, ? extends V> f) {
        Node<K, V> e = find(key);
        if (e != null && e.value != null) {
            accessed(e);
            return e.value;
        }
        int expected = modCount;
        V v = f.apply(key);
        if (modCount != expected) throw new ConcurrentModificationException();
        if (v != null) {
            if (e != null) e.value = v; else addAtHead(key, v);
        }
        return v;
    }

    public V compute(K key, java.util.function.BiFunction<? super K, ? super V, ? extends V> f) {
        Node<K, V> e = find(key);
        V old = e == null ? null : e.value;
        int expected = modCount;
        V v = f.apply(key, old);
        if (modCount != expected) throw new ConcurrentModificationException();
        if (e == null) {
            if (v != null) addAtHead(key, v);
        } else if (v == null) {
            removeNode(key);
        } else {
            e.value = v;
            accessed(e);
        }
        return v;
    }

    public V merge(K key, V value, java.util.function.BiFunction<? super V, ? super V, ? extends V> f) {
        if (value == null || f == null) throw new NullPointerException();
        Node<K, V> e = find(key);
        if (e == null) {
            addAtHead(key, value);
            return value;
        }
        if (e.value == null) {
            e.value = value;
            accessed(e);
            return value;
        }
        V v = f.apply(e.value, value);
        if (v == null) remove(key); else { e.value = v; accessed(e); }
        return v;
    }

    public void forEach(java.util.function.BiConsumer<? super K, ? super V> action) {
        int expected = modCount;
        for (Iterator<Node<K, V>> it = nodes(); it.hasNext(); ) {
            Node<K, V> e = it.next();
            action.accept(e.key, e.value);
        }
        if (modCount != expected) throw new ConcurrentModificationException();
    }

    public void replaceAll(java.util.function.BiFunction<? super K, ? super V, ? extends V> f) {
        int expected = modCount;
        for (Iterator<Node<K, V>> it = nodes(); it.hasNext(); ) {
            Node<K, V> e = it.next();
            e.value = f.apply(e.key, e.value);
        }
        if (modCount != expected) throw new ConcurrentModificationException();
    }

    @SuppressWarnings("unchecked")
    public Object clone() {
        HashMap<K, V> copy = new HashMap<K, V>(0, loadFactor);
        copy.threshold = 0;
        copy.putAll(this);
        return copy;
    }

    /** The table's slots in order, each chain from its head. */
    private final class TableOrder implements Iterator<Node<K, V>> {
        private Node<K, V> next;
        private int slot;

        TableOrder() {
            advance(null);
        }

        private void advance(Node<K, V> from) {
            next = from == null ? null : from.next;
            while (next == null && table != null && slot < table.length) next = table[slot++];
        }

        public boolean hasNext() {
            return next != null;
        }

        public Node<K, V> next() {
            Node<K, V> e = next;
            if (e == null) throw new NoSuchElementException();
            advance(e);
            return e;
        }
    }

    /** Iteration over the entries, failing fast on changes made around it. */
    private abstract class Walk<T> implements Iterator<T> {
        private final Iterator<Node<K, V>> order = nodes();
        private Node<K, V> last;
        private int expected = modCount;

        abstract T of(Node<K, V> n);

        public final boolean hasNext() {
            return order.hasNext();
        }

        public final T next() {
            if (modCount != expected) throw new ConcurrentModificationException();
            last = order.next();
            return of(last);
        }

        public final void remove() {
            if (last == null) throw new IllegalStateException();
            if (modCount != expected) throw new ConcurrentModificationException();
            removeNode(last.key);
            last = null;
            expected = modCount;
        }
    }

    public Set<K> keySet() {
        return new AbstractSet<K>() {
            public int size() { return size; }
            public boolean contains(Object k) { return containsKey(k); }
            public boolean remove(Object k) { return removeNode(k) != null; }
            public void clear() { HashMap.this.clear(); }
            public Iterator<K> iterator() {
                return new Walk<K>() { K of(Node<K, V> n) { return n.key; } };
            }
        };
    }

    public Collection<V> values() {
        return new AbstractCollection<V>() {
            public int size() { return size; }
            public boolean contains(Object v) { return containsValue(v); }
            public void clear() { HashMap.this.clear(); }
            public Iterator<V> iterator() {
                return new Walk<V>() { V of(Node<K, V> n) { return n.value; } };
            }
        };
    }

    public Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<Map.Entry<K, V>>() {
            public int size() { return size; }
            public void clear() { HashMap.this.clear(); }

            public boolean contains(Object o) {
                if (!(o instanceof Map.Entry)) return false;
                Node<K, V> e = find(((Map.Entry<?, ?>) o).getKey());
                return e != null && e.equals(o);
            }

            public boolean remove(Object o) {
                return contains(o) && removeNode(((Map.Entry<?, ?>) o).getKey()) != null;
            }

            public Iterator<Map.Entry<K, V>> iterator() {
                return new Walk<Map.Entry<K, V>>() { Map.Entry<K, V> of(Node<K, V> n) { return n; } };
            }
        };
    }
}
