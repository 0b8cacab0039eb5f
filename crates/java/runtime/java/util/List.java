package java.util;

public interface List<E> extends Collection<E> {
    E get(int index);

    E set(int index, E e);

    void add(int index, E e);

    E remove(int index);

    default int indexOf(Object o) {
        for (int i = 0; i < size(); i++) {
            if (Objects.equals(o, get(i))) return i;
        }
        return -1;
    }

    default int lastIndexOf(Object o) {
        for (int i = size() - 1; i >= 0; i--) {
            if (Objects.equals(o, get(i))) return i;
        }
        return -1;
    }

    default boolean contains(Object o) {
        return indexOf(o) >= 0;
    }
}
