package java.util;

public class ArrayList<E> extends AbstractCollection<E> implements List<E> {
    private Object[] items;
    private int size;

    public ArrayList() {
        items = new Object[10];
    }

    public ArrayList(int capacity) {
        if (capacity < 0) throw new IllegalArgumentException("Illegal Capacity: " + capacity);
        items = new Object[capacity < 4 ? 4 : capacity];
    }

    public ArrayList(Collection<? extends E> c) {
        this(c.size());
        for (E e : c) add(e);
    }

    public int size() {
        return size;
    }

    private void check(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("Index " + index + " out of bounds for length " + size);
        }
    }

    @SuppressWarnings("unchecked")
    public E get(int index) {
        check(index);
        return (E) items[index];
    }

    public E set(int index, E e) {
        E old = get(index);
        items[index] = e;
        return old;
    }

    private void grow() {
        Object[] bigger = new Object[items.length + (items.length >> 1) + 1];
        System.arraycopy(items, 0, bigger, 0, size);
        items = bigger;
    }

    public boolean add(E e) {
        if (size == items.length) grow();
        items[size++] = e;
        return true;
    }

    public void add(int index, E e) {
        if (index < 0 || index > size) {
            throw new IndexOutOfBoundsException("Index: " + index + ", Size: " + size);
        }
        if (size == items.length) grow();
        System.arraycopy(items, index, items, index + 1, size - index);
        items[index] = e;
        size++;
    }

    public E remove(int index) {
        E old = get(index);
        System.arraycopy(items, index + 1, items, index, size - index - 1);
        items[--size] = null;
        return old;
    }

    public boolean remove(Object o) {
        int i = indexOf(o);
        if (i < 0) return false;
        remove(i);
        return true;
    }

    public int indexOf(Object o) {
        for (int i = 0; i < size; i++) {
            if (Objects.equals(o, items[i])) return i;
        }
        return -1;
    }

    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }

    public void clear() {
        for (int i = 0; i < size; i++) items[i] = null;
        size = 0;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public Iterator<E> iterator() {
        return new Iterator<E>() {
            int next;
            int last = -1;

            public boolean hasNext() {
                return next < size;
            }

            @SuppressWarnings("unchecked")
            public E next() {
                if (next >= size) throw new NoSuchElementException();
                last = next;
                return (E) items[next++];
            }

            public void remove() {
                if (last < 0) throw new IllegalStateException();
                ArrayList.this.remove(last);
                next = last;
                last = -1;
            }
        };
    }

    public boolean equals(Object o) {
        if (!(o instanceof List)) return false;
        List<?> other = (List<?>) o;
        if (other.size() != size) return false;
        for (int i = 0; i < size; i++) {
            if (!Objects.equals(items[i], other.get(i))) return false;
        }
        return true;
    }

    public int hashCode() {
        int h = 1;
        for (int i = 0; i < size; i++) h = 31 * h + Objects.hashCode(items[i]);
        return h;
    }
}
