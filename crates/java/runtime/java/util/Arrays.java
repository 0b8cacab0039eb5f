package java.util;

public final class Arrays {
    private Arrays() {}

    static final Comparator<Object> NATURAL = new Comparator<Object>() {
        @SuppressWarnings("unchecked")
        public int compare(Object a, Object b) {
            return ((Comparable<Object>) a).compareTo(b);
        }
    };

    private static void range(int length, int from, int to) {
        if (from > to) throw new IllegalArgumentException("fromIndex(" + from + ") > toIndex(" + to + ")");
        if (from < 0) throw new ArrayIndexOutOfBoundsException("Array index out of range: " + from);
        if (to > length) throw new ArrayIndexOutOfBoundsException("Array index out of range: " + to);
    }

    public static void sort(int[] a) { sort(a, 0, a.length); }

    public static void sort(int[] a, int from, int to) {
        range(a.length, from, to);
        for (int i = from + 1; i < to; i++) {
            if (to - from > 32) { quick(a, from, to - 1); return; }
            int v = a[i], j = i - 1;
            while (j >= from && a[j] > v) { a[j + 1] = a[j]; j--; }
            a[j + 1] = v;
        }
    }

    private static void quick(int[] a, int lo, int hi) {
        while (lo < hi) {
            if (hi - lo < 16) {
                for (int i = lo + 1; i <= hi; i++) {
                    int v = a[i], j = i - 1;
                    while (j >= lo && a[j] > v) { a[j + 1] = a[j]; j--; }
                    a[j + 1] = v;
                }
                return;
            }
            int p = a[(lo + hi) >>> 1], i = lo, j = hi;
            while (i <= j) {
                while (a[i] < p) i++;
                while (a[j] > p) j--;
                if (i <= j) { int t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
            }
            if (j - lo < hi - i) { quick(a, lo, j); lo = i; } else { quick(a, i, hi); hi = j; }
        }
    }

    public static void sort(long[] a) {
        for (int i = 1; i < a.length; i++) {
            long v = a[i]; int j = i - 1;
            while (j >= 0 && a[j] > v) { a[j + 1] = a[j]; j--; }
            a[j + 1] = v;
        }
    }

    public static void sort(char[] a) {
        for (int i = 1; i < a.length; i++) {
            char v = a[i]; int j = i - 1;
            while (j >= 0 && a[j] > v) { a[j + 1] = a[j]; j--; }
            a[j + 1] = v;
        }
    }

    public static void sort(double[] a) {
        Double[] boxed = new Double[a.length];
        for (int i = 0; i < a.length; i++) boxed[i] = a[i];
        sort(boxed);
        for (int i = 0; i < a.length; i++) a[i] = boxed[i];
    }

    public static void sort(Object[] a) { sort(a, 0, a.length, null); }

    public static <T> void sort(T[] a, Comparator<? super T> c) { sort(a, 0, a.length, c); }

    @SuppressWarnings("unchecked")
    public static <T> void sort(T[] a, int from, int to, Comparator<? super T> c) {
        range(a.length, from, to);
        Comparator<Object> cmp = c == null ? NATURAL : (Comparator<Object>) c;
        Object[] tmp = new Object[to - from];
        mergeSort(a, tmp, from, to, cmp);
    }

    /** Stable, as Java's sort of objects is. */
    private static void mergeSort(Object[] a, Object[] tmp, int lo, int hi, Comparator<Object> c) {
        if (hi - lo < 8) {
            for (int i = lo + 1; i < hi; i++) {
                Object v = a[i]; int j = i - 1;
                while (j >= lo && c.compare(a[j], v) > 0) { a[j + 1] = a[j]; j--; }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(a, tmp, lo, mid, c);
        mergeSort(a, tmp, mid, hi, c);
        if (c.compare(a[mid - 1], a[mid]) <= 0) return;
        int i = lo, j = mid, k = 0;
        while (i < mid && j < hi) tmp[k++] = c.compare(a[j], a[i]) < 0 ? a[j++] : a[i++];
        while (i < mid) tmp[k++] = a[i++];
        while (j < hi) tmp[k++] = a[j++];
        System.arraycopy(tmp, 0, a, lo, k);
    }

    public static String toString(int[] a) {
        if (a == null) return "null";
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < a.length; i++) { if (i > 0) b.append(", "); b.append(a[i]); }
        return b.append(']').toString();
    }

    public static String toString(long[] a) {
        if (a == null) return "null";
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < a.length; i++) { if (i > 0) b.append(", "); b.append(a[i]); }
        return b.append(']').toString();
    }

    public static String toString(double[] a) {
        if (a == null) return "null";
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < a.length; i++) { if (i > 0) b.append(", "); b.append(a[i]); }
        return b.append(']').toString();
    }

