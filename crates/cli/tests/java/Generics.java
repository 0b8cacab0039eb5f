import java.util.ArrayList;
import java.util.List;

public class Generics {
    static class Box<T extends Comparable<T>> {
        private T value;

        Box(T value) {
            this.value = value;
        }

        T get() {
            return value;
        }

        boolean bigger(Box<T> other) {
            return value.compareTo(other.value) > 0;
        }
    }

    static class Pair<A, B> {
        final A first;
        final B second;

        Pair(A a, B b) {
            first = a;
            second = b;
        }

        <C> Pair<A, C> withSecond(C c) {
            return new Pair<>(first, c);
        }

        public String toString() {
            return "(" + first + ", " + second + ")";
        }
    }

    interface Transformer<T> {
        T transform(T t);
    }

    static class Doubler implements Transformer<Integer> {
        public Integer transform(Integer t) {
            return t * 2;
        }
    }

    static <T extends Comparable<T>> T max(List<T> list) {
        T best = list.get(0);
        for (T t : list) if (t.compareTo(best) > 0) best = t;
        return best;
    }

    static int sum(int... xs) {
        int s = 0;
        for (int x : xs) s += x;
        return s;
    }

    static String join(String sep, Object... parts) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) b.append(sep);
            b.append(parts[i]);
        }
        return b.toString();
    }

    public static void main(String[] args) {
        Box<Integer> a = new Box<>(5), b = new Box<>(7);
        System.out.println(a.get() + " " + a.bigger(b) + " " + b.bigger(a));
        Pair<String, Integer> p = new Pair<>("x", 1);
        System.out.println(p + " " + p.withSecond(2.5));
        Transformer<Integer> t = new Doubler();
        System.out.println(t.transform(21));
        List<String> words = new ArrayList<>();
        words.add("kiwi");
        words.add("apple");
        words.add("mango");
        System.out.println(max(words));
        System.out.println(sum() + " " + sum(1) + " " + sum(1, 2, 3, 4));
        System.out.println(join("/", "a", 1, 2.0, 'c', true, null));
        List<Integer> nums = new ArrayList<>();
        for (int i = 0; i < 5; i++) nums.add(i * i);
        int total = 0;
        for (int n : nums) total += n;
        System.out.println(nums + " " + total);
        Integer x = 127, y = 127, big1 = 1000, big2 = 1000;
        System.out.println((x == y) + " " + (big1 == big2) + " " + big1.equals(big2));
        Long l = 5L;
        Double d = 2.5;
        Character c = 'z';
        Boolean f = false;
        System.out.println(l + d + " " + c + " " + !f + " " + (l.intValue() + c));
    }
}
