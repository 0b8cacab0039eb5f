import java.util.*;

/** Collections into typed arrays: sizes, the null after the last element, store errors. */
public class LibToArray {
    public static void main(String[] args) {
        List<Object> mixed = new ArrayList<>(List.of("x", 1));
        try {
            mixed.toArray(new String[0]);
        } catch (ArrayStoreException e) {
            System.out.println("ArrayStoreException: " + e.getMessage());
        }
        List<String> s = new ArrayList<>(List.of("a", "b", "c"));
        String[] big = new String[5];
        Arrays.fill(big, "z");
        System.out.println(Arrays.toString(s.toArray(big)) + Arrays.toString(s.toArray(new String[0])) + Arrays.toString(s.toArray(String[]::new)));
        Set<Integer> set = new TreeSet<>(List.of(3, 1, 2));
        Integer[] boxes = set.toArray(new Integer[3]);
        System.out.println(Arrays.toString(boxes) + " " + Arrays.toString(new LinkedList<>(s).toArray()));
        System.out.println(Arrays.toString("a,b,,c,,".split(",")) + " " + "a,b,,c,,".split(",", -1).length);
    }
}
