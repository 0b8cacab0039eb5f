import java.util.Arrays;
import java.util.List;

public class VarargsArgs {
    static int count(Object... xs) {
        return xs == null ? -1 : xs.length;
    }

    static String ints(int... xs) {
        return xs.length + ":" + Arrays.toString(xs);
    }

    static String first(String head, String... rest) {
        return head + "+" + rest.length + (rest.length > 0 ? "(" + String.join("|", rest) + ")" : "");
    }

    static long sum(long... xs) {
        long s = 0;
        for (long x : xs) s += x;
        return s;
    }

    static double avg(double... xs) {
        if (xs.length == 0) return Double.NaN;
        double s = 0;
        for (double x : xs) s += x;
        return s / xs.length;
    }

    static String which(int x) {
        return "exact int";
    }

    static String which(int... xs) {
        return "varargs int";
    }

    static String which(long x) {
        return "widened long";
    }

    static String boxed(Integer... xs) {
        StringBuilder b = new StringBuilder();
        for (Integer x : xs) b.append(x == null ? "null" : x * 2).append(',');
        return b.toString();
    }

    @SafeVarargs
    static <T> List<T> listOf(T... items) {
        return Arrays.asList(items);
    }

    static String chars(char... cs) {
        return new String(cs) + cs.length;
    }

    static int[] modify(int... xs) {
        if (xs.length > 0) xs[0] = 99;
        return xs;
    }

    static String matrix(int[]... rows) {
        StringBuilder b = new StringBuilder();
        for (int[] r : rows) b.append(Arrays.toString(r));
        return rows.length + b.toString();
    }

    public static void main(String[] args) {
        System.out.println(count() + " " + count(1) + " " + count(1, "two", 3.0) + " " + count((Object[]) null));
        System.out.println(count((Object) null) + " " + count(null, null) + " " + count(new Object[] {1, 2}) + " " + count((Object) new Object[] {1, 2}));
        System.out.println(count((Object[]) new String[] {"a", "b", "c"}) + " " + count(new int[] {1, 2, 3}) + " " + count((Object[]) args));
        System.out.println(ints() + " " + ints(5) + " " + ints(1, 2, 3) + " " + ints(new int[] {7, 8}));
        System.out.println(first("h") + " " + first("h", "a") + " " + first("h", "a", "b", "c") + " " + first("h", new String[0]));
        System.out.println(sum() + " " + sum(1, 2, 3) + " " + sum(Long.MAX_VALUE, 1) + " " + sum(new long[] {10, 20}));
        System.out.println(avg() + " " + avg(1, 2) + " " + avg(1.5, 2.5, 3.5, 0.5));
        byte b = 3;
        short sh = 4;
        System.out.println(which(1) + " / " + which(b) + " / " + which(sh) + " / " + which(1L) + " / " + which() + " / " + which(1, 2));
        System.out.println(boxed() + " " + boxed(1, null, 3) + " " + boxed(new Integer[] {4}));
        List<String> l = listOf("x", "y", "z");
        System.out.println(l + " " + l.size() + " " + listOf().size() + " " + listOf(1, 2).get(1));
        System.out.println(chars() + " " + chars('a', 'b') + " " + chars("hey".toCharArray()));
        int[] mine = {1, 2, 3};
        modify(mine);
        int[] fresh = modify(4, 5);
        System.out.println(mine[0] + " " + Arrays.toString(fresh) + " " + modify().length);
        System.out.println(matrix() + " " + matrix(new int[] {1}, new int[] {2, 3}) + " " + matrix(new int[][] {{4}, {}}));
        System.out.println(String.join(",", "a", "b") + " " + String.join("-") + "|" + Arrays.asList(1, 2, 3) + " " + List.of().size());
        Object[] objs = {"p", "q"};
        System.out.println(count(objs, objs) + " " + count((Object) objs));
    }
}