    public static String toString(char[] a) {
        if (a == null) return "null";
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < a.length; i++) { if (i > 0) b.append(", "); b.append(a[i]); }
        return b.append(']').toString();
    }

    public static String toString(boolean[] a) {
        if (a == null) return "null";
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < a.length; i++) { if (i > 0) b.append(", "); b.append(a[i]); }
        return b.append(']').toString();
    }

    public static String toString(Object[] a) {
        if (a == null) return "null";
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < a.length; i++) { if (i > 0) b.append(", "); b.append(String.valueOf(a[i])); }
        return b.append(']').toString();
    }

    public static String deepToString(Object[] a) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < a.length; i++) {
            if (i > 0) b.append(", ");
            Object e = a[i];
            if (e instanceof Object[]) b.append(deepToString((Object[]) e));
            else if (e instanceof int[]) b.append(toString((int[]) e));
            else b.append(String.valueOf(e));
        }
        return b.append(']').toString();
    }

    public static void fill(int[] a, int v) { for (int i = 0; i < a.length; i++) a[i] = v; }
    public static void fill(long[] a, long v) { for (int i = 0; i < a.length; i++) a[i] = v; }
    public static void fill(double[] a, double v) { for (int i = 0; i < a.length; i++) a[i] = v; }
    public static void fill(char[] a, char v) { for (int i = 0; i < a.length; i++) a[i] = v; }
    public static void fill(boolean[] a, boolean v) { for (int i = 0; i < a.length; i++) a[i] = v; }
    public static void fill(Object[] a, Object v) { for (int i = 0; i < a.length; i++) a[i] = v; }

    public static int[] copyOf(int[] a, int n) {
        int[] r = new int[n];
        System.arraycopy(a, 0, r, 0, Math.min(n, a.length));
        return r;
    }

    public static long[] copyOf(long[] a, int n) {
        long[] r = new long[n];
        System.arraycopy(a, 0, r, 0, Math.min(n, a.length));
        return r;
    }

    public static char[] copyOf(char[] a, int n) {
        char[] r = new char[n];
        System.arraycopy(a, 0, r, 0, Math.min(n, a.length));
        return r;
    }

    public static double[] copyOf(double[] a, int n) {
        double[] r = new double[n];
        System.arraycopy(a, 0, r, 0, Math.min(n, a.length));
        return r;
    }

    @SuppressWarnings("unchecked")
    public static <T> T[] copyOf(T[] a, int n) {
        Object[] r = (Object[]) phantom.runtime.Rt.n().newArrayLike(a, n);
        System.arraycopy(a, 0, r, 0, Math.min(n, a.length));
        return (T[]) r;
    }

    public static int[] copyOfRange(int[] a, int from, int to) {
        int[] r = new int[to - from];
        System.arraycopy(a, from, r, 0, Math.min(to, a.length) - from);
        return r;
    }

    public static boolean equals(int[] a, int[] b) {
        if (a == b) return true;
        if (a == null || b == null || a.length != b.length) return false;
        for (int i = 0; i < a.length; i++) if (a[i] != b[i]) return false;
        return true;
    }

    public static boolean equals(Object[] a, Object[] b) {
        if (a == b) return true;
        if (a == null || b == null || a.length != b.length) return false;
        for (int i = 0; i < a.length; i++) if (!Objects.equals(a[i], b[i])) return false;
        return true;
    }

    public static int hashCode(int[] a) {
        int h = 1;
        for (int v : a) h = 31 * h + v;
        return h;
    }

    public static int binarySearch(int[] a, int key) {
        int lo = 0, hi = a.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) lo = mid + 1;
            else if (a[mid] > key) hi = mid - 1;
            else return mid;
        }
        return -(lo + 1);
    }

    @SafeVarargs
    public static <T> List<T> asList(T... items) {
        return new ArrayView<T>(items);
    }

    /** Arrays.asList: a list of fixed size over the array itself (sets write through). */
    private static final class ArrayView<E> extends AbstractList<E> implements RandomAccess, java.io.Serializable {
        private final E[] items;

        ArrayView(E[] items) {
            if (items == null) throw new NullPointerException();
            this.items = items;
        }

        public int size() {
            return items.length;
        }

        public E get(int i) {
            return items[i];
        }

        public E set(int i, E e) {
            E old = items[i];
            items[i] = e;
            return old;
        }

        public void sort(Comparator<? super E> c) {
            Arrays.sort(items, c);
        }
    }

}
