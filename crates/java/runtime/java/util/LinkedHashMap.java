package java.util;

/** A HashMap that also keeps its entries in a list: in insertion order, or access order. */
public class LinkedHashMap<K, V> extends HashMap<K, V> implements Map<K, V> {
    private Node<K, V> head, tail;
    private final boolean accessOrder;

    public LinkedHashMap() {
        super();
        accessOrder = false;
    }

    public LinkedHashMap(int capacity) {
        super(capacity);
        accessOrder = false;
    }

    public LinkedHashMap(int capacity, float loadFactor) {
        super(capacity, loadFactor);
        accessOrder = false;
    }

    public LinkedHashMap(int capacity, float loadFactor, boolean accessOrder) {
        super(capacity, loadFactor);
        this.accessOrder = accessOrder;
    }

    public LinkedHashMap(Map<? extends K, ? extends V> m) {
        super(m);
        accessOrder = false;
    }

    private void unlink(Node<K, V> n) {
        if (n.before == null) head = n.after; else n.before.after = n.after;
        if (n.after == null) tail = n.before; else n.after.before = n.before;
        n.before = n.after = null;
    }

    private void append(Node<K, V> n) {
        n.before = tail;
        n.after = null;
        if (tail == null) head = n; else tail.after = n;
        tail = n;
    }

    void inserted(Node<K, V> n) {
        append(n);
        if (head != null && removeEldestEntry(head)) removeNode(head.key);
    }

    void accessed(Node<K, V> n) {
        if (accessOrder && tail != n) {
            unlink(n);
            append(n);
            modCount++;
        }
    }

    void removed(Node<K, V> n) {
        unlink(n);
    }

    Iterator<Node<K, V>> nodes() {
        return new Iterator<Node<K, V>>() {
            Node<K, V> next = head;

            public boolean hasNext() {
                return next != null;
            }

            public Node<K, V> next() {
                Node<K, V> e = next;
                if (e == null) throw new NoSuchElementException();
                next = e.after;
                return e;
            }
        };
    }

    public void clear() {
        super.clear();
        head = tail = null;
    }

    /** Called after each insertion with the oldest entry: true removes it (an LRU cache). */
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return false;
    }
}
