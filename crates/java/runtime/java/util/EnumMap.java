package java.util;

/** A map from the constants of one enum, in an array by ordinal: iteration is in ordinal order. */
public class EnumMap<K extends Enum<K>, V> extends AbstractMap<K, V> implements Cloneable, java.io.Serializable {
    /** Stands for a null value, so that an empty slot is told from a key mapped to null. */
    private static final Object NULL = new Object();
    private final Class<K> type;
    private final Object[] keys;
    private Object[] vals;
    private int size;

    public EnumMap(Class<K> type) {
        this.type = type;
        this.keys = phantom.runtime.Rt.enumValues(type);
        this.vals = new Object[keys.length];
    }

    public EnumMap(EnumMap<K, ? extends V> m) {
        this.type = m.type;
        this.keys = m.keys;
        this.vals = Arrays.copyOf(m.vals, m.vals.length);
        this.size = m.size;
    }

    @SuppressWarnings("unchecked")
    public EnumMap(Map<K, ? extends V> m) {
        if (m instanceof EnumMap) {
            EnumMap<K, ? extends V> e = (EnumMap<K, ? extends V>) m;
            this.type = e.type;
            this.keys = e.keys;
            this.vals = Arrays.copyOf(e.vals, e.vals.length);
            this.size = e.size;
            return;
        }
        if (m.isEmpty()) throw new IllegalArgumentException("Specified map is empty");
        this.type = m.keySet().iterator().next().getDeclaringClass();
        this.keys = phantom.runtime.Rt.enumValues(type);
        this.vals = new Object[keys.length];
        putAll(m);
    }

    /** The slot of key, or -1 if it is not one of this map's constants. */
    private int slot(Object key) {
        if (!(key instanceof Enum)) return -1;
        int i = ((Enum<?>) key).ordinal();
        return i < keys.length && keys[i] == key ? i : -1;
    }

    @SuppressWarnings("unchecked")
    private V unmask(Object v) {
        return v == NULL ? null : (V) v;
    }

    public int size() { return size; }

    public boolean containsKey(Object key) {
        int i = slot(key);
        return i >= 0 && vals[i] != null;
    }

    public boolean containsValue(Object value) {
        Object masked = value == null ? NULL : value;
        for (Object v : vals) if (v != null && masked.equals(v)) return true;
        return false;
    }

    public V get(Object key) {
        int i = slot(key);
        return i < 0 ? null : unmask(vals[i]);
    }

    public V put(K key, V value) {
        int i = slot(key);
        if (i < 0) {
            if (key == null) throw new NullPointerException();
            throw new ClassCastException(key.getClass() + " != " + type);
        }
        Object old = vals[i];
        vals[i] = value == null ? NULL : value;
        if (old == null) size++;
        return unmask(old);
    }

    public V remove(Object key) {
        int i = slot(key);
        if (i < 0 || vals[i] == null) return null;
        Object old = vals[i];
        vals[i] = null;
        size--;
        return unmask(old);
    }

    public void clear() {
        Arrays.fill(vals, null);
        size = 0;
    }

    private final class Entry implements Map.Entry<K, V> {
        final int i;

        Entry(int i) {
            this.i = i;
        }

        @SuppressWarnings("unchecked")
        public K getKey() { return (K) keys[i]; }
        public V getValue() { return unmask(vals[i]); }

        public V setValue(V v) {
            V old = unmask(vals[i]);
            vals[i] = v == null ? NULL : v;
            return old;
        }

        public boolean equals(Object o) { return Entries.same(this, o); }
        public int hashCode() { return Entries.hash(this); }
        public String toString() { return keys[i] + "=" + unmask(vals[i]); }
    }

    /** The ordinals in use, in order. */
    private final class Walk {
        int next = advance(0);
        int last = -1;

        int advance(int i) {
            while (i < vals.length && vals[i] == null) i++;
            return i;
        }

        boolean hasNext() { return next < vals.length; }

        int step() {
            if (next >= vals.length) throw new NoSuchElementException();
            last = next;
            next = advance(next + 1);
            return last;
        }

        void remove() {
            if (last < 0 || vals[last] == null) throw new IllegalStateException();
            vals[last] = null;
            size--;
            last = -1;
        }
    }

    public Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<Map.Entry<K, V>>() {
            public int size() { return size; }
            public void clear() { EnumMap.this.clear(); }
            public Iterator<Map.Entry<K, V>> iterator() {
                Walk w = new Walk();
                return new Iterator<Map.Entry<K, V>>() {
                    public boolean hasNext() { return w.hasNext(); }
                    public Map.Entry<K, V> next() { return new Entry(w.step()); }
                    public void remove() { w.remove(); }
                };
            }
        };
    }

    public Set<K> keySet() {
        return new AbstractSet<K>() {
            public int size() { return size; }
            public boolean contains(Object k) { return containsKey(k); }
            public boolean remove(Object k) { int n = size; EnumMap.this.remove(k); return size != n; }
            public void clear() { EnumMap.this.clear(); }
            public Iterator<K> iterator() {
                Walk w = new Walk();
                return new Iterator<K>() {
                    public boolean hasNext() { return w.hasNext(); }
                    @SuppressWarnings("unchecked")
                    public K next() { return (K) keys[w.step()]; }
                    public void remove() { w.remove(); }
                };
            }
        };
    }

    public Collection<V> values() {
        return new AbstractCollection<V>() {
            public int size() { return size; }
            public boolean contains(Object v) { return containsValue(v); }
            public void clear() { EnumMap.this.clear(); }
            public Iterator<V> iterator() {
                Walk w = new Walk();
                return new Iterator<V>() {
                    public boolean hasNext() { return w.hasNext(); }
                    public V next() { return unmask(vals[w.step()]); }
                    public void remove() { w.remove(); }
                };
            }
        };
    }

    public EnumMap<K, V> clone() {
        return new EnumMap<K, V>(this);
    }
}
