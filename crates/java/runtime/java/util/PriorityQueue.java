package java.util;

/**
 * A binary heap in an array: the least element at 0, each element no greater than its
 * children at 2i+1 and 2i+2. Additions sift up, removals move the last element into the hole
 * and sift it down; the array's order is what iteration and toString show, as in the JDK.
 */
public class PriorityQueue<E> extends AbstractCollection<E> implements Queue<E>, java.io.Serializable {
    private Object[] heap;
    private int size;
    private final Comparator<? super E> comparator;
    private int modCount;

    public PriorityQueue() {
        this(11, null);
    }

    public PriorityQueue(int capacity) {
        this(capacity, null);
    }

    public PriorityQueue(Comparator<? super E> comparator) {
        this(11, comparator);
    }

    public PriorityQueue(int capacity, Comparator<? super E> comparator) {
        if (capacity < 1) throw new IllegalArgumentException();
        heap = new Object[capacity];
        this.comparator = comparator;
    }

    @SuppressWarnings("unchecked")
    public PriorityQueue(Collection<? extends E> c) {
        this(Math.max(c.size(), 1), c instanceof PriorityQueue ? ((PriorityQueue<E>) c).comparator
                : c instanceof SortedSet ? (Comparator<? super E>) ((SortedSet<E>) c).comparator() : null);
        for (E e : c) {
            if (e == null) throw new NullPointerException();
            heap[size++] = e;
        }
        // Heapify: every parent, the last first.
        for (int i = (size >>> 1) - 1; i >= 0; i--) down(i, heap[i]);
    }

    @SuppressWarnings("unchecked")
    private int compare(Object a, Object b) {
        return comparator != null ? comparator.compare((E) a, (E) b) : ((Comparable<Object>) a).compareTo(b);
    }

    private void up(int i, Object e) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (compare(e, heap[parent]) >= 0) break;
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = e;
    }

    private void down(int i, Object e) {
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && compare(heap[child], heap[right]) > 0) child = right;
            if (compare(e, heap[child]) <= 0) break;
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = e;
    }

    public boolean offer(E e) {
        if (e == null) throw new NullPointerException();
        modCount++;
        if (size == heap.length) heap = Arrays.copyOf(heap, size < 64 ? size * 2 + 2 : size + (size >> 1));
        if (size == 0) compare(e, e);
        up(size++, e);
        return true;
    }

    public boolean add(E e) {
        return offer(e);
    }

    @SuppressWarnings("unchecked")
    public E peek() {
        return size == 0 ? null : (E) heap[0];
    }

    public E element() {
        E e = peek();
        if (e == null) throw new NoSuchElementException();
        return e;
    }

    @SuppressWarnings("unchecked")
    private E removeAt(int i) {
        modCount++;
        E removed = (E) heap[i];
        Object moved = heap[--size];
        heap[size] = null;
        if (i != size) {
            down(i, moved);
            if (heap[i] == moved) up(i, moved);
        }
        return removed;
    }

    public E poll() {
        return size == 0 ? null : removeAt(0);
    }

    public E remove() {
        E e = poll();
        if (e == null) throw new NoSuchElementException();
        return e;
    }

    public boolean remove(Object o) {
        for (int i = 0; i < size; i++) {
            if (o != null && o.equals(heap[i])) {
                removeAt(i);
                return true;
            }
        }
        return false;
    }

    public boolean contains(Object o) {
        for (int i = 0; i < size; i++) {
            if (o != null && o.equals(heap[i])) return true;
        }
        return false;
    }

    public int size() {
        return size;
    }

    public void clear() {
        modCount++;
        for (int i = 0; i < size; i++) heap[i] = null;
        size = 0;
    }

    public Comparator<? super E> comparator() {
        return comparator;
    }

    public Object[] toArray() {
        return Arrays.copyOf(heap, size);
    }

    /** In the array's order; remove() here is by element. */
    public Iterator<E> iterator() {
        return new Iterator<E>() {
            int next;
            Object last;
            int expected = modCount;

            public boolean hasNext() {
                return next < size;
            }

            @SuppressWarnings("unchecked")
            public E next() {
                if (modCount != expected) throw new ConcurrentModificationException();
                if (next >= size) throw new NoSuchElementException();
                last = heap[next++];
                return (E) last;
            }

            public void remove() {
                if (last == null) throw new IllegalStateException();
                PriorityQueue.this.remove(last);
                next--;
                last = null;
                expected = modCount;
            }
        };
    }
}
