/** Arrays and integer arithmetic: a hand-written quicksort and a merge sort of a million ints. */
public class Sort {
    static void quicksort(int[] a, int lo, int hi) {
        while (lo < hi) {
            int pivot = a[(lo + hi) >>> 1], i = lo, j = hi;
            while (i <= j) {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j) {
                    int t = a[i];
                    a[i++] = a[j];
                    a[j--] = t;
                }
            }
            if (j - lo < hi - i) {
                quicksort(a, lo, j);
                lo = i;
            } else {
                quicksort(a, i, hi);
                hi = j;
            }
        }
    }

    static void mergesort(int[] a, int[] tmp, int lo, int hi) {
        if (hi - lo < 2) return;
        int mid = (lo + hi) >>> 1;
        mergesort(a, tmp, lo, mid);
        mergesort(a, tmp, mid, hi);
        int i = lo, j = mid, k = lo;
        while (i < mid && j < hi) tmp[k++] = a[i] <= a[j] ? a[i++] : a[j++];
        while (i < mid) tmp[k++] = a[i++];
        while (j < hi) tmp[k++] = a[j++];
        System.arraycopy(tmp, lo, a, lo, hi - lo);
    }

    public static void main(String[] args) {
        int n = 1_000_000;
        int[] a = new int[n], b = new int[n];
        int x = 12345;
        for (int i = 0; i < n; i++) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            a[i] = x;
            b[i] = x;
        }
        quicksort(a, 0, n - 1);
        mergesort(b, new int[n], 0, n);
        long check = 0;
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) throw new AssertionError("differ at " + i);
            check = check * 31 + a[i];
        }
        System.out.println(a[0] + " " + a[n / 2] + " " + a[n - 1] + " " + check);
    }
}
