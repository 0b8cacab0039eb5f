import java.util.*;

public class LibCollections {
    static void expectUoe(String label, Runnable r) {
        try {
            r.run();
            System.out.println(label + ": no exception");
        } catch (UnsupportedOperationException e) {
            System.out.println(label + ": UnsupportedOperationException");
        } catch (NullPointerException e) {
            System.out.println(label + ": NullPointerException");
        } catch (IllegalArgumentException e) {
            System.out.println(label + ": IllegalArgumentException");
        }
    }

    public static void main(String[] args) {
        List<Integer> nums = new ArrayList<>();
        for (int i = 0; i < 12; i++) nums.add((i * 5 + 3) % 13);
        System.out.println(nums);
        Collections.sort(nums);
        System.out.println("sort " + nums);
        Collections.reverse(nums);
        System.out.println("reverse " + nums);
        Collections.sort(nums, Collections.reverseOrder());
        System.out.println("reverseOrder " + nums);
        Collections.swap(nums, 0, nums.size() - 1);
        System.out.println("swap " + nums);
        Collections.shuffle(nums, new Random(42));
        System.out.println("shuffle(42) " + nums);
        Collections.shuffle(nums, new Random(7));
        System.out.println("shuffle(7) " + nums);
        System.out.println("max " + Collections.max(nums) + " min " + Collections.min(nums) + " maxBy " + Collections.max(nums, Comparator.comparing(x -> x % 5)) + " minBy " + Collections.min(nums, Comparator.comparing(x -> -x)));
        List<String> words = new ArrayList<>(List.of("b", "a", "c", "a", "b", "a"));
        System.out.println("frequency a=" + Collections.frequency(words, "a") + " z=" + Collections.frequency(words, "z") + " null=" + Collections.frequency(Arrays.asList(null, "x", null), null));
        Collections.addAll(words, "d", "e");
        System.out.println(words + " " + Collections.max(words) + " " + Collections.min(words));
        List<String> ro = Collections.unmodifiableList(words);
        System.out.println(ro.get(0) + " " + ro.size() + " " + ro.contains("e") + " " + ro);
        expectUoe("unmodifiableList.add", () -> ro.add("x"));
        expectUoe("unmodifiableList.set", () -> ro.set(0, "x"));
        expectUoe("unmodifiableList.remove", () -> ro.remove(0));
        expectUoe("unmodifiableList.iterator.remove", () -> {
            Iterator<String> it = ro.iterator();
            it.next();
            it.remove();
        });
        words.add("view");
        System.out.println("view reflects change " + ro.size() + " " + ro.get(ro.size() - 1));
        Map<String, Integer> base = new TreeMap<>(Map.of("k1", 1, "k2", 2));
        Map<String, Integer> roMap = Collections.unmodifiableMap(base);
        expectUoe("unmodifiableMap.put", () -> roMap.put("k3", 3));
        System.out.println(roMap + " " + roMap.get("k2"));
        Set<Integer> roSet = Collections.unmodifiableSet(new TreeSet<>(Set.of(3, 1, 2)));
        expectUoe("unmodifiableSet.add", () -> roSet.add(4));
        System.out.println(roSet);
        List<Object> empty = Collections.emptyList();
        System.out.println(empty + " " + empty.size() + " " + empty.isEmpty() + " " + Collections.emptyMap() + " " + Collections.emptySet());
        expectUoe("emptyList.add", () -> empty.add(1));
        List<String> single = Collections.singletonList("only");
        System.out.println(single + " " + single.get(0) + " " + single.size());
        expectUoe("singletonList.add", () -> single.add("two"));
        expectUoe("singletonList.set", () -> single.set(0, "two"));
        List<String> copies = Collections.nCopies(4, "ab");
        System.out.println(copies + " " + String.join("", copies) + " " + copies.size());
        expectUoe("nCopies.add", () -> copies.add("x"));
        List<Integer> lof = List.of(1, 2, 3);
        System.out.println(lof + " " + lof.get(1) + " " + lof.contains(3) + " " + lof.indexOf(3) + " " + lof.equals(Arrays.asList(1, 2, 3)) + " " + lof.hashCode());
        expectUoe("List.of.add", () -> lof.add(4));
        expectUoe("List.of.set", () -> lof.set(0, 9));
        expectUoe("List.of.remove", () -> lof.remove(Integer.valueOf(1)));
        expectUoe("List.of.clear", () -> lof.clear());
        expectUoe("List.of(null)", () -> List.of("a", null));
        Set<String> sof = Set.of("x", "y", "z");
        System.out.println(sof.size() + " " + sof.contains("y") + " " + sof.contains("w") + " " + new TreeSet<>(sof));
        expectUoe("Set.of.add", () -> sof.add("w"));
        expectUoe("Set.of.remove", () -> sof.remove("x"));
        expectUoe("Set.of duplicate", () -> Set.of("a", "a"));
        Map<String, Integer> mof = Map.of("a", 1, "b", 2, "c", 3);
        System.out.println(mof.size() + " " + mof.get("b") + " " + mof.containsKey("c") + " " + mof.getOrDefault("q", 0) + " " + new TreeMap<>(mof));
        expectUoe("Map.of.put", () -> mof.put("d", 4));
        expectUoe("Map.of.remove", () -> mof.remove("a"));
        expectUoe("Map.of duplicate key", () -> Map.of("a", 1, "a", 2));
        Map.Entry<String, Integer> en = Map.entry("key", 10);
        System.out.println(en.getKey() + " " + en.getValue() + " " + en);
        List<Integer> copyOf = List.copyOf(nums);
        expectUoe("List.copyOf.add", () -> copyOf.add(1));
        System.out.println(copyOf.equals(nums) + " " + copyOf.size());
        List<Integer> shuffled = new ArrayList<>();
        for (int i = 0; i < 52; i++) shuffled.add(i);
        Random rnd = new Random(2024);
        Collections.shuffle(shuffled, rnd);
        System.out.println(shuffled.subList(0, 13));
        Collections.shuffle(shuffled, rnd);
        System.out.println(shuffled.subList(0, 13));
        LinkedList<Integer> linked = new LinkedList<>(List.of(4, 2, 9, 1));
        Collections.sort(linked);
        Collections.reverse(linked);
        System.out.println(linked);
    }
}
