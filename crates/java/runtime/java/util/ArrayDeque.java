package java.util;

/** A deque in a circular array that doubles when full; null elements are refused. */
public class ArrayDeque<E> extends AbstractCollection<E> implements Deque<E>, Cloneable, java.io.Serializable {
    private Object[] items;
    private int head;
    private int size;
    private int modCount;

    public ArrayDeque() {
        items = new Object[16];
    }

    public ArrayDeque(int capacity) {
        items = new Object[Math.max(capacity, 1)];
    }

    public ArrayDeque(Collection<? extends E> c) {
        this(c.size() + 1);
        addAll(c);
    }

    private int at(int i) {
        int k = head + i;
        return k >= items.length ? k - items.length : k;
    }

    private void room() {
        if (size == items.length) {
            Object[] bigger = new Object[items.length * 2];
            for (int i = 0; i < size; i++) bigger[i] = items[at(i)];
            items = bigger;
            head = 0;
        }
    }

    private static void refuseNull(Object e) {
        if (e == null) throw new NullPointerException();
    }

    public void addFirst(E e) {
        refuseNull(e);
        room();
        head = head == 0 ? items.length - 1 : head - 1;
        items[head] = e;
        size++;
        modCount++;
    }

    public void addLast(E e) {
        refuseNull(e);
        room();
        items[at(size++)] = e;
        modCount++;
    }

    public boolean offerFirst(E e) { addFirst(e); return true; }
    public boolean offerLast(E e) { addLast(e); return true; }
    public boolean add(E e) { addLast(e); return true; }
    public boolean offer(E e) { addLast(e); return true; }
    public void push(E e) { addFirst(e); }

    @SuppressWarnings("unchecked")
    public E pollFirst() {
        if (size == 0) return null;
        E e = (E) items[head];
        items[head] = null;
        head = at(1);
        size--;
        modCount++;
        return e;
    }

    @SuppressWarnings("unchecked")
    public E pollLast() {
        if (size == 0) return null;
        int k = at(size - 1);
        E e = (E) items[k];
        items[k] = null;
        size--;
        modCount++;
        return e;
    }

    private static <E> E present(E e) {
        if (e == null) throw new NoSuchElementException();
        return e;
    }

    public E removeFirst() { return present(pollFirst()); }
    public E removeLast() { return present(pollLast()); }
    public E poll() { return pollFirst(); }
    public E pop() { return removeFirst(); }
    public E remove() { return removeFirst(); }

    @SuppressWarnings("unchecked")
    public E peekFirst() {
        return size == 0 ? null : (E) items[head];
    }

    @SuppressWarnings("unchecked")
    public E peekLast() {
        return size == 0 ? null : (E) items[at(size - 1)];
    }

    public E peek() { return peekFirst(); }
    public E getFirst() { return present(peekFirst()); }
    public E getLast() { return present(peekLast()); }
    public E element() { return getFirst(); }
    public int size() { return size; }
    public boolean isEmpty() { return size == 0; }

    /** Removes the element at position i (from the head), closing the gap. */
    private void removeAt(int i) {
        for (int k = i; k < size - 1; k++) items[at(k)] = items[at(k + 1)];
        items[at(size - 1)] = null;
        size--;
        modCount++;
    }

    public boolean removeFirstOccurrence(Object o) {
        for (int i = 0; i < size; i++) {
            if (o != null && o.equals(items[at(i)])) {
                removeAt(i);
                return true;
            }
        }
        return false;
    }

    public boolean removeLastOccurrence(Object o) {
        for (int i = size - 1; i >= 0; i--) {
            if (o != null && o.equals(items[at(i)])) {
                removeAt(i);
                return true;
            }
        }
        return false;
    }

    public boolean remove(Object o) {
        return removeFirstOccurrence(o);
    }

    public boolean contains(Object o) {
        for (int i = 0; i < size; i++) {
            if (o != null && o.equals(items[at(i)])) return true;
        }
        return false;
    }

    public void clear() {
        while (size > 0) pollFirst();
    }

    private final class Walk implements Iterator<E> {
        private final boolean descending;
        private int next;
        private int last = -1;
        private int expected = modCount;

        Walk(boolean descending) {
            this.descending = descending;
        }

        public boolean hasNext() {
            return next < size;
        }

        @SuppressWarnings("unchecked")
        public E next() {
            if (modCount != expected) throw new ConcurrentModificationException();
            if (next >= size) throw new NoSuchElementException();
            last = descending ? size - 1 - next : next;
            next++;
            return (E) items[at(last)];
        }

        public void remove() {
            if (last < 0) throw new IllegalStateException();
            removeAt(last);
            next--;
            last = -1;
            expected = modCount;
        }
    }

    public Iterator<E> iterator() { return new Walk(false); }
    public Iterator<E> descendingIterator() { return new Walk(true); }

    public ArrayDeque<E> clone() {
        return new ArrayDeque<E>(this);
    }
}
