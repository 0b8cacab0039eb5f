import java.util.*;

public class LibTreeMap {
    public static void main(String[] args) {
        TreeMap<Integer, String> t = new TreeMap<>();
        int[] keys = {50, 20, 80, 10, 30, 70, 90, 25, 35, 65};
        for (int k : keys) t.put(k, "v" + k);
        System.out.println(t);
        System.out.println(t.firstKey() + " " + t.lastKey() + " " + t.firstEntry() + " " + t.lastEntry() + " " + t.size());
        for (int probe : new int[] {5, 10, 27, 50, 66, 95}) {
            System.out.println(probe + ": floor=" + t.floorKey(probe) + " ceiling=" + t.ceilingKey(probe) + " higher=" + t.higherKey(probe) + " lower=" + t.lowerKey(probe)
                + " floorEntry=" + t.floorEntry(probe) + " ceilingEntry=" + t.ceilingEntry(probe));
        }
        System.out.println(t.higherEntry(90) + " " + t.lowerEntry(10));
        System.out.println("headMap(30) " + t.headMap(30));
        System.out.println("headMap(30,true) " + t.headMap(30, true));
        System.out.println("tailMap(70) " + t.tailMap(70));
        System.out.println("tailMap(70,false) " + t.tailMap(70, false));
        System.out.println("subMap(20,70) " + t.subMap(20, 70));
        System.out.println("subMap(20,false,70,true) " + t.subMap(20, false, 70, true));
        SortedMap<Integer, String> head = t.headMap(35);
        System.out.println(head.size() + " " + head.firstKey() + " " + head.lastKey() + " " + head.containsKey(50) + " " + head.keySet());
        System.out.println("descendingMap " + t.descendingMap());
        System.out.println("descendingKeySet " + t.descendingKeySet());
        System.out.println("navigableKeySet " + t.navigableKeySet());
        System.out.println("pollFirst " + t.pollFirstEntry() + " pollLast " + t.pollLastEntry() + " -> " + t);
        System.out.println(t.remove(30) + " " + t.remove(31) + " " + t.containsKey(30) + " " + t.containsValue("v65") + " " + t.get(65));
        for (Map.Entry<Integer, String> e : t.entrySet()) System.out.print(e.getKey() + ":" + e.getValue() + " ");
        System.out.println();
        t.replaceAll((k, v) -> v.toUpperCase() + k / 10);
        System.out.println(t.values());
        TreeMap<String, Integer> rev = new TreeMap<>(Comparator.reverseOrder());
        for (String s : "pear apple fig banana cherry date".split(" ")) rev.put(s, s.length());
        System.out.println(rev + " first=" + rev.firstKey() + " floor(c)=" + rev.floorKey("c") + " ceiling(c)=" + rev.ceilingKey("c"));
        TreeMap<String, Integer> ci = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        ci.put("Hello", 1);
        ci.put("hello", 2);
        ci.put("WORLD", 3);
        ci.put("apple", 4);
        System.out.println(ci + " " + ci.get("HELLO") + " " + ci.containsKey("world"));
        TreeMap<String, Integer> byLen = new TreeMap<>(Comparator.comparing(String::length).thenComparing(Comparator.reverseOrder()));
        for (String s : "a bb cc ddd e fff gggg".split(" ")) byLen.put(s, s.length());
        System.out.println(byLen + " " + byLen.headMap("ddd"));
        TreeMap<Integer, Integer> counts = new TreeMap<>();
        long seed = 12345;
        for (int i = 0; i < 500; i++) {
            seed = (seed * 1103515245 + 12345) & 0x7fffffffL;
            counts.merge((int) (seed % 20), 1, Integer::sum);
        }
        System.out.println(counts);
        System.out.println(counts.headMap(5).values() + " " + counts.tailMap(15).keySet());
        TreeMap<Integer, String> empty = new TreeMap<>();
        System.out.println(empty.firstEntry() + " " + empty.pollFirstEntry() + " " + empty.floorKey(3));
        try {
            empty.firstKey();
        } catch (NoSuchElementException e) {
            System.out.println("firstKey on empty: NoSuchElementException");
        }
        try {
            empty.put(null, "x");
        } catch (NullPointerException e) {
            System.out.println("null key rejected");
        }
        TreeMap<Integer, String> big = new TreeMap<>();
        for (int i = 0; i < 1000; i++) big.put((i * 7919) % 1000, "x");
        for (int i = 0; i < 1000; i += 2) big.remove(i);
        System.out.println(big.size() + " " + big.firstKey() + " " + big.lastKey() + " " + big.floorKey(500) + " " + big.subMap(100, 120).keySet());
        Map.Entry<Integer, String> e = big.firstEntry();
        System.out.println(e.getKey() + " " + e.getValue() + " " + e);
    }
}
