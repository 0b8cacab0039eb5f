import java.util.*;

public class LibSets {
    static <T> String algebra(String name, Set<T> a, Set<T> b, Set<T> fresh) {
        Set<T> union = copy(a, fresh);
        union.addAll(b);
        Set<T> inter = copy(a, fresh);
        inter.retainAll(b);
        Set<T> diff = copy(a, fresh);
        diff.removeAll(b);
        return name + " union=" + union + " inter=" + inter + " diff=" + diff;
    }

    static <T> Set<T> copy(Set<T> src, Set<T> fresh) {
        Set<T> s;
        if (fresh instanceof TreeSet) s = new TreeSet<>();
        else if (fresh instanceof LinkedHashSet) s = new LinkedHashSet<>();
        else s = new HashSet<>();
        s.addAll(src);
        return s;
    }

    public static void main(String[] args) {
        Set<Integer> h1 = new HashSet<>(Arrays.asList(1, 2, 3, 4, 5, 6, 17, 33, 64));
        Set<Integer> h2 = new HashSet<>(Arrays.asList(4, 5, 6, 7, 8, 33, 100));
        System.out.println(algebra("hash", h1, h2, new HashSet<>()));
        Set<String> l1 = new LinkedHashSet<>(Arrays.asList("q", "w", "e", "r", "t", "y"));
        Set<String> l2 = new LinkedHashSet<>(Arrays.asList("y", "x", "e", "z", "q"));
        System.out.println(algebra("linked", l1, l2, new LinkedHashSet<>()));
        TreeSet<String> t1 = new TreeSet<>(l1);
        TreeSet<String> t2 = new TreeSet<>(l2);
        System.out.println(algebra("tree", t1, t2, new TreeSet<>()));
        System.out.println(h1.containsAll(Set.of(1, 2)) + " " + h1.containsAll(List.of(1, 99)) + " " + h1.contains(17) + " " + h1.add(17) + " " + h1.add(18) + " " + h1.remove(1) + " " + h1.remove(1));
        System.out.println(h1.size() + " " + h1 + " " + h1.isEmpty());
        Set<String> hs = new HashSet<>();
        for (String w : "to be or not to be that is the question".split(" ")) hs.add(w);
        System.out.println(hs + " " + hs.size());
        hs.removeIf(w -> w.length() == 2);
        System.out.println(hs);
        TreeSet<Integer> ts = new TreeSet<>();
        for (int i = 0; i < 30; i++) ts.add((i * 13) % 31);
        System.out.println(ts);
        System.out.println(ts.first() + " " + ts.last() + " " + ts.floor(15) + " " + ts.ceiling(15) + " " + ts.higher(29) + " " + ts.lower(0) + " " + ts.floor(-1) + " " + ts.ceiling(31));
        System.out.println(ts.headSet(5) + " " + ts.tailSet(25) + " " + ts.subSet(10, 14) + " " + ts.headSet(5, true) + " " + ts.tailSet(25, false));
        System.out.println(ts.descendingSet().first() + " " + ts.pollFirst() + " " + ts.pollLast() + " " + ts.size());
        Iterator<Integer> di = ts.descendingIterator();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5 && di.hasNext(); i++) sb.append(di.next()).append(',');
        System.out.println(sb);
        TreeSet<String> byLen = new TreeSet<>(Comparator.comparing(String::length).thenComparing(Comparator.reverseOrder()));
        byLen.addAll(Arrays.asList("kiwi", "fig", "banana", "apple", "date", "plum", "cherry"));
        System.out.println(byLen + " first=" + byLen.first() + " last=" + byLen.last() + " ceiling(zzzz)=" + byLen.ceiling("zzzz"));
        LinkedHashSet<Character> seen = new LinkedHashSet<>();
        for (char c : "mississippi river".toCharArray()) seen.add(c);
        System.out.println(seen + " " + seen.size() + " " + seen.contains('s'));
        seen.remove('i');
        seen.add('i');
        System.out.println(seen);
        Set<Integer> eq1 = new HashSet<>(List.of(1, 2, 3));
        Set<Integer> eq2 = new TreeSet<>(List.of(3, 2, 1));
        System.out.println(eq1.equals(eq2) + " " + eq2.equals(eq1) + " " + (eq1.hashCode() == eq2.hashCode()) + " " + eq1.hashCode());
        Set<List<Integer>> ofLists = new HashSet<>();
        ofLists.add(List.of(1, 2));
        ofLists.add(Arrays.asList(1, 2));
        ofLists.add(new ArrayList<>(List.of(2, 1)));
        System.out.println(ofLists.size() + " " + ofLists.contains(List.of(2, 1)));
        try {
            new TreeSet<Integer>().first();
        } catch (NoSuchElementException e) {
            System.out.println("first on empty: NoSuchElementException");
        }
        try {
            Iterator<Integer> it = eq2.iterator();
            it.next();
            eq2.add(50);
            it.next();
        } catch (ConcurrentModificationException e) {
            System.out.println("TreeSet CME");
        }
        Set<Integer> big = new HashSet<>();
        for (int i = 0; i < 5000; i++) big.add(i * 31 % 4999);
        int s = 0;
        for (int v : big) s += v;
        System.out.println(big.size() + " " + s + " " + big.contains(4998) + " " + big.contains(5000));
        Object[] arr = ts.toArray();
        Integer[] iarr = ts.toArray(new Integer[0]);
        System.out.println(arr.length + " " + arr[0] + " " + iarr[iarr.length - 1]);
    }
}
