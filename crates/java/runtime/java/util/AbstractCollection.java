package java.util;

public abstract class AbstractCollection<E> implements Collection<E> {
    protected AbstractCollection() {}

    public boolean add(E e) {
        throw new UnsupportedOperationException();
    }

    public String toString() {
        StringBuilder b = new StringBuilder("[");
        boolean first = true;
        for (E e : this) {
            if (!first) b.append(", ");
            first = false;
            b.append(e == this ? "(this Collection)" : String.valueOf(e));
        }
        return b.append(']').toString();
    }
}
