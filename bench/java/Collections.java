import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collections: a map of boxed integers, a list sorted, a tree map, the ordinary way. */
public class Collections {
    public static void main(String[] args) {
        Map<Integer, Integer> counts = new HashMap<>();
        long seed = 42;
        for (int i = 0; i < 300_000; i++) {
            seed = (seed * 1103515245 + 12345) & 0x7fffffff;
            int key = (int) (seed % 50_000);
            counts.merge(key, 1, Integer::sum);
        }
        List<Integer> keys = new ArrayList<>(counts.keySet());
        keys.sort((a, b) -> counts.get(b) - counts.get(a) != 0 ? counts.get(b) - counts.get(a) : a - b);
        TreeMap<String, Integer> byName = new TreeMap<>();
        for (int i = 0; i < 20_000; i++) {
            byName.put("k" + keys.get(i), counts.get(keys.get(i)));
        }
        long sum = 0;
        for (Map.Entry<String, Integer> e : byName.entrySet()) {
            sum += e.getValue() * (long) e.getKey().length();
        }
        System.out.println(counts.size() + " " + keys.get(0) + " " + byName.firstKey() + " " + sum);
    }
}
