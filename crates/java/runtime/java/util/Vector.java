package java.util;

/** A list in one array whose methods hold the vector's monitor; with the old element methods. */
public class Vector<E> extends AbstractList<E> implements RandomAccess, Cloneable, java.io.Serializable {
    protected Object[] elementData;
    protected int elementCount;
    protected int capacityIncrement;

    public Vector() {
        this(10);
    }

    public Vector(int capacity) {
        this(capacity, 0);
    }

    public Vector(int capacity, int increment) {
        if (capacity < 0) throw new IllegalArgumentException("Illegal Capacity: " + capacity);
        elementData = new Object[capacity];
        capacityIncrement = increment;
    }

    public Vector(Collection<? extends E> c) {
        this(Math.max(c.size(), 1));
        for (E e : c) elementData[elementCount++] = e;
    }

    /** Doubles, or grows by capacityIncrement when that is set. */
    private void room(int needed) {
        if (needed > elementData.length) {
            int grown = elementData.length + (capacityIncrement > 0 ? capacityIncrement : elementData.length);
            elementData = Arrays.copyOf(elementData, Math.max(needed, grown));
        }
    }

    public synchronized int size() { return elementCount; }
    public synchronized boolean isEmpty() { return elementCount == 0; }
    public synchronized int capacity() { return elementData.length; }

    public synchronized void ensureCapacity(int n) {
        room(n);
    }

    public synchronized void trimToSize() {
        if (elementCount < elementData.length) elementData = Arrays.copyOf(elementData, elementCount);
    }

    public synchronized void setSize(int n) {
        modCount++;
        room(n);
        for (int i = n; i < elementCount; i++) elementData[i] = null;
        elementCount = n;
    }

    @SuppressWarnings("unchecked")
    public synchronized E get(int index) {
        if (index >= elementCount) throw new ArrayIndexOutOfBoundsException(index);
        return (E) elementData[index];
    }

    public synchronized E elementAt(int index) {
        if (index >= elementCount) throw new ArrayIndexOutOfBoundsException(index + " >= " + elementCount);
        return get(index);
    }

    public synchronized E firstElement() {
        if (elementCount == 0) throw new NoSuchElementException();
        return get(0);
    }

    public synchronized E lastElement() {
        if (elementCount == 0) throw new NoSuchElementException();
        return get(elementCount - 1);
    }

    public synchronized E set(int index, E e) {
        E old = get(index);
        elementData[index] = e;
        return old;
    }

    public synchronized void setElementAt(E e, int index) {
        if (index >= elementCount) throw new ArrayIndexOutOfBoundsException(index + " >= " + elementCount);
        elementData[index] = e;
    }

    public synchronized boolean add(E e) {
        modCount++;
        room(elementCount + 1);
        elementData[elementCount++] = e;
        return true;
    }

    public synchronized void addElement(E e) {
        add(e);
    }

    public synchronized void add(int index, E e) {
        if (index > elementCount) throw new ArrayIndexOutOfBoundsException(index + " > " + elementCount);
        modCount++;
        room(elementCount + 1);
        System.arraycopy(elementData, index, elementData, index + 1, elementCount - index);
        elementData[index] = e;
        elementCount++;
    }

    public synchronized void insertElementAt(E e, int index) {
        add(index, e);
    }

    public synchronized E remove(int index) {
        E old = get(index);
        modCount++;
        System.arraycopy(elementData, index + 1, elementData, index, elementCount - index - 1);
        elementData[--elementCount] = null;
        return old;
    }

    public synchronized void removeElementAt(int index) {
        if (index >= elementCount) throw new ArrayIndexOutOfBoundsException(index + " >= " + elementCount);
        remove(index);
    }

    public synchronized boolean remove(Object o) {
        int i = indexOf(o);
        if (i < 0) return false;
        remove(i);
        return true;
    }

    public synchronized boolean removeElement(Object o) {
        return remove(o);
    }

    public synchronized void removeAllElements() {
        clear();
    }

    public synchronized void clear() {
        modCount++;
        for (int i = 0; i < elementCount; i++) elementData[i] = null;
        elementCount = 0;
    }

    protected synchronized void removeRange(int from, int to) {
        modCount++;
        System.arraycopy(elementData, to, elementData, from, elementCount - to);
        for (int i = elementCount - (to - from); i < elementCount; i++) elementData[i] = null;
        elementCount -= to - from;
    }

    public synchronized int indexOf(Object o) {
        return indexOf(o, 0);
    }

    public synchronized int indexOf(Object o, int from) {
        for (int i = from; i < elementCount; i++) {
            if (Objects.equals(o, elementData[i])) return i;
        }
        return -1;
    }

    public synchronized int lastIndexOf(Object o) {
        return lastIndexOf(o, elementCount - 1);
    }

    public synchronized int lastIndexOf(Object o, int from) {
        if (from >= elementCount) throw new IndexOutOfBoundsException(from + " >= " + elementCount);
        for (int i = from; i >= 0; i--) {
            if (Objects.equals(o, elementData[i])) return i;
        }
        return -1;
    }

    public synchronized boolean contains(Object o) {
        return indexOf(o, 0) >= 0;
    }

    public synchronized void copyInto(Object[] out) {
        System.arraycopy(elementData, 0, out, 0, elementCount);
    }

    public synchronized Object[] toArray() {
        return Arrays.copyOf(elementData, elementCount);
    }

    public Enumeration<E> elements() {
        return new Enumeration<E>() {
            int next;

            public boolean hasMoreElements() {
                return next < elementCount;
            }

            public E nextElement() {
                synchronized (Vector.this) {
                    if (next >= elementCount) throw new NoSuchElementException("Vector Enumeration");
                    return get(next++);
                }
            }
        };
    }

    public synchronized Object clone() {
        Vector<E> v = new Vector<E>(Math.max(elementCount, 1), capacityIncrement);
        System.arraycopy(elementData, 0, v.elementData, 0, elementCount);
        v.elementCount = elementCount;
        return v;
    }

    public synchronized String toString() {
        return super.toString();
    }

    public synchronized boolean equals(Object o) {
        return super.equals(o);
    }

    public synchronized int hashCode() {
        return super.hashCode();
    }
}
