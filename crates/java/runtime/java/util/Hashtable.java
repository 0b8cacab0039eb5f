package java.util;

/**
 * A synchronized hash map without null keys or values. Its buckets behave as the JDK's do, so
 * programs see the same iteration order: an odd table (11 to start) indexed by the key's hash
 * modulo its length, new entries first in their bucket, the table grown to 2n + 1 when the
 * count reaches three quarters, and iteration from the last bucket to the first.
 */
public class Hashtable<K, V> extends Dictionary<K, V> implements Map<K, V>, Cloneable, java.io.Serializable {
    private static final class Entry<K, V> implements Map.Entry<K, V> {
        final int hash;
        final K key;
        V value;
        Entry<K, V> next;

        Entry(int hash, K key, V value, Entry<K, V> next) {
            this.hash = hash;
            this.key = key;
            this.value = value;
            this.next = next;
        }

        public K getKey() { return key; }
        public V getValue() { return value; }

        public V setValue(V v) {
            if (v == null) throw new NullPointerException();
            V old = value;
            value = v;
            return old;
        }

        public boolean equals(Object o) { return Entries.same(this, o); }
        public int hashCode() { return Entries.hash(this); }
        public String toString() { return key + "=" + value; }
    }

    private Entry<?, ?>[] table;
    private int count;
    private int threshold;
    private final float loadFactor;
    private int modCount;

    public Hashtable() {
        this(11, 0.75f);
    }

    public Hashtable(int capacity) {
        this(capacity, 0.75f);
    }

    public Hashtable(int capacity, float loadFactor) {
        if (capacity < 0) throw new IllegalArgumentException("Illegal Capacity: " + capacity);
        if (!(loadFactor > 0)) throw new IllegalArgumentException("Illegal Load: " + loadFactor);
        if (capacity == 0) capacity = 1;
        this.loadFactor = loadFactor;
        table = new Entry<?, ?>[capacity];
        threshold = (int) Math.min(capacity * loadFactor, Integer.MAX_VALUE - 7);
    }

    public Hashtable(Map<? extends K, ? extends V> m) {
        this(Math.max(2 * m.size(), 11), 0.75f);
        putAll(m);
    }

    private int index(int hash, int length) {
        return (hash & 0x7FFFFFFF) % length;
    }

    @SuppressWarnings("unchecked")
    private Entry<K, V> find(Object key) {
        int h = key.hashCode();
        for (Entry<?, ?> e = table[index(h, table.length)]; e != null; e = e.next) {
            if (e.hash == h && e.key.equals(key)) return (Entry<K, V>) e;
        }
        return null;
    }

    public synchronized int size() { return count; }
    public synchronized boolean isEmpty() { return count == 0; }

    public synchronized V get(Object key) {
        Entry<K, V> e = find(key);
        return e == null ? null : e.value;
    }

    public synchronized boolean containsKey(Object key) {
        return find(key) != null;
    }

    public synchronized boolean contains(Object value) {
        if (value == null) throw new NullPointerException();
        for (int i = table.length - 1; i >= 0; i--) {
            for (Entry<?, ?> e = table[i]; e != null; e = e.next) {
                if (e.value.equals(value)) return true;
            }
        }
        return false;
    }

    public boolean containsValue(Object value) {
        return contains(value);
    }

    /** Moves the entries into a table of 2n + 1, the old buckets taken from the last. */
    private void rehash() {
        Entry<?, ?>[] old = table;
        int length = old.length * 2 + 1;
        Entry<?, ?>[] grown = new Entry<?, ?>[length];
        modCount++;
        threshold = (int) Math.min(length * loadFactor, Integer.MAX_VALUE - 7);
        for (int i = old.length - 1; i >= 0; i--) {
            Entry<?, ?> e = old[i];
            while (e != null) {
                Entry<?, ?> next = e.next;
                @SuppressWarnings("unchecked")
                Entry<Object, Object> moved = (Entry<Object, Object>) e;
                int k = index(e.hash, length);
                moved.next = (Entry<Object, Object>) grown[k];
                grown[k] = moved;
                e = next;
            }
        }
        table = grown;
    }

    @SuppressWarnings("unchecked")
    public synchronized V put(K key, V value) {
        if (value == null) throw new NullPointerException();
        Entry<K, V> e = find(key);
        if (e != null) {
            V old = e.value;
            e.value = value;
            return old;
        }
        int h = key.hashCode();
        if (count >= threshold) {
            rehash();
        }
        int k = index(h, table.length);
        table[k] = new Entry<K, V>(h, key, value, (Entry<K, V>) table[k]);
        count++;
        modCount++;
        return null;
    }

    @SuppressWarnings("unchecked")
    public synchronized V remove(Object key) {
        int h = key.hashCode();
        int k = index(h, table.length);
        Entry<K, V> prev = null;
        for (Entry<K, V> e = (Entry<K, V>) table[k]; e != null; prev = e, e = e.next) {
            if (e.hash == h && e.key.equals(key)) {
                if (prev == null) table[k] = e.next;
                else prev.next = e.next;
                count--;
                modCount++;
                return e.value;
            }
        }
        return null;
    }

