package java.util;

/** A map comparing keys by identity (==) and hashing them by System.identityHashCode. */
public class IdentityHashMap<K, V> extends AbstractMap<K, V> implements Cloneable, java.io.Serializable {
    /** Stands for the null key in the table. */
    private static final Object NULL_KEY = new Object();
    /** Keys and values side by side, open addressing: keys at even slots, values after them. */
    private Object[] table;
    private int size;
    private int modCount;

    public IdentityHashMap() {
        this(21);
    }

    public IdentityHashMap(int expected) {
        int n = 32;
        while (n < expected * 3) n <<= 1;
        table = new Object[n * 2];
    }

    public IdentityHashMap(Map<? extends K, ? extends V> m) {
        this(m.size());
        putAll(m);
    }

    private static Object mask(Object k) {
        return k == null ? NULL_KEY : k;
    }

    @SuppressWarnings("unchecked")
    private static <K> K unmask(Object k) {
        return k == NULL_KEY ? null : (K) k;
    }

    /** The even slot holding k, or the empty one where it would go. */
    private int slot(Object[] t, Object k) {
        int mask = t.length - 2;
        int i = (System.identityHashCode(k) * 2) & mask;
        while (t[i] != null && t[i] != k) i = (i + 2) & mask;
        return i;
    }

    public int size() { return size; }

    public boolean containsKey(Object key) {
        return table[slot(table, mask(key))] != null;
    }

    public boolean containsValue(Object value) {
        for (int i = 0; i < table.length; i += 2) {
            if (table[i] != null && table[i + 1] == value) return true;
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int i = slot(table, mask(key));
        return table[i] == null ? null : (V) table[i + 1];
    }

    @SuppressWarnings("unchecked")
    public V put(K key, V value) {
        Object k = mask(key);
        int i = slot(table, k);
        if (table[i] != null) {
            V old = (V) table[i + 1];
            table[i + 1] = value;
            return old;
        }
        if ((size + 1) * 3 > table.length) {
            grow();
            i = slot(table, k);
        }
        table[i] = k;
        table[i + 1] = value;
        size++;
        modCount++;
        return null;
    }

    private void grow() {
        Object[] old = table;
        table = new Object[old.length * 2];
        for (int j = 0; j < old.length; j += 2) {
            if (old[j] != null) {
                int i = slot(table, old[j]);
                table[i] = old[j];
                table[i + 1] = old[j + 1];
            }
        }
    }

    @SuppressWarnings("unchecked")
    public V remove(Object key) {
        int i = slot(table, mask(key));
        if (table[i] == null) return null;
        V old = (V) table[i + 1];
        table[i] = null;
        table[i + 1] = null;
        size--;
        modCount++;
        // Re-place the rest of the run, which may have probed past the freed slot.
        int mask = table.length - 2;
        for (int j = (i + 2) & mask; table[j] != null; j = (j + 2) & mask) {
            Object k = table[j], v = table[j + 1];
            table[j] = null;
            table[j + 1] = null;
            int to = slot(table, k);
            table[to] = k;
            table[to + 1] = v;
        }
        return old;
    }

    public void clear() {
        Arrays.fill(table, null);
        size = 0;
        modCount++;
    }

    public Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<Map.Entry<K, V>>() {
            public int size() { return size; }
            public void clear() { IdentityHashMap.this.clear(); }
            public Iterator<Map.Entry<K, V>> iterator() {
                return new Iterator<Map.Entry<K, V>>() {
                    // A copy: removing re-places entries in the table.
                    final Object[] t = Arrays.copyOf(table, table.length);
                    int next = advance(0);
                    int expected = modCount;
                    Object lastKey;
                    boolean canRemove;

                    int advance(int i) {
                        while (i < t.length && t[i] == null) i += 2;
                        return i;
                    }

                    public boolean hasNext() { return next < t.length; }

                    public Map.Entry<K, V> next() {
                        if (modCount != expected) throw new ConcurrentModificationException();
                        if (next >= t.length) throw new NoSuchElementException();
                        int i = next;
                        next = advance(i + 2);
                        lastKey = t[i];
                        canRemove = true;
                        @SuppressWarnings("unchecked")
                        V v = (V) t[i + 1];
                        return new AbstractMap.SimpleEntry<K, V>(IdentityHashMap.<K>unmask(t[i]), v) {
                            public V setValue(V nv) {
                                super.setValue(nv);
                                return IdentityHashMap.this.put(getKey(), nv);
                            }
                        };
                    }

                    public void remove() {
                        if (!canRemove) throw new IllegalStateException();
                        if (modCount != expected) throw new ConcurrentModificationException();
                        canRemove = false;
                        IdentityHashMap.this.remove(unmask(lastKey));
                        expected = modCount;
                    }
                };
            }
        };
    }
}
