import java.util.*;

public class LibArrays {
    static class Item {
        final String name;
        final int weight;

        Item(String name, int weight) {
            this.name = name;
            this.weight = weight;
        }

        public String toString() {
            return name + "/" + weight;
        }
    }

    public static void main(String[] args) {
        int[] ia = {9, -3, 7, 0, 7, 2, -8, 100, 4};
        Arrays.sort(ia);
        System.out.println(Arrays.toString(ia) + " idx7=" + Arrays.binarySearch(ia, 7) + " idx5=" + Arrays.binarySearch(ia, 5) + " idx-100=" + Arrays.binarySearch(ia, -100) + " idx1000=" + Arrays.binarySearch(ia, 1000));
        long[] la = {5L, Long.MIN_VALUE, 3L, Long.MAX_VALUE, 0L};
        Arrays.sort(la);
        System.out.println(Arrays.toString(la) + " " + Arrays.binarySearch(la, 3L));
        double[] da = {3.5, -0.0, 0.0, Double.NaN, -2.25, 1e10, Double.NEGATIVE_INFINITY};
        Arrays.sort(da);
        System.out.println(Arrays.toString(da) + " " + Arrays.binarySearch(da, 3.5));
        char[] ca = "phantom vm".toCharArray();
        Arrays.sort(ca);
        System.out.println(Arrays.toString(ca) + " [" + new String(ca) + "] " + Arrays.binarySearch(ca, 'p'));
        short[] sa = {300, -5, 12};
        Arrays.sort(sa);
        byte[] ba = {127, -128, 0, 5};
        Arrays.sort(ba);
        float[] fa = {2.5f, -1f, 0.125f};
        Arrays.sort(fa);
        System.out.println(Arrays.toString(sa) + " " + Arrays.toString(ba) + " " + Arrays.toString(fa));
        boolean[] za = {true, false, true};
        System.out.println(Arrays.toString(za) + " " + Arrays.toString((int[]) null) + " " + Arrays.toString(new int[0]));
        int[] part = {5, 4, 3, 2, 1, 0};
        Arrays.sort(part, 1, 4);
        System.out.println("partial sort " + Arrays.toString(part));
        String[] sa2 = {"pear", "Apple", "fig", "banana", "apple", "Fig"};
        Arrays.sort(sa2);
        System.out.println(Arrays.toString(sa2));
        Arrays.sort(sa2, Comparator.comparing(String::length).thenComparing(String::compareToIgnoreCase));
        System.out.println(Arrays.toString(sa2));
        Arrays.sort(sa2, Collections.reverseOrder());
        System.out.println(Arrays.toString(sa2) + " " + Arrays.binarySearch(new String[] {"a", "c", "e"}, "c"));
        Item[] items = {new Item("b", 3), new Item("a", 3), new Item("c", 1), new Item("d", 2), new Item("e", 1)};
        Arrays.sort(items, (x, y) -> Integer.compare(x.weight, y.weight));
        System.out.println("stable by weight " + Arrays.toString(items));
        Integer[] boxed = {5, 1, 4};
        Arrays.sort(boxed, Collections.reverseOrder());
        System.out.println(Arrays.toString(boxed));
        int[] filled = new int[6];
        Arrays.fill(filled, 7);
        Arrays.fill(filled, 1, 3, -1);
        String[] names = new String[3];
        Arrays.fill(names, "n");
        double[] dd = new double[2];
        Arrays.fill(dd, 0.5);
        System.out.println(Arrays.toString(filled) + " " + Arrays.toString(names) + " " + Arrays.toString(dd));
        int[] grown = Arrays.copyOf(ia, 12);
        int[] shrunk = Arrays.copyOf(ia, 3);
        int[] range = Arrays.copyOfRange(ia, 2, 5);
        int[] rangePad = Arrays.copyOfRange(ia, 7, 11);
        String[] scopy = Arrays.copyOf(sa2, 8);
        char[] ccopy = Arrays.copyOfRange(ca, 1, 4);
        System.out.println(Arrays.toString(grown) + " " + Arrays.toString(shrunk) + " " + Arrays.toString(range) + " " + Arrays.toString(rangePad));
        System.out.println(Arrays.toString(scopy) + " " + new String(ccopy) + " " + Arrays.toString(Arrays.copyOf(la, 2)) + " " + Arrays.toString(Arrays.copyOf(za, 5)));
        int[] x1 = {1, 2, 3}, x2 = {1, 2, 3}, x3 = {1, 2};
        System.out.println(Arrays.equals(x1, x2) + " " + Arrays.equals(x1, x3) + " " + (x1 == x2) + " " + x1.equals(x2) + " " + Arrays.equals(new String[] {"a"}, new String[] {"a"}) + " " + Arrays.equals(new double[] {0.0}, new double[] {-0.0}));
        int[][] g1 = {{1, 2}, {3, 4}}, g2 = {{1, 2}, {3, 4}};
        Object[] nested1 = {1, new int[] {2, 3}, new String[] {"x"}, null};
        Object[] nested2 = {1, new int[] {2, 3}, new String[] {"x"}, null};
        System.out.println(Arrays.equals(g1, g2) + " " + Arrays.deepEquals(g1, g2) + " " + Arrays.deepEquals(nested1, nested2));
        System.out.println(Arrays.deepToString(g1) + " " + Arrays.deepToString(nested1) + " " + Arrays.deepToString(new Object[] {new long[] {1L}, new double[][] {{1.5}}}));
        List<String> asl = Arrays.asList("x", "y", "z");
        System.out.println(asl + " " + asl.size() + " " + asl.get(1) + " " + asl.indexOf("z") + " " + asl.contains("q"));
        asl.set(1, "Y");
        System.out.println(asl);
        try {
            asl.add("w");
        } catch (UnsupportedOperationException e) {
            System.out.println("asList add: UnsupportedOperationException");
        }
        String[] backing = {"p", "q"};
        List<String> view = Arrays.asList(backing);
        backing[0] = "P";
        view.set(1, "Q");
        System.out.println(view + " " + Arrays.toString(backing));
        System.out.println(Arrays.hashCode(new int[] {1, 2, 3}) + " " + Arrays.hashCode(new long[] {1L << 33}) + " " + Arrays.hashCode(new double[] {1.5}) + " " + Arrays.hashCode(new Object[] {"a", 1}) + " " + Arrays.deepHashCode(g1) + " " + Arrays.hashCode((int[]) null));
        int[] big = new int[2000];
        for (int i = 0; i < big.length; i++) big[i] = (i * 7919 + 13) % 2003 - 1000;
        Arrays.sort(big);
        long chk = 0;
        for (int i = 0; i < big.length; i++) chk = chk * 31 + big[i];
        System.out.println(big[0] + " " + big[1999] + " " + chk + " " + Arrays.binarySearch(big, big[1234]));
        try {
            Arrays.copyOfRange(ia, 5, 2);
        } catch (IllegalArgumentException e) {
            System.out.println("copyOfRange: " + e.getMessage());
        }
        try {
            Arrays.fill(filled, 4, 2, 0);
        } catch (IllegalArgumentException e) {
            System.out.println("fill: " + e.getMessage());
        }
    }
}