    public synchronized void putAll(Map<? extends K, ? extends V> m) {
        for (Map.Entry<? extends K, ? extends V> e : m.entrySet()) put(e.getKey(), e.getValue());
    }

    public synchronized void clear() {
        for (int i = 0; i < table.length; i++) table[i] = null;
        count = 0;
        modCount++;
    }

    /** The entries from the last bucket to the first; remove() goes through the table. */
    private final class Walk {
        int bucket = table.length;
        Entry<?, ?> next;
        Entry<?, ?> last;
        int expected = modCount;

        boolean hasNext() {
            while (next == null && bucket > 0) next = table[--bucket];
            return next != null;
        }

        @SuppressWarnings("unchecked")
        Entry<K, V> next() {
            if (modCount != expected) throw new ConcurrentModificationException();
            if (!hasNext()) throw new NoSuchElementException("Hashtable Enumerator");
            last = next;
            next = next.next;
            return (Entry<K, V>) last;
        }

        void remove() {
            if (last == null) throw new IllegalStateException("Hashtable Enumerator");
            if (modCount != expected) throw new ConcurrentModificationException();
            Hashtable.this.remove(last.key);
            expected = modCount;
            last = null;
        }
    }

    public synchronized Enumeration<K> keys() {
        Walk w = new Walk();
        return new Enumeration<K>() {
            public boolean hasMoreElements() { return w.hasNext(); }
            public K nextElement() { return w.next().key; }
        };
    }

    public synchronized Enumeration<V> elements() {
        Walk w = new Walk();
        return new Enumeration<V>() {
            public boolean hasMoreElements() { return w.hasNext(); }
            public V nextElement() { return w.next().value; }
        };
    }

    public Set<K> keySet() {
        return new AbstractSet<K>() {
            public int size() { return count; }
            public boolean contains(Object k) { return containsKey(k); }
            public boolean remove(Object k) { return Hashtable.this.remove(k) != null; }
            public void clear() { Hashtable.this.clear(); }
            public Iterator<K> iterator() {
                Walk w = new Walk();
                return new Iterator<K>() {
                    public boolean hasNext() { return w.hasNext(); }
                    public K next() { return w.next().key; }
                    public void remove() { w.remove(); }
                };
            }
        };
    }

    public Collection<V> values() {
        return new AbstractCollection<V>() {
            public int size() { return count; }
            public boolean contains(Object v) { return Hashtable.this.contains(v); }
            public void clear() { Hashtable.this.clear(); }
            public Iterator<V> iterator() {
                Walk w = new Walk();
                return new Iterator<V>() {
                    public boolean hasNext() { return w.hasNext(); }
                    public V next() { return w.next().value; }
                    public void remove() { w.remove(); }
                };
            }
        };
    }

    public Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<Map.Entry<K, V>>() {
            public int size() { return count; }
            public void clear() { Hashtable.this.clear(); }
            public Iterator<Map.Entry<K, V>> iterator() {
                Walk w = new Walk();
                return new Iterator<Map.Entry<K, V>>() {
                    public boolean hasNext() { return w.hasNext(); }
                    public Map.Entry<K, V> next() { return w.next(); }
                    public void remove() { w.remove(); }
                };
            }
        };
    }

    public synchronized String toString() {
        StringBuilder b = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<K, V> e : entrySet()) {
            if (!first) b.append(", ");
            first = false;
            b.append(e.getKey() == this ? "(this Map)" : String.valueOf(e.getKey())).append('=');
            b.append(e.getValue() == this ? "(this Map)" : String.valueOf(e.getValue()));
        }
        return b.append('}').toString();
    }

    public synchronized boolean equals(Object o) {
        if (o == this) return true;
        if (!(o instanceof Map)) return false;
        Map<?, ?> m = (Map<?, ?>) o;
        if (m.size() != count) return false;
        for (Map.Entry<K, V> e : entrySet()) {
            if (!e.getValue().equals(m.get(e.getKey()))) return false;
        }
        return true;
    }

    public synchronized int hashCode() {
        int h = 0;
        for (Map.Entry<K, V> e : entrySet()) h += e.hashCode();
        return h;
    }

    public synchronized Object clone() {
        Hashtable<K, V> copy = new Hashtable<K, V>(table.length, loadFactor);
        // Same table length and the same insertions bucket by bucket keep the order.
        for (int i = 0; i < table.length; i++) {
            Entry<?, ?> rev = null;
            for (Entry<?, ?> e = table[i]; e != null; e = e.next) rev = new Entry<Object, Object>(e.hash, e.key, e.value, (Entry<Object, Object>) rev);
            for (Entry<?, ?> e = rev; e != null; e = e.next) {
                @SuppressWarnings("unchecked")
                Entry<K, V> t = (Entry<K, V>) copy.table[i];
                @SuppressWarnings("unchecked")
                K k = (K) e.key;
                @SuppressWarnings("unchecked")
                V v = (V) e.value;
                copy.table[i] = new Entry<K, V>(e.hash, k, v, t);
            }
        }
        copy.count = count;
        copy.threshold = threshold;
        return copy;
    }
}
