package java.util;

/** A list over get/set/add/remove by index; its iterators see changes made elsewhere as errors. */
public abstract class AbstractList<E> extends AbstractCollection<E> implements List<E> {
    /** Bumped by every change of size, so iterators notice changes they did not make. */
    protected transient int modCount;

    protected AbstractList() {}

    public boolean add(E e) {
        add(size(), e);
        return true;
    }

    public E set(int index, E e) {
        throw new UnsupportedOperationException();
    }

    public void add(int index, E e) {
        throw new UnsupportedOperationException();
    }

    public E remove(int index) {
        throw new UnsupportedOperationException();
    }

    public Iterator<E> iterator() {
        return listIterator(0);
    }

    public ListIterator<E> listIterator() {
        return listIterator(0);
    }

    public ListIterator<E> listIterator(int index) {
        if (index < 0 || index > size()) {
            throw new IndexOutOfBoundsException("Index: " + index);
        }
        return new Cursor(index);
    }

    /** A position between elements, and the element last returned (-1 when none). */
    private final class Cursor implements ListIterator<E> {
        int next;
        int last = -1;
        int expected = modCount;

        Cursor(int next) {
            this.next = next;
        }

        private void check() {
            if (modCount != expected) throw new ConcurrentModificationException();
        }

        public boolean hasNext() {
            return next < size();
        }

        public E next() {
            check();
            if (next >= size()) throw new NoSuchElementException();
            last = next;
            return get(next++);
        }

        public boolean hasPrevious() {
            return next > 0;
        }

        public E previous() {
            check();
            if (next <= 0) throw new NoSuchElementException();
            last = --next;
            return get(next);
        }

        public int nextIndex() {
            return next;
        }

        public int previousIndex() {
            return next - 1;
        }

        public void remove() {
            if (last < 0) throw new IllegalStateException();
            check();
            AbstractList.this.remove(last);
            if (last < next) next--;
            last = -1;
            expected = modCount;
        }

        public void set(E e) {
            if (last < 0) throw new IllegalStateException();
            check();
            AbstractList.this.set(last, e);
        }

        public void add(E e) {
            check();
            AbstractList.this.add(next++, e);
            last = -1;
            expected = modCount;
        }
    }

    public int indexOf(Object o) {
        for (int i = 0, n = size(); i < n; i++) {
            if (Objects.equals(o, get(i))) return i;
        }
        return -1;
    }

    public int lastIndexOf(Object o) {
        for (int i = size() - 1; i >= 0; i--) {
            if (Objects.equals(o, get(i))) return i;
        }
        return -1;
    }

    public void clear() {
        for (int i = size() - 1; i >= 0; i--) remove(i);
    }

    public boolean addAll(int index, Collection<? extends E> c) {
        for (E e : c) add(index++, e);
        return !c.isEmpty();
    }

    /** Removes the elements from `from` up to `to` (subList(from, to).clear() calls this). */
    protected void removeRange(int from, int to) {
        for (int i = to - 1; i >= from; i--) remove(i);
    }

    /** A view of the range: reads and writes go to this list. */
    public List<E> subList(int from, int to) {
        if (from < 0) throw new IndexOutOfBoundsException("fromIndex = " + from);
        if (to > size()) throw new IndexOutOfBoundsException("toIndex = " + to);
        if (from > to) throw new IllegalArgumentException("fromIndex(" + from + ") > toIndex(" + to + ")");
        return new SubList<E>(this, from, to);
    }

    /**
     * subList's view. A change of the list's size not made through the view makes the view
     * unusable (ConcurrentModificationException), as in the JDK.
     */
    private static final class SubList<E> extends AbstractList<E> implements RandomAccess {
        private final AbstractList<E> parent;
        private final int offset;
        private int size;
        private int expected;

        SubList(AbstractList<E> parent, int from, int to) {
            this.parent = parent;
            this.offset = from;
            this.size = to - from;
            this.expected = parent.modCount;
        }

        private void live() {
            if (parent.modCount != expected) throw new ConcurrentModificationException();
        }

        private void index(int i, int limit) {
            if (i < 0 || i >= limit) throw new IndexOutOfBoundsException("Index " + i + " out of bounds for length " + size);
        }

        private void changed(int delta) {
            expected = parent.modCount;
            size += delta;
            modCount++;
        }

        public int size() {
            live();
            return size;
        }

        public E get(int i) {
            live();
            index(i, size);
            return parent.get(offset + i);
        }

        public E set(int i, E e) {
            live();
            index(i, size);
            return parent.set(offset + i, e);
        }

        public void add(int i, E e) {
            live();
            index(i, size + 1);
            parent.add(offset + i, e);
            changed(1);
        }

        public E remove(int i) {
            live();
            index(i, size);
            E old = parent.remove(offset + i);
            changed(-1);
            return old;
        }

        protected void removeRange(int from, int to) {
            live();
            parent.removeRange(offset + from, offset + to);
            changed(from - to);
        }

        public void clear() {
            removeRange(0, size());
        }
    }

    public boolean equals(Object o) {
        if (o == this) return true;
        if (!(o instanceof List)) return false;
        Iterator<?> a = iterator(), b = ((List<?>) o).iterator();
        while (a.hasNext() && b.hasNext()) {
            if (!Objects.equals(a.next(), b.next())) return false;
        }
        return !a.hasNext() && !b.hasNext();
    }

    public int hashCode() {
        int h = 1;
        for (E e : this) h = 31 * h + Objects.hashCode(e);
        return h;
    }
}
