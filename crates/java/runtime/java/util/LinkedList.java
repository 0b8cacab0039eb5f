package java.util;

/** A doubly linked list: a List and a Deque. */
public class LinkedList<E> extends AbstractList<E> implements List<E>, Deque<E>, Cloneable, java.io.Serializable {
    private static final class Link<E> {
        E item;
        Link<E> prev, next;

        Link(E item) {
            this.item = item;
        }
    }

    private Link<E> first, last;
    private int size;

    public LinkedList() {}

    public LinkedList(Collection<? extends E> c) {
        addAll(c);
    }

    public int size() {
        return size;
    }

    private Link<E> link(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("Index: " + index + ", Size: " + size);
        }
        Link<E> l;
        if (index < size / 2) {
            l = first;
            for (int i = 0; i < index; i++) l = l.next;
        } else {
            l = last;
            for (int i = size - 1; i > index; i--) l = l.prev;
        }
        return l;
    }

    /** Puts `e` before `at` (at the end when `at` is null). */
    private void insertBefore(Link<E> at, E e) {
        Link<E> n = new Link<E>(e);
        Link<E> before = at == null ? last : at.prev;
        n.prev = before;
        n.next = at;
        if (before == null) first = n; else before.next = n;
        if (at == null) last = n; else at.prev = n;
        size++;
        modCount++;
    }

    private E unlink(Link<E> l) {
        if (l.prev == null) first = l.next; else l.prev.next = l.next;
        if (l.next == null) last = l.prev; else l.next.prev = l.prev;
        size--;
        modCount++;
        return l.item;
    }

    public E get(int index) { return link(index).item; }

    public E set(int index, E e) {
        Link<E> l = link(index);
        E old = l.item;
        l.item = e;
        return old;
    }

    public void add(int index, E e) {
        if (index < 0 || index > size) throw new IndexOutOfBoundsException("Index: " + index + ", Size: " + size);
        insertBefore(index == size ? null : link(index), e);
    }

    public boolean add(E e) {
        insertBefore(null, e);
        return true;
    }

    public E remove(int index) { return unlink(link(index)); }

    public boolean remove(Object o) { return removeFirstOccurrence(o); }

    public int indexOf(Object o) {
        int i = 0;
        for (Link<E> l = first; l != null; l = l.next, i++) {
            if (Objects.equals(o, l.item)) return i;
        }
        return -1;
    }

    public void clear() {
        first = last = null;
        size = 0;
        modCount++;
    }

    public void addFirst(E e) { insertBefore(first, e); }
    public void addLast(E e) { insertBefore(null, e); }
    public boolean offerFirst(E e) { addFirst(e); return true; }
    public boolean offerLast(E e) { addLast(e); return true; }
    public boolean offer(E e) { addLast(e); return true; }
    public void push(E e) { addFirst(e); }
    public E pollFirst() { return first == null ? null : unlink(first); }
    public E pollLast() { return last == null ? null : unlink(last); }
    public E poll() { return pollFirst(); }
    public E peekFirst() { return first == null ? null : first.item; }
    public E peekLast() { return last == null ? null : last.item; }
    public E peek() { return peekFirst(); }

    public E removeFirst() {
        if (first == null) throw new NoSuchElementException();
        return unlink(first);
    }

    public E removeLast() {
        if (last == null) throw new NoSuchElementException();
        return unlink(last);
    }

    public E getFirst() {
        if (first == null) throw new NoSuchElementException();
        return first.item;
    }

    public E getLast() {
        if (last == null) throw new NoSuchElementException();
        return last.item;
    }

    public E pop() { return removeFirst(); }
    public E remove() { return removeFirst(); }
    public E element() { return getFirst(); }

    public boolean removeFirstOccurrence(Object o) {
        for (Link<E> l = first; l != null; l = l.next) {
            if (Objects.equals(o, l.item)) {
                unlink(l);
                return true;
            }
        }
        return false;
    }

    public boolean removeLastOccurrence(Object o) {
        for (Link<E> l = last; l != null; l = l.prev) {
            if (Objects.equals(o, l.item)) {
                unlink(l);
                return true;
            }
        }
        return false;
    }

    /** Walks the links (not by index), in either direction. */
    private final class Walk implements Iterator<E> {
        private final boolean descending;
        private Link<E> next;
        private Link<E> lastReturned;
        private int expected = modCount;

        Walk(boolean descending) {
            this.descending = descending;
            next = descending ? last : first;
        }

        public boolean hasNext() {
            return next != null;
        }

        public E next() {
            if (modCount != expected) throw new ConcurrentModificationException();
            if (next == null) throw new NoSuchElementException();
            lastReturned = next;
            next = descending ? next.prev : next.next;
            return lastReturned.item;
        }

        public void remove() {
            if (lastReturned == null) throw new IllegalStateException();
            unlink(lastReturned);
            lastReturned = null;
            expected = modCount;
        }
    }

    public Iterator<E> iterator() { return new Walk(false); }
    public Iterator<E> descendingIterator() { return new Walk(true); }

    public Object clone() {
        return new LinkedList<E>(this);
    }
}
