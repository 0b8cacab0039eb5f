package java.util;

/** A set of the constants of one enum, as bits by ordinal: iteration is in ordinal order. */
public class EnumSet<E extends Enum<E>> extends AbstractSet<E> implements Cloneable, java.io.Serializable {
    private final Class<E> type;
    private final Object[] universe;
    private final long[] bits;

    EnumSet(Class<E> type, Object[] universe) {
        this.type = type;
        this.universe = universe;
        this.bits = new long[(universe.length + 63) >>> 6];
    }

    public static <E extends Enum<E>> EnumSet<E> noneOf(Class<E> type) {
        return new EnumSet<E>(type, phantom.runtime.Rt.enumValues(type));
    }

    public static <E extends Enum<E>> EnumSet<E> allOf(Class<E> type) {
        EnumSet<E> s = noneOf(type);
        for (int i = 0; i < s.universe.length; i++) s.bits[i >>> 6] |= 1L << i;
        return s;
    }

    public static <E extends Enum<E>> EnumSet<E> of(E e) {
        EnumSet<E> s = noneOf(e.getDeclaringClass());
        s.add(e);
        return s;
    }

    public static <E extends Enum<E>> EnumSet<E> of(E e1, E e2) {
        EnumSet<E> s = of(e1);
        s.add(e2);
        return s;
    }

    public static <E extends Enum<E>> EnumSet<E> of(E e1, E e2, E e3) {
        EnumSet<E> s = of(e1, e2);
        s.add(e3);
        return s;
    }

    public static <E extends Enum<E>> EnumSet<E> of(E e1, E e2, E e3, E e4) {
        EnumSet<E> s = of(e1, e2, e3);
        s.add(e4);
        return s;
    }

    public static <E extends Enum<E>> EnumSet<E> of(E e1, E e2, E e3, E e4, E e5) {
        EnumSet<E> s = of(e1, e2, e3, e4);
        s.add(e5);
        return s;
    }

    @SafeVarargs
    public static <E extends Enum<E>> EnumSet<E> of(E first, E... rest) {
        EnumSet<E> s = of(first);
        for (E e : rest) s.add(e);
        return s;
    }

    public static <E extends Enum<E>> EnumSet<E> range(E from, E to) {
        if (from.compareTo(to) > 0) throw new IllegalArgumentException(from + " > " + to);
        EnumSet<E> s = noneOf(from.getDeclaringClass());
        for (int i = from.ordinal(); i <= to.ordinal(); i++) s.bits[i >>> 6] |= 1L << i;
        return s;
    }

    public static <E extends Enum<E>> EnumSet<E> complementOf(EnumSet<E> other) {
        EnumSet<E> s = new EnumSet<E>(other.type, other.universe);
        for (int i = 0; i < s.universe.length; i++) {
            if ((other.bits[i >>> 6] & (1L << i)) == 0) s.bits[i >>> 6] |= 1L << i;
        }
        return s;
    }

    public static <E extends Enum<E>> EnumSet<E> copyOf(EnumSet<E> other) {
        return other.clone();
    }

    public static <E extends Enum<E>> EnumSet<E> copyOf(Collection<E> c) {
        if (c instanceof EnumSet) return ((EnumSet<E>) c).clone();
        if (c.isEmpty()) throw new IllegalArgumentException("Collection is empty");
        Iterator<E> it = c.iterator();
        EnumSet<E> s = of(it.next());
        while (it.hasNext()) s.add(it.next());
        return s;
    }

    /** The ordinal of o if it is one of this set's constants, else -1. */
    private int slot(Object o) {
        if (!(o instanceof Enum)) return -1;
        int i = ((Enum<?>) o).ordinal();
        return i < universe.length && universe[i] == o ? i : -1;
    }

    public int size() {
        int n = 0;
        for (long w : bits) n += Long.bitCount(w);
        return n;
    }

    public boolean isEmpty() {
        for (long w : bits) if (w != 0) return false;
        return true;
    }

    public boolean contains(Object o) {
        int i = slot(o);
        return i >= 0 && (bits[i >>> 6] & (1L << i)) != 0;
    }

    public boolean add(E e) {
        int i = slot(e);
        if (i < 0) {
            if (e == null) throw new NullPointerException();
            throw new ClassCastException(e.getClass() + " != " + type);
        }
        long before = bits[i >>> 6];
        bits[i >>> 6] |= 1L << i;
        return bits[i >>> 6] != before;
    }

    public boolean remove(Object o) {
        int i = slot(o);
        if (i < 0) return false;
        long before = bits[i >>> 6];
        bits[i >>> 6] &= ~(1L << i);
        return bits[i >>> 6] != before;
    }

    public void clear() {
        Arrays.fill(bits, 0L);
    }

    public Iterator<E> iterator() {
        return new Iterator<E>() {
            int next = advance(0);
            int last = -1;

            int advance(int i) {
                while (i < universe.length && (bits[i >>> 6] & (1L << i)) == 0) i++;
                return i;
            }

            public boolean hasNext() {
                return next < universe.length;
            }

            @SuppressWarnings("unchecked")
            public E next() {
                if (next >= universe.length) throw new NoSuchElementException();
                last = next;
                next = advance(next + 1);
                return (E) universe[last];
            }

            public void remove() {
                if (last < 0) throw new IllegalStateException();
                bits[last >>> 6] &= ~(1L << last);
                last = -1;
            }
        };
    }

    public EnumSet<E> clone() {
        EnumSet<E> s = new EnumSet<E>(type, universe);
        System.arraycopy(bits, 0, s.bits, 0, bits.length);
        return s;
    }
}
