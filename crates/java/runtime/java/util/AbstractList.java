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

    /** A copy of the range (not a view: writes to it do not reach this list). */
    public List<E> subList(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IndexOutOfBoundsException("fromIndex: " + from + ", toIndex: " + to + ", size: " + size());
        }
        ArrayList<E> out = new ArrayList<E>(to - from);
        for (int i = from; i < to; i++) out.add(get(i));
        return out;
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
