import java.util.Arrays;

public class ArraysTest {
    public static void main(String[] args) {
        int[] a = new int[5];
        long[] l = new long[3];
        double[] d = new double[2];
        boolean[] z = new boolean[2];
        char[] c = new char[3];
        String[] s = new String[2];
        System.out.println(a[0] + " " + l[1] + " " + d[1] + " " + z[0] + " " + (int) c[2] + " " + s[1]);
        for (int i = 0; i < a.length; i++) a[i] = i * i;
        System.out.println(Arrays.toString(a) + " " + a.length);
        int[][] grid = new int[3][4];
        grid[1][2] = 7;
        int[][] jag = {{1}, {2, 3}, {4, 5, 6}};
        System.out.println(Arrays.deepToString(jag) + " " + grid[1][2] + " " + grid[2].length + " " + jag[2][1]);
        String[][][] cube = new String[2][2][2];
        cube[1][1][1] = "deep";
        System.out.println(cube[1][1][1] + " " + cube[0][0][0]);
        int[] b = a.clone();
        b[0] = 99;
        System.out.println(a[0] + " " + b[0]);
        int[] sorted = {5, 3, 9, 1, 7, 3};
        Arrays.sort(sorted);
        System.out.println(Arrays.toString(sorted) + " " + Arrays.binarySearch(sorted, 7));
        Integer[] boxed = {3, 1, 2};
        Arrays.sort(boxed, (x, y) -> y - x);
        System.out.println(Arrays.toString(boxed));
        int[] copy = Arrays.copyOf(a, 7);
        System.out.println(Arrays.toString(copy) + " " + Arrays.equals(a, a.clone()));
        int[] filled = new int[4];
        Arrays.fill(filled, 8);
        System.out.println(Arrays.toString(filled) + " " + Arrays.hashCode(filled));
        System.arraycopy(a, 1, copy, 0, 3);
        System.out.println(Arrays.toString(copy));
        byte[] bytes = new byte[2];
        bytes[0] = (byte) 130;
        short[] shorts = {(short) 40000};
        System.out.println(bytes[0] + " " + shorts[0]);
        char[] word = {'j', 'a', 'v', 'a'};
        word[0] = Character.toUpperCase(word[0]);
        System.out.println(new String(word) + " " + word.length);
        Object o = a;
        System.out.println((o instanceof int[]) + " " + ((int[]) o)[2]);
        try {
            a[-1] = 0;
        } catch (ArrayIndexOutOfBoundsException e) {
            System.out.println(e.getMessage());
        }
        try {
            int[] neg = new int[-1];
        } catch (NegativeArraySizeException e) {
            System.out.println("negative " + e.getMessage());
        }
        double[] ds = {3.5, -1.0, 2.25};
        Arrays.sort(ds);
        System.out.println(Arrays.toString(ds));
        long total = 0;
        long[] big = new long[1000];
        for (int i = 0; i < big.length; i++) big[i] = (long) i * i * i;
        for (long v : big) total += v;
        System.out.println(total);
        System.out.println(a[10]);
    }
}
