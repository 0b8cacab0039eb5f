import java.util.*;

public class LibArrayList {
    public static void main(String[] args) {
        List<String> list = new ArrayList<>();
        System.out.println(list + " " + list.isEmpty() + " " + list.size());
        list.add("delta");
        list.add("alpha");
        list.add("charlie");
        list.add(0, "echo");
        list.add(2, "bravo");
        System.out.println(list + " " + list.size() + " " + list.get(2) + " " + list.isEmpty());
        System.out.println(list.set(1, "DELTA") + " -> " + list);
        System.out.println(list.indexOf("charlie") + " " + list.indexOf("zulu") + " " + list.contains("bravo") + " " + list.contains(null));
        list.add("bravo");
        System.out.println(list.lastIndexOf("bravo") + " " + list.indexOf("bravo"));
        System.out.println(list.remove("bravo") + " " + list + " " + list.remove("zulu"));
        System.out.println(list.remove(0) + " " + list);
        List<Integer> nums = new ArrayList<>(List.of(5, 3, 8, 1, 9, 2, 7));
        nums.remove(Integer.valueOf(8));
        nums.remove(0);
        System.out.println(nums);
        nums.addAll(Arrays.asList(4, 6));
        nums.addAll(0, List.of(100, 200));
        System.out.println(nums + " " + nums.containsAll(List.of(1, 9)) + " " + nums.containsAll(List.of(1, 99)));
        nums.sort(null);
        System.out.println("natural " + nums);
        nums.sort((x, y) -> y - x);
        System.out.println("reversed " + nums);
        nums.sort(Comparator.comparing(x -> x % 10));
        System.out.println("by last digit (stable) " + nums);
        nums.removeIf(x -> x > 50);
        System.out.println("removeIf " + nums);
        nums.replaceAll(x -> x * 10);
        System.out.println("replaceAll " + nums);
        Iterator<Integer> it = nums.iterator();
        while (it.hasNext()) {
            int v = it.next();
            if (v % 20 == 0) it.remove();
        }
        System.out.println("iterator remove " + nums);
        try {
            Iterator<Integer> it2 = nums.iterator();
            it2.remove();
        } catch (IllegalStateException e) {
            System.out.println("IllegalStateException");
        }
        try {
            for (Integer n : nums) {
                if (n == 30) nums.add(99);
            }
        } catch (ConcurrentModificationException e) {
            System.out.println("CME on add during iteration");
        }
        System.out.println(nums);
        List<Integer> seq = new ArrayList<>();
        for (int i = 0; i < 20; i++) seq.add(i * i);
        List<Integer> sub = seq.subList(5, 10);
        System.out.println(sub + " " + sub.size() + " " + sub.get(0) + " " + sub.indexOf(64) + " " + sub.contains(100));
        Object[] arr = seq.toArray();
        Integer[] typed = seq.toArray(new Integer[0]);
        Integer[] big = seq.toArray(new Integer[25]);
        System.out.println(arr.length + " " + arr[3] + " " + typed.length + " " + typed[19] + " " + big.length + " " + big[20]);
        List<String> a1 = new ArrayList<>(List.of("x", "y", "z"));
        List<String> a2 = new LinkedList<>(List.of("x", "y", "z"));
        System.out.println(a1.equals(a2) + " " + (a1.hashCode() == a2.hashCode()) + " " + a1.hashCode() + " " + a1.equals(List.of("x", "y")));
        List<Object> objs = new ArrayList<>();
        objs.add(1);
        objs.add("two");
        objs.add(null);
        objs.add(3.0);
        objs.add(List.of(4, 5));
        System.out.println(objs + " " + objs.indexOf(null) + " " + objs.hashCode());
        try {
            list.get(10);
        } catch (IndexOutOfBoundsException e) {
            System.out.println("IOOBE: " + e.getMessage());
        }
        try {
            list.add(-1, "x");
        } catch (IndexOutOfBoundsException e) {
            System.out.println("IOOBE add: " + e.getMessage());
        }
        try {
            new ArrayList<Integer>().remove(0);
        } catch (IndexOutOfBoundsException e) {
            System.out.println("IOOBE remove: " + e.getMessage());
        }
        ListIterator<String> li = list.listIterator();
        while (li.hasNext()) {
            int idx = li.nextIndex();
            String v = li.next();
            li.set(v.toUpperCase() + idx);
        }
        System.out.println(list);
        while (li.hasPrevious()) System.out.print(li.previous() + " ");
        System.out.println();
        ArrayList<Integer> growing = new ArrayList<>(2);
        long total = 0;
        for (int i = 0; i < 10000; i++) growing.add(i);
        for (int i = 0; i < growing.size(); i += 3) total += growing.get(i);
        growing.subList(0, 9990).clear();
        System.out.println(total + " " + growing);
        list.clear();
        System.out.println(list + " " + list.size());
        List<String> words = new ArrayList<>(List.of("pear", "fig", "banana", "kiwi", "apple"));
        words.sort(Comparator.comparing(String::length).thenComparing(Comparator.naturalOrder()));
        System.out.println(words);
        words.forEach(w -> System.out.print(w.charAt(0)));
        System.out.println();
    }
}
