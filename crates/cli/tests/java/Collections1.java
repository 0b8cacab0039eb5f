import java.util.*;

public class Collections1 {
    public static void main(String[] args) {
        Map<String, Integer> counts = new HashMap<>();
        String text = "the quick brown fox jumps over the lazy dog the end fox";
        for (String w : text.split(" ")) counts.merge(w, 1, Integer::sum);
        System.out.println(counts);
        System.out.println(counts.keySet() + " " + counts.values() + " " + counts.size());
        Map<Integer, String> big = new HashMap<>();
        for (int i = 0; i < 100; i += 7) big.put(i * 31, "v" + i);
        System.out.println(big);
        big.remove(31 * 14);
        big.computeIfAbsent(5, k -> "five");
        System.out.println(big.get(5) + " " + big.containsKey(31 * 14) + " " + big.getOrDefault(1, "none"));
        Map<String, Integer> copy = new HashMap<>(counts);
        System.out.println(copy.equals(counts) + " " + copy);
        LinkedHashMap<String, Integer> lru = new LinkedHashMap<>(16, 0.75f, true) {
            protected boolean removeEldestEntry(Map.Entry<String, Integer> e) {
                return size() > 3;
            }
        };
        for (String k : new String[] {"a", "b", "c", "a", "d", "b", "e"}) lru.put(k, k.charAt(0) - 'a');
        System.out.println(lru);
        TreeMap<String, Integer> sorted = new TreeMap<>(counts);
        System.out.println(sorted + " " + sorted.firstKey() + " " + sorted.lastKey());
        System.out.println(sorted.headMap("fox") + " " + sorted.tailMap("quick") + " " + sorted.ceilingKey("g") + " " + sorted.floorKey("g"));
        Iterator<String> it = sorted.keySet().iterator();
        while (it.hasNext()) if (it.next().length() == 3) it.remove();
        System.out.println(sorted + " " + sorted.pollFirstEntry() + " " + sorted.descendingMap());
        Set<Integer> hs = new HashSet<>(Arrays.asList(50, 3, 17, 3, 100, -4, 33));
        System.out.println(hs + " " + hs.contains(17) + " " + hs.remove(3) + " " + hs);
        TreeSet<Integer> ts = new TreeSet<>(hs);
        System.out.println(ts + " " + ts.first() + " " + ts.higher(17) + " " + ts.lower(-4) + " " + ts.descendingSet());
        Set<String> ls = new LinkedHashSet<>(Arrays.asList("z", "a", "m", "a"));
        System.out.println(ls);
        Deque<Integer> dq = new ArrayDeque<>();
        for (int i = 0; i < 20; i++) {
            if (i % 3 == 0) dq.addFirst(i); else dq.addLast(i);
        }
        System.out.println(dq + " " + dq.pollFirst() + " " + dq.pollLast() + " " + dq.peek());
        LinkedList<String> ll = new LinkedList<>(List.of("x", "y", "z"));
        ll.add(1, "w");
        ll.addFirst("start");
        ll.removeLast();
        System.out.println(ll + " " + ll.get(2) + " " + ll.indexOf("y"));
        PriorityQueue<Integer> pq = new PriorityQueue<>();
        for (int v : new int[] {5, 1, 9, 3, 7, 2, 8}) pq.add(v);
        System.out.println(pq);
        StringBuilder order = new StringBuilder();
        while (!pq.isEmpty()) order.append(pq.poll()).append(' ');
        System.out.println(order);
        PriorityQueue<String> maxq = new PriorityQueue<>(Comparator.reverseOrder());
        maxq.addAll(List.of("pear", "apple", "fig"));
        System.out.println(maxq.peek() + " " + maxq);
        List<Integer> nums = new ArrayList<>();
        for (int i = 0; i < 10; i++) nums.add(i * 3 % 7);
        Collections.sort(nums);
        System.out.println(nums + " " + Collections.max(nums) + " " + Collections.frequency(nums, 3));
        nums.removeIf(n -> n % 2 == 0);
        System.out.println(nums + " " + nums.subList(1, 3));
        try {
            for (Integer n : nums) if (n == 3) nums.remove(n);
        } catch (ConcurrentModificationException e) {
            System.out.println("ConcurrentModificationException");
        }
        try {
            List.of(1, 2).add(3);
        } catch (UnsupportedOperationException e) {
            System.out.println("immutable");
        }
        Optional<String> first = Optional.of("z").filter(s -> s.startsWith("z"));
        System.out.println(first + " " + Optional.empty() + " " + first.map(String::length).orElse(0));
        StringJoiner j = new StringJoiner(", ", "{", "}");
        for (String s : ls) j.add(s);
        System.out.println(j);
    }
}
