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

    // Sorting. int[] has its own quicksort; long[] too, and the other primitive types are sorted
    // as ints or as longs (float and double through order-keeping keys of their bits, so -0.0
    // sorts before 0.0 and NaN last, as Double.compare orders them).

    public static void sort(int[] a) { sort(a, 0, a.length); }

    public static void sort(int[] a, int from, int to) {
        range(a.length, from, to);
        quick(a, from, to - 1);
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

    public static void sort(long[] a) { sort(a, 0, a.length); }

    public static void sort(long[] a, int from, int to) {
        range(a.length, from, to);
        quick(a, from, to - 1);
    }

    private static void quick(long[] a, int lo, int hi) {
        while (lo < hi) {
            if (hi - lo < 16) {
                for (int i = lo + 1; i <= hi; i++) {
                    long v = a[i]; int j = i - 1;
                    while (j >= lo && a[j] > v) { a[j + 1] = a[j]; j--; }
                    a[j + 1] = v;
                }
                return;
            }
            long p = a[(lo + hi) >>> 1]; int i = lo, j = hi;
            while (i <= j) {
                while (a[i] < p) i++;
                while (a[j] > p) j--;
                if (i <= j) { long t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
            }
            if (j - lo < hi - i) { quick(a, lo, j); lo = i; } else { quick(a, i, hi); hi = j; }
        }
    }

    public static void sort(short[] a) { sort(a, 0, a.length); }

    public static void sort(short[] a, int from, int to) {
        range(a.length, from, to);
        int[] k = new int[to - from];
        for (int i = from; i < to; i++) k[i - from] = a[i];
        quick(k, 0, k.length - 1);
        for (int i = from; i < to; i++) a[i] = (short) k[i - from];
    }

    public static void sort(char[] a) { sort(a, 0, a.length); }

    public static void sort(char[] a, int from, int to) {
        range(a.length, from, to);
        int[] k = new int[to - from];
        for (int i = from; i < to; i++) k[i - from] = a[i];
        quick(k, 0, k.length - 1);
        for (int i = from; i < to; i++) a[i] = (char) k[i - from];
    }

    public static void sort(byte[] a) { sort(a, 0, a.length); }

    public static void sort(byte[] a, int from, int to) {
        range(a.length, from, to);
        int[] k = new int[to - from];
        for (int i = from; i < to; i++) k[i - from] = a[i];
        quick(k, 0, k.length - 1);
        for (int i = from; i < to; i++) a[i] = (byte) k[i - from];
    }

    /** A long ordered as Double.compare orders the doubles (negative values' bits run backwards). */
    private static long key(double d) {
        long b = Double.doubleToLongBits(d);
        return b ^ ((b >> 63) & 0x7fffffffffffffffL);
    }

    private static double unkey(long k) {
        return Double.longBitsToDouble(k ^ ((k >> 63) & 0x7fffffffffffffffL));
    }

    public static void sort(double[] a) { sort(a, 0, a.length); }

    public static void sort(double[] a, int from, int to) {
        range(a.length, from, to);
        long[] k = new long[to - from];
        for (int i = from; i < to; i++) k[i - from] = key(a[i]);
        quick(k, 0, k.length - 1);
        for (int i = from; i < to; i++) a[i] = unkey(k[i - from]);
    }

    public static void sort(float[] a) { sort(a, 0, a.length); }

    public static void sort(float[] a, int from, int to) {
        range(a.length, from, to);
        long[] k = new long[to - from];
        for (int i = from; i < to; i++) k[i - from] = key(a[i]);
        quick(k, 0, k.length - 1);
        for (int i = from; i < to; i++) a[i] = (float) unkey(k[i - from]);
    }

    public static void sort(Object[] a) { sort(a, 0, a.length, null); }

    public static void sort(Object[] a, int from, int to) { sort(a, from, to, null); }

    public static <T> void sort(T[] a, Comparator<? super T> c) { sort(a, 0, a.length, c); }

    @SuppressWarnings("unchecked")
    public static <T> void sort(T[] a, int from, int to, Comparator<? super T> c) {
        range(a.length, from, to);
        Comparator<Object> cmp = c == null ? NATURAL : (Comparator<Object>) c;
        Object[] tmp = new Object[to - from];
        mergeSort(a, tmp, from, to, cmp);
    }

    public static <T> void parallelSort(T[] a, Comparator<? super T> c) { sort(a, 0, a.length, c); }
    public static void parallelSort(int[] a) { sort(a); }

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

    // Binary search: the index of key, else -(insertion point) - 1.

    public static int binarySearch(int[] a, int key) { return binarySearch(a, 0, a.length, key); }

    public static int binarySearch(int[] a, int from, int to, int key) {
        range(a.length, from, to);
        int lo = from, hi = to - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = (a[mid] < key ? -1 : a[mid] > key ? 1 : 0);
            if (c < 0) lo = mid + 1;
            else if (c > 0) hi = mid - 1;
            else return mid;
        }
        return -(lo + 1);
    }

    public static int binarySearch(long[] a, long key) { return binarySearch(a, 0, a.length, key); }

    public static int binarySearch(long[] a, int from, int to, long key) {
        range(a.length, from, to);
        int lo = from, hi = to - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = (a[mid] < key ? -1 : a[mid] > key ? 1 : 0);
            if (c < 0) lo = mid + 1;
            else if (c > 0) hi = mid - 1;
            else return mid;
        }
        return -(lo + 1);
    }

    public static int binarySearch(short[] a, short key) { return binarySearch(a, 0, a.length, key); }

    public static int binarySearch(short[] a, int from, int to, short key) {
        range(a.length, from, to);
        int lo = from, hi = to - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = (a[mid] < key ? -1 : a[mid] > key ? 1 : 0);
            if (c < 0) lo = mid + 1;
            else if (c > 0) hi = mid - 1;
            else return mid;
        }
        return -(lo + 1);
    }

    public static int binarySearch(char[] a, char key) { return binarySearch(a, 0, a.length, key); }

    public static int binarySearch(char[] a, int from, int to, char key) {
        range(a.length, from, to);
        int lo = from, hi = to - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = (a[mid] < key ? -1 : a[mid] > key ? 1 : 0);
            if (c < 0) lo = mid + 1;
            else if (c > 0) hi = mid - 1;
            else return mid;
        }
        return -(lo + 1);
    }

    public static int binarySearch(byte[] a, byte key) { return binarySearch(a, 0, a.length, key); }

    public static int binarySearch(byte[] a, int from, int to, byte key) {
        range(a.length, from, to);
        int lo = from, hi = to - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = (a[mid] < key ? -1 : a[mid] > key ? 1 : 0);
            if (c < 0) lo = mid + 1;
            else if (c > 0) hi = mid - 1;
            else return mid;
        }
        return -(lo + 1);
    }

    public static int binarySearch(float[] a, float key) { return binarySearch(a, 0, a.length, key); }

    public static int binarySearch(float[] a, int from, int to, float key) {
        range(a.length, from, to);
        int lo = from, hi = to - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Double.compare(a[mid], key);
            if (c < 0) lo = mid + 1;
            else if (c > 0) hi = mid - 1;
            else return mid;
        }
        return -(lo + 1);
    }

    public static int binarySearch(double[] a, double key) { return binarySearch(a, 0, a.length, key); }

    public static int binarySearch(double[] a, int from, int to, double key) {
        range(a.length, from, to);
        int lo = from, hi = to - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Double.compare(a[mid], key);
            if (c < 0) lo = mid + 1;
            else if (c > 0) hi = mid - 1;
            else return mid;
        }
        return -(lo + 1);
    }

    public static int binarySearch(Object[] a, Object key) { return binarySearch(a, 0, a.length, key, null); }

    public static int binarySearch(Object[] a, int from, int to, Object key) { return binarySearch(a, from, to, key, null); }

    public static <T> int binarySearch(T[] a, T key, Comparator<? super T> c) { return binarySearch(a, 0, a.length, key, c); }

    @SuppressWarnings("unchecked")
    public static <T> int binarySearch(T[] a, int from, int to, T key, Comparator<? super T> c) {
        range(a.length, from, to);
        Comparator<Object> cmp = c == null ? NATURAL : (Comparator<Object>) c;
        int lo = from, hi = to - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int r = cmp.compare(a[mid], key);
            if (r < 0) lo = mid + 1;
            else if (r > 0) hi = mid - 1;
            else return mid;
        }
        return -(lo + 1);
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

    public static String toString(short[] a) {
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

    public static String toString(byte[] a) {
        if (a == null) return "null";
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < a.length; i++) { if (i > 0) b.append(", "); b.append(a[i]); }
        return b.append(']').toString();
    }

    public static String toString(float[] a) {
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
        if (a == null) return "null";
        StringBuilder b = new StringBuilder();
        deepToString(a, b, new ArrayList<Object>());
        return b.toString();
    }

    /** `open` holds the arrays being printed, so an array inside itself prints as [...]. */
    private static void deepToString(Object[] a, StringBuilder b, ArrayList<Object> open) {
        open.add(a);
        b.append('[');
        for (int i = 0; i < a.length; i++) {
            if (i > 0) b.append(", ");
            Object e = a[i];
            switch (phantom.runtime.Rt.arrayElement(e)) {
                case 0: b.append(String.valueOf(e)); break;
                case 'I': b.append(toString((int[]) e)); break;
                case 'J': b.append(toString((long[]) e)); break;
                case 'F': b.append(toString((float[]) e)); break;
                case 'D': b.append(toString((double[]) e)); break;
                case 'C': b.append(toString((char[]) e)); break;
                case 'Z': b.append(toString((boolean[]) e)); break;
                case 'S': b.append(toString((short[]) e)); break;
                case 'B': b.append(toString((byte[]) e)); break;
                default:
                    boolean inside = false;
                    for (Object o : open) inside |= o == e;
                    if (inside) b.append("[...]");
                    else deepToString((Object[]) e, b, open);
            }
        }
        b.append(']');
        open.remove(open.size() - 1);
    }

    public static void fill(int[] a, int v) { for (int i = 0; i < a.length; i++) a[i] = v; }

    public static void fill(int[] a, int from, int to, int v) {
        range(a.length, from, to);
        for (int i = from; i < to; i++) a[i] = v;
    }

    public static void fill(long[] a, long v) { for (int i = 0; i < a.length; i++) a[i] = v; }

    public static void fill(long[] a, int from, int to, long v) {
        range(a.length, from, to);
        for (int i = from; i < to; i++) a[i] = v;
    }

    public static void fill(short[] a, short v) { for (int i = 0; i < a.length; i++) a[i] = v; }

    public static void fill(short[] a, int from, int to, short v) {
        range(a.length, from, to);
        for (int i = from; i < to; i++) a[i] = v;
    }

    public static void fill(char[] a, char v) { for (int i = 0; i < a.length; i++) a[i] = v; }

    public static void fill(char[] a, int from, int to, char v) {
        range(a.length, from, to);
        for (int i = from; i < to; i++) a[i] = v;
    }

    public static void fill(byte[] a, byte v) { for (int i = 0; i < a.length; i++) a[i] = v; }

    public static void fill(byte[] a, int from, int to, byte v) {
        range(a.length, from, to);
        for (int i = from; i < to; i++) a[i] = v;
    }

    public static void fill(float[] a, float v) { for (int i = 0; i < a.length; i++) a[i] = v; }

    public static void fill(float[] a, int from, int to, float v) {
        range(a.length, from, to);
        for (int i = from; i < to; i++) a[i] = v;
    }

    public static void fill(double[] a, double v) { for (int i = 0; i < a.length; i++) a[i] = v; }

    public static void fill(double[] a, int from, int to, double v) {
        range(a.length, from, to);
        for (int i = from; i < to; i++) a[i] = v;
    }

    public static void fill(boolean[] a, boolean v) { for (int i = 0; i < a.length; i++) a[i] = v; }

    public static void fill(boolean[] a, int from, int to, boolean v) {
        range(a.length, from, to);
        for (int i = from; i < to; i++) a[i] = v;
    }

    public static void fill(Object[] a, Object v) { for (int i = 0; i < a.length; i++) a[i] = v; }

    public static void fill(Object[] a, int from, int to, Object v) {
        range(a.length, from, to);
        for (int i = from; i < to; i++) a[i] = v;
    }

    public static int[] copyOf(int[] a, int n) {
        int[] r = new int[n];
        System.arraycopy(a, 0, r, 0, Math.min(n, a.length));
        return r;
    }

    public static int[] copyOfRange(int[] a, int from, int to) {
        copyRange(a.length, from, to);
        int[] r = new int[to - from];
        System.arraycopy(a, from, r, 0, Math.min(to, a.length) - from);
        return r;
    }

    public static long[] copyOf(long[] a, int n) {
        long[] r = new long[n];
        System.arraycopy(a, 0, r, 0, Math.min(n, a.length));
        return r;
    }

    public static long[] copyOfRange(long[] a, int from, int to) {
        copyRange(a.length, from, to);
        long[] r = new long[to - from];
        System.arraycopy(a, from, r, 0, Math.min(to, a.length) - from);
        return r;
    }

    public static short[] copyOf(short[] a, int n) {
        short[] r = new short[n];
        System.arraycopy(a, 0, r, 0, Math.min(n, a.length));
        return r;
    }

    public static short[] copyOfRange(short[] a, int from, int to) {
        copyRange(a.length, from, to);
        short[] r = new short[to - from];
        System.arraycopy(a, from, r, 0, Math.min(to, a.length) - from);
        return r;
    }

    public static char[] copyOf(char[] a, int n) {
        char[] r = new char[n];
        System.arraycopy(a, 0, r, 0, Math.min(n, a.length));
        return r;
    }

    public static char[] copyOfRange(char[] a, int from, int to) {
        copyRange(a.length, from, to);
        char[] r = new char[to - from];
        System.arraycopy(a, from, r, 0, Math.min(to, a.length) - from);
        return r;
    }

    public static byte[] copyOf(byte[] a, int n) {
        byte[] r = new byte[n];
        System.arraycopy(a, 0, r, 0, Math.min(n, a.length));
        return r;
    }

    public static byte[] copyOfRange(byte[] a, int from, int to) {
        copyRange(a.length, from, to);
        byte[] r = new byte[to - from];
        System.arraycopy(a, from, r, 0, Math.min(to, a.length) - from);
        return r;
    }

    public static float[] copyOf(float[] a, int n) {
        float[] r = new float[n];
        System.arraycopy(a, 0, r, 0, Math.min(n, a.length));
        return r;
    }

    public static float[] copyOfRange(float[] a, int from, int to) {
        copyRange(a.length, from, to);
        float[] r = new float[to - from];
        System.arraycopy(a, from, r, 0, Math.min(to, a.length) - from);
        return r;
    }

    public static double[] copyOf(double[] a, int n) {
        double[] r = new double[n];
        System.arraycopy(a, 0, r, 0, Math.min(n, a.length));
        return r;
    }

    public static double[] copyOfRange(double[] a, int from, int to) {
        copyRange(a.length, from, to);
        double[] r = new double[to - from];
        System.arraycopy(a, from, r, 0, Math.min(to, a.length) - from);
        return r;
    }

    public static boolean[] copyOf(boolean[] a, int n) {
        boolean[] r = new boolean[n];
        System.arraycopy(a, 0, r, 0, Math.min(n, a.length));
        return r;
    }

    public static boolean[] copyOfRange(boolean[] a, int from, int to) {
        copyRange(a.length, from, to);
        boolean[] r = new boolean[to - from];
        System.arraycopy(a, from, r, 0, Math.min(to, a.length) - from);
        return r;
    }

    private static void copyRange(int length, int from, int to) {
        if (from > to) throw new IllegalArgumentException(from + " > " + to);
        if (from < 0 || from > length) throw new ArrayIndexOutOfBoundsException("Array index out of range: " + from);
    }

    @SuppressWarnings("unchecked")
    public static <T> T[] copyOf(T[] a, int n) {
        Object[] r = (Object[]) phantom.runtime.Rt.n().newArrayLike(a, n);
        System.arraycopy(a, 0, r, 0, Math.min(n, a.length));
        return (T[]) r;
    }

    @SuppressWarnings("unchecked")
    public static <T> T[] copyOfRange(T[] a, int from, int to) {
        copyRange(a.length, from, to);
        Object[] r = (Object[]) phantom.runtime.Rt.n().newArrayLike(a, to - from);
        System.arraycopy(a, from, r, 0, Math.min(to, a.length) - from);
        return (T[]) r;
    }

    public static boolean equals(int[] a, int[] b) {
        if (a == b) return true;
        if (a == null || b == null || a.length != b.length) return false;
        for (int i = 0; i < a.length; i++) if (a[i] != b[i]) return false;
        return true;
    }

    public static int hashCode(int[] a) {
        if (a == null) return 0;
        int h = 1;
        for (int v : a) h = 31 * h + v;
        return h;
    }

    public static boolean equals(long[] a, long[] b) {
        if (a == b) return true;
        if (a == null || b == null || a.length != b.length) return false;
        for (int i = 0; i < a.length; i++) if (a[i] != b[i]) return false;
        return true;
    }

    public static int hashCode(long[] a) {
        if (a == null) return 0;
        int h = 1;
        for (long v : a) h = 31 * h + Long.hashCode(v);
        return h;
    }

    public static boolean equals(short[] a, short[] b) {
        if (a == b) return true;
        if (a == null || b == null || a.length != b.length) return false;
        for (int i = 0; i < a.length; i++) if (a[i] != b[i]) return false;
        return true;
    }

    public static int hashCode(short[] a) {
        if (a == null) return 0;
        int h = 1;
        for (short v : a) h = 31 * h + v;
        return h;
    }

    public static boolean equals(char[] a, char[] b) {
        if (a == b) return true;
        if (a == null || b == null || a.length != b.length) return false;
        for (int i = 0; i < a.length; i++) if (a[i] != b[i]) return false;
        return true;
    }

    public static int hashCode(char[] a) {
        if (a == null) return 0;
        int h = 1;
        for (char v : a) h = 31 * h + v;
        return h;
    }

    public static boolean equals(byte[] a, byte[] b) {
        if (a == b) return true;
        if (a == null || b == null || a.length != b.length) return false;
        for (int i = 0; i < a.length; i++) if (a[i] != b[i]) return false;
        return true;
    }

    public static int hashCode(byte[] a) {
        if (a == null) return 0;
        int h = 1;
        for (byte v : a) h = 31 * h + v;
        return h;
    }

    public static boolean equals(float[] a, float[] b) {
        if (a == b) return true;
        if (a == null || b == null || a.length != b.length) return false;
        for (int i = 0; i < a.length; i++) if (Float.floatToIntBits(a[i]) != Float.floatToIntBits(b[i])) return false;
        return true;
    }

    public static int hashCode(float[] a) {
        if (a == null) return 0;
        int h = 1;
        for (float v : a) h = 31 * h + Float.hashCode(v);
        return h;
    }

    public static boolean equals(double[] a, double[] b) {
        if (a == b) return true;
        if (a == null || b == null || a.length != b.length) return false;
        for (int i = 0; i < a.length; i++) if (Double.doubleToLongBits(a[i]) != Double.doubleToLongBits(b[i])) return false;
        return true;
    }

    public static int hashCode(double[] a) {
        if (a == null) return 0;
        int h = 1;
        for (double v : a) h = 31 * h + Double.hashCode(v);
        return h;
    }

    public static boolean equals(boolean[] a, boolean[] b) {
        if (a == b) return true;
        if (a == null || b == null || a.length != b.length) return false;
        for (int i = 0; i < a.length; i++) if (a[i] != b[i]) return false;
        return true;
    }

    public static int hashCode(boolean[] a) {
        if (a == null) return 0;
        int h = 1;
        for (boolean v : a) h = 31 * h + Boolean.hashCode(v);
        return h;
    }

    public static boolean equals(Object[] a, Object[] b) {
        if (a == b) return true;
        if (a == null || b == null || a.length != b.length) return false;
        for (int i = 0; i < a.length; i++) if (!Objects.equals(a[i], b[i])) return false;
        return true;
    }

    public static int hashCode(Object[] a) {
        if (a == null) return 0;
        int h = 1;
        for (Object v : a) h = 31 * h + Objects.hashCode(v);
        return h;
    }

    public static boolean deepEquals(Object[] a, Object[] b) {
        if (a == b) return true;
        if (a == null || b == null || a.length != b.length) return false;
        for (int i = 0; i < a.length; i++) if (!deepEquals0(a[i], b[i])) return false;
        return true;
    }

    static boolean deepEquals0(Object x, Object y) {
        if (x == y) return true;
        if (x == null || y == null) return false;
        char kx = phantom.runtime.Rt.arrayElement(x), ky = phantom.runtime.Rt.arrayElement(y);
        if (kx == 0 || ky == 0) return x.equals(y);
        boolean refs = kx == 'L' || kx == '[';
        if (refs != (ky == 'L' || ky == '[') || !refs && kx != ky) return false;
        switch (kx) {
            case 'I': return equals((int[]) x, (int[]) y);
            case 'J': return equals((long[]) x, (long[]) y);
            case 'F': return equals((float[]) x, (float[]) y);
            case 'D': return equals((double[]) x, (double[]) y);
            case 'C': return equals((char[]) x, (char[]) y);
            case 'Z': return equals((boolean[]) x, (boolean[]) y);
            case 'S': return equals((short[]) x, (short[]) y);
            case 'B': return equals((byte[]) x, (byte[]) y);
            default: return deepEquals((Object[]) x, (Object[]) y);
        }
    }

    public static int deepHashCode(Object[] a) {
        if (a == null) return 0;
        int h = 1;
        for (Object e : a) {
            int eh;
            switch (phantom.runtime.Rt.arrayElement(e)) {
                case 0: eh = Objects.hashCode(e); break;
                case 'I': eh = hashCode((int[]) e); break;
                case 'J': eh = hashCode((long[]) e); break;
                case 'F': eh = hashCode((float[]) e); break;
                case 'D': eh = hashCode((double[]) e); break;
                case 'C': eh = hashCode((char[]) e); break;
                case 'Z': eh = hashCode((boolean[]) e); break;
                case 'S': eh = hashCode((short[]) e); break;
                case 'B': eh = hashCode((byte[]) e); break;
                default: eh = deepHashCode((Object[]) e);
            }
            h = 31 * h + eh;
        }
        return h;
    }

    public static void setAll(int[] a, java.util.function.IntUnaryOperator f) {
        for (int i = 0; i < a.length; i++) a[i] = f.applyAsInt(i);
    }

    public static void setAll(double[] a, java.util.function.IntToDoubleFunction f) {
        for (int i = 0; i < a.length; i++) a[i] = f.applyAsDouble(i);
    }

    public static void setAll(long[] a, java.util.function.IntToLongFunction f) {
        for (int i = 0; i < a.length; i++) a[i] = f.applyAsLong(i);
    }

    public static <T> void setAll(T[] a, java.util.function.IntFunction<? extends T> f) {
        for (int i = 0; i < a.length; i++) a[i] = f.apply(i);
    }

    public static int mismatch(int[] a, int[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) if (a[i] != b[i]) return i;
        return a.length == b.length ? -1 : n;
    }

    public static int compare(int[] a, int[] b) {
        if (a == b) return 0;
        if (a == null || b == null) return a == null ? -1 : 1;
        int i = mismatch(a, b);
        if (i >= 0 && i < Math.min(a.length, b.length)) return Integer.compare(a[i], b[i]);
        return a.length - b.length;
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

    public static <T> java.util.stream.Stream<T> stream(T[] a) {
        return stream(a, 0, a.length);
    }

    public static <T> java.util.stream.Stream<T> stream(T[] a, int from, int to) {
        rangeCheck(a.length, from, to);
        return java.util.stream.Streams.of(new Iterator<T>() {
            private int next = from;

            public boolean hasNext() {
                return next < to;
            }

            public T next() {
                if (next >= to) throw new NoSuchElementException();
                return a[next++];
            }
        });
    }

    /** The bounds check of the JDK's array streams, with its messages. */
    private static void rangeCheck(int length, int from, int to) {
        if (from > to) throw new ArrayIndexOutOfBoundsException("origin(" + from + ") > fence(" + to + ")");
        if (from < 0) throw new ArrayIndexOutOfBoundsException(from);
        if (to > length) throw new ArrayIndexOutOfBoundsException(to);
    }

    public static java.util.stream.IntStream stream(int[] a) {
        return java.util.stream.Streams.ofInts(a, 0, a.length);
    }

    public static java.util.stream.IntStream stream(int[] a, int from, int to) {
        rangeCheck(a.length, from, to);
        return java.util.stream.Streams.ofInts(a, from, to);
    }

    public static java.util.stream.LongStream stream(long[] a) {
        return java.util.stream.Streams.ofLongs(a, 0, a.length);
    }

    public static java.util.stream.LongStream stream(long[] a, int from, int to) {
        rangeCheck(a.length, from, to);
        return java.util.stream.Streams.ofLongs(a, from, to);
    }

    public static java.util.stream.DoubleStream stream(double[] a) {
        return java.util.stream.Streams.ofDoubles(a, 0, a.length);
    }

    public static java.util.stream.DoubleStream stream(double[] a, int from, int to) {
        rangeCheck(a.length, from, to);
        return java.util.stream.Streams.ofDoubles(a, from, to);
    }
}
