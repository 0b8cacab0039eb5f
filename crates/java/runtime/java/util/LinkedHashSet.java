package java.util;

/** A HashSet in insertion order. */
public class LinkedHashSet<E> extends HashSet<E> implements Set<E> {
    public LinkedHashSet() {
        super(16, true);
    }

    public LinkedHashSet(int capacity) {
        super(capacity, true);
    }

    public LinkedHashSet(Collection<? extends E> c) {
        super(Math.max(2 * c.size(), 11), true);
        addAll(c);
    }
}
