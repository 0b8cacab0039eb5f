import java.util.Arrays;

public class LibSystem {
    static void tryCopy(String label, Object src, int sp, Object dst, int dp, int len) {
        try {
            System.arraycopy(src, sp, dst, dp, len);
            System.out.println(label + " ok");
        } catch (ArrayIndexOutOfBoundsException e) {
            System.out.println(label + " AIOOBE");
        } catch (IndexOutOfBoundsException e) {
            System.out.println(label + " IOOBE");
        } catch (ArrayStoreException e) {
            System.out.println(label + " ArrayStoreException");
        } catch (NullPointerException e) {
            System.out.println(label + " NPE");
        }
    }

    public static void main(String[] args) {
        System.out.println("args " + args.length + " " + Arrays.toString(args));
        int[] a = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        System.arraycopy(a, 0, a, 2, 5);
        System.out.println("overlap right " + Arrays.toString(a));
        int[] b = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        System.arraycopy(b, 3, b, 1, 6);
        System.out.println("overlap left " + Arrays.toString(b));
        long[] l = new long[4];
        System.arraycopy(new long[] {9, 8, 7}, 1, l, 2, 2);
        System.out.println("long " + Arrays.toString(l));
        String[] s = {"a", "b", "c", "d"};
        Object[] o = new Object[6];
        System.arraycopy(s, 1, o, 0, 3);
        System.out.println("obj " + Arrays.toString(o));
        char[] cs = "hello world".toCharArray();
        System.arraycopy(cs, 6, cs, 0, 5);
        System.out.println("chars " + new String(cs));
        double[] d = {1.5, 2.5};
        double[] d2 = new double[3];
        System.arraycopy(d, 0, d2, 1, 2);
        System.out.println("double " + Arrays.toString(d2));
        tryCopy("zero length at end", a, 10, b, 10, 0);
        tryCopy("negative length", a, 0, b, 0, -1);
        tryCopy("src too short", a, 8, b, 0, 5);
        tryCopy("dst too short", a, 0, b, 7, 5);
        tryCopy("negative srcPos", a, -1, b, 0, 1);
        tryCopy("type mismatch", a, 0, l, 0, 1);
        tryCopy("not array", "str", 0, b, 0, 1);
        tryCopy("null src", null, 0, b, 0, 1);
        Object[] mixed = {"x", Integer.valueOf(3), "y"};
        String[] strs = new String[3];
        tryCopy("store check", mixed, 0, strs, 0, 3);
        System.out.println("partial " + Arrays.toString(strs));
        Integer[] boxes = {1, 2, 3};
        Number[] nums = new Number[3];
        tryCopy("widen ok", boxes, 0, nums, 0, 3);
        System.out.println(Arrays.toString(nums));
        Object[] arr = new String[2];
        try {
            arr[0] = Integer.valueOf(1);
        } catch (ArrayStoreException e) {
            System.out.println("ArrayStoreException: " + e.getMessage());
        }
        long t0 = System.currentTimeMillis();
        long n0 = System.nanoTime();
        long acc = 0;
        for (int i = 0; i < 100000; i++) acc += i % 7;
        long t1 = System.currentTimeMillis();
        long n1 = System.nanoTime();
        System.out.println("acc " + acc + " millis monotonic " + (t1 >= t0) + " nanos monotonic " + (n1 >= n0) + " plausible " + (t0 > 1500000000000L));
        System.out.println("line.separator ok " + System.lineSeparator().equals("\n"));
        System.err.println("this goes to stderr");
        System.err.print("err part 1, ");
        System.err.println("err part 2");
        System.out.print("no newline then ");
        System.out.println('c');
        System.out.println(1.5f);
        System.out.println(3L);
        System.out.println(new char[] {'o', 'k'});
        System.out.println((Object) null);
        System.out.println();
        System.out.printf("printf %d %s%n", 7, "x");
        System.err.printf("err printf %5.1f%n", 2.25);
        int status = 0;
        for (int x : a) status += x;
        System.out.println("exiting with " + (status % 50));
        System.out.flush();
        try {
            System.exit(status % 50);
        } finally {
            System.out.println("never printed");
        }
    }
}
