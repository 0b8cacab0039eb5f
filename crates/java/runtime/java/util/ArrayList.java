package java.util;

/** A list in one array, grown by half again when full. */
public class ArrayList<E> extends AbstractList<E> implements RandomAccess, java.io.Serializable {
    private Object[] items;
    private int size;

    public ArrayList() {
        items = new Object[10];
    }

    public ArrayList(int capacity) {
        if (capacity < 0) throw new IllegalArgumentException("Illegal Capacity: " + capacity);
        items = new Object[capacity];
    }

    public ArrayList(Collection<? extends E> c) {
        items = new Object[Math.max(c.size(), 4)];
        for (E e : c) items[size++] = e;
    }

    public int size() {
        return size;
    }

    private void check(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("Index " + index + " out of bounds for length " + size);
        }
    }

    private void room(int needed) {
        if (needed > items.length) {
            Object[] bigger = new Object[Math.max(needed, items.length + (items.length >> 1) + 1)];
            System.arraycopy(items, 0, bigger, 0, size);
            items = bigger;
        }
    }

    public void ensureCapacity(int capacity) {
        room(capacity);
    }

    public void trimToSize() {
        if (size < items.length) items = Arrays.copyOf(items, size);
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

    public boolean add(E e) {
        modCount++;
        room(size + 1);
        items[size++] = e;
        return true;
    }

    public void add(int index, E e) {
        if (index < 0 || index > size) {
            throw new IndexOutOfBoundsException("Index: " + index + ", Size: " + size);
        }
        modCount++;
        room(size + 1);
        System.arraycopy(items, index, items, index + 1, size - index);
        items[index] = e;
        size++;
    }

    public boolean addAll(Collection<? extends E> c) {
        room(size + c.size());
        for (E e : c) add(e);
        return !c.isEmpty();
    }

    public E remove(int index) {
        E old = get(index);
        modCount++;
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

    public boolean isEmpty() {
        return size == 0;
    }

    public void clear() {
        modCount++;
        for (int i = 0; i < size; i++) items[i] = null;
        size = 0;
    }

    protected void removeRange(int from, int to) {
        if (from > to || from < 0 || to > size) {
            throw new IndexOutOfBoundsException("From Index: " + from + " To Index: " + to);
        }
        modCount++;
        System.arraycopy(items, to, items, from, size - to);
        for (int i = size - (to - from); i < size; i++) items[i] = null;
        size -= to - from;
    }

    public boolean addAll(int index, Collection<? extends E> c) {
        if (index < 0 || index > size) {
            throw new IndexOutOfBoundsException("Index: " + index + ", Size: " + size);
        }
        Object[] more = c.toArray();
        modCount++;
        room(size + more.length);
        System.arraycopy(items, index, items, index + more.length, size - index);
        System.arraycopy(more, 0, items, index, more.length);
        size += more.length;
        return more.length != 0;
    }

    public boolean removeIf(java.util.function.Predicate<? super E> filter) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            @SuppressWarnings("unchecked")
            E e = (E) items[i];
            if (!filter.test(e)) items[kept++] = e;
        }
        boolean removed = kept != size;
        for (int i = kept; i < size; i++) items[i] = null;
        if (removed) modCount++;
        size = kept;
        return removed;
    }

    public Object[] toArray() {
        return Arrays.copyOf(items, size);
    }

    @SuppressWarnings("unchecked")
    public <T> T[] toArray(T[] a) {
        Object[] r = a.length >= size ? a : (Object[]) phantom.runtime.Rt.n().newArrayLike(a, size);
        System.arraycopy(items, 0, r, 0, size);
        if (r == a && a.length > size) a[size] = null;
        return (T[]) r;
    }

    @SuppressWarnings("unchecked")
    public void sort(Comparator<? super E> c) {
        int expected = modCount;
        Arrays.sort((E[]) items, 0, size, c);
        if (modCount != expected) throw new ConcurrentModificationException();
        modCount++;
    }

    public void forEach(java.util.function.Consumer<? super E> action) {
        int expected = modCount;
        for (int i = 0; i < size && modCount == expected; i++) action.accept(get(i));
        if (modCount != expected) throw new ConcurrentModificationException();
    }
}
