package java.util;

public interface Map<K, V> {
    int size();

    V get(Object key);

    V put(K key, V value);

    V remove(Object key);

    boolean containsKey(Object key);

    Set<K> keySet();

    Collection<V> values();

    Set<Map.Entry<K, V>> entrySet();

    void clear();

    default boolean isEmpty() {
        return size() == 0;
    }

    default V getOrDefault(Object key, V fallback) {
        V v = get(key);
        return v != null || containsKey(key) ? v : fallback;
    }

    default V putIfAbsent(K key, V value) {
        V v = get(key);
        if (v == null) v = put(key, value);
        return v;
    }

    default boolean containsValue(Object value) {
        for (V v : values()) {
            if (Objects.equals(v, value)) return true;
        }
        return false;
    }

    default void putAll(Map<? extends K, ? extends V> m) {
        for (Map.Entry<? extends K, ? extends V> e : m.entrySet()) put(e.getKey(), e.getValue());
    }

    interface Entry<K, V> {
        K getKey();

        V getValue();

        V setValue(V value);
    }
}
