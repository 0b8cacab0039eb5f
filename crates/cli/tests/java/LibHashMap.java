import java.util.*;

public class LibHashMap {
    public static void main(String[] args) {
        Map<String, Integer> m = new HashMap<>();
        System.out.println(m.put("one", 1) + " " + m.put("two", 2) + " " + m.put("one", 11) + " " + m);
        System.out.println(m.get("one") + " " + m.get("missing") + " " + m.getOrDefault("missing", -1) + " " + m.getOrDefault("two", -1));
        System.out.println(m.putIfAbsent("two", 22) + " " + m.putIfAbsent("three", 3) + " " + m);
        System.out.println(m.merge("two", 5, Integer::sum) + " " + m.merge("four", 4, Integer::sum) + " " + m);
        System.out.println(m.merge("four", 0, (a, b) -> null) + " " + m.containsKey("four"));
        System.out.println(m.compute("one", (k, v) -> v == null ? 0 : v * 2) + " " + m.compute("five", (k, v) -> v == null ? k.length() : v) + " " + m);
        System.out.println(m.computeIfAbsent("six", k -> 6) + " " + m.computeIfAbsent("one", k -> 999) + " " + m.computeIfAbsent("seven", k -> null) + " " + m.containsKey("seven"));
        System.out.println(m.computeIfPresent("six", (k, v) -> v + 100) + " " + m.computeIfPresent("nine", (k, v) -> 9) + " " + m.computeIfPresent("five", (k, v) -> null) + " " + m);
        System.out.println(m.remove("six") + " " + m.remove("six") + " " + m.remove("two", 99) + " " + m.remove("two", 7) + " " + m);
        System.out.println(m.containsKey("one") + " " + m.containsValue(3) + " " + m.containsValue(42) + " " + m.size() + " " + m.isEmpty());
        System.out.println(m.replace("one", 1) + " " + m.replace("zzz", 1) + " " + m);
        m.put(null, 0);
        System.out.println(m.get(null) + " " + m.containsKey(null) + " " + m);
        m.remove(null);
        Map<Integer, String> im = new HashMap<>();
        for (int i = 0; i < 40; i += 3) im.put(i * 17 % 53, "v" + i);
        for (Map.Entry<Integer, String> e : im.entrySet()) System.out.print(e.getKey() + "=" + e.getValue() + " ");
        System.out.println();
        System.out.println(im.keySet());
        System.out.println(im.values());
        for (Map.Entry<Integer, String> e : im.entrySet()) {
            if (e.getKey() % 2 == 0) e.setValue(e.getValue().toUpperCase());
        }
        System.out.println(im);
        im.keySet().removeIf(k -> k > 40);
        im.values().remove("v9");
        System.out.println(im);
        Iterator<Map.Entry<Integer, String>> it = im.entrySet().iterator();
        while (it.hasNext()) if (it.next().getKey() < 10) it.remove();
        System.out.println(im);
        im.replaceAll((k, v) -> v + "#" + k);
        System.out.println(im);
        StringBuilder sb = new StringBuilder();
        im.forEach((k, v) -> sb.append(k).append("->").append(v).append("; "));
        System.out.println(sb);
        Map<String, List<Integer>> groups = new HashMap<>();
        String[] words = "apple avocado banana blueberry cherry cranberry date apricot".split(" ");
        for (int i = 0; i < words.length; i++) {
            groups.computeIfAbsent(words[i].substring(0, 1), k -> new ArrayList<>()).add(i);
        }
        System.out.println(groups);
        Map<Long, Double> big = new HashMap<>();
        for (long i = 0; i < 2000; i++) big.put(i * i, Math.sqrt(i));
        double s = 0;
        for (long i = 0; i < 2000; i += 7) s += big.get(i * i);
        System.out.println(big.size() + " " + s + " " + big.get(3L) + " " + big.containsKey(1999L * 1999L));
        Map<String, Integer> other = new HashMap<>();
        other.putAll(m);
        System.out.println(other.equals(m) + " " + (other.hashCode() == m.hashCode()) + " " + m.hashCode());
        other.put("extra", 1);
        System.out.println(other.equals(m) + " " + other.keySet().containsAll(m.keySet()));
        try {
            for (String k : m.keySet()) m.put(k + "x", 0);
        } catch (ConcurrentModificationException e) {
            System.out.println("CME");
        }
        System.out.println("== LinkedHashMap");
        Map<String, Integer> lhm = new LinkedHashMap<>();
        for (String w : "zeta alpha mu beta alpha omega".split(" ")) lhm.merge(w, 1, Integer::sum);
        System.out.println(lhm + " " + lhm.keySet() + " " + lhm.values());
        lhm.put("zeta", 100);
        lhm.remove("mu");
        lhm.put("mu", 5);
        System.out.println(lhm);
        LinkedHashMap<Integer, String> access = new LinkedHashMap<>(16, 0.75f, true);
        for (int i = 1; i <= 5; i++) access.put(i, "n" + i);
        access.get(2);
        access.get(4);
        access.put(1, "one");
        System.out.println(access);
        LinkedHashMap<String, Integer> lru = new LinkedHashMap<String, Integer>(8, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
                return size() > 4;
            }
        };
        String[] trace = {"a", "b", "c", "d", "a", "e", "b", "f", "a", "g", "c"};
        for (String k : trace) {
            Integer hit = lru.get(k);
            if (hit == null) lru.put(k, 1); else lru.put(k, hit + 1);
            System.out.print(lru.keySet() + " ");
        }
        System.out.println();
        System.out.println(lru);
    }
}
