import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.Predicate;
import java.util.function.Supplier;

public class Lambdas {
    interface Op {
        int apply(int a, int b);

        default Op twice() {
            return (a, b) -> apply(apply(a, b), b);
        }
    }

    int base = 100;

    int addBase(int x) {
        return x + base;
    }

    static int square(int x) {
        return x * x;
    }

    void instance() {
        Function<Integer, Integer> f = x -> x + base;
        Function<Integer, Integer> g = this::addBase;
        System.out.println(f.apply(1) + " " + g.apply(2) + " " + f.andThen(g).apply(3));
    }

    public static void main(String[] args) {
        Op add = (a, b) -> a + b;
        Op mul = (a, b) -> a * b;
        System.out.println(add.apply(3, 4) + " " + mul.apply(3, 4) + " " + add.twice().apply(3, 4));
        int k = 10;
        Function<Integer, Integer> addK = x -> x + k;
        Function<Integer, Integer> sq = Lambdas::square;
        System.out.println(addK.apply(5) + " " + sq.apply(7) + " " + addK.compose(sq).apply(3));
        Supplier<List<String>> make = ArrayList::new;
        List<String> list = make.get();
        list.add("pear");
        list.add("fig");
        list.add("banana");
        Function<String, Integer> len = String::length;
        System.out.println(len.apply("hello") + " " + list);
        list.sort(Comparator.comparing(String::length));
        System.out.println(list);
        list.sort(Comparator.naturalOrder());
        System.out.println(list);
        Predicate<String> longWord = s -> s.length() > 3;
        System.out.println(longWord.test("fig") + " " + longWord.negate().test("fig") + " " + longWord.and(s -> s.startsWith("p")).test("pear"));
        BiFunction<String, Integer, String> rep = String::repeat;
        System.out.println(rep.apply("ab", 3));
        IntBinaryOperator max = Math::max;
        System.out.println(max.applyAsInt(3, 9));
        Runnable r = () -> System.out.println("ran " + k);
        r.run();
        new Lambdas().instance();
        String[] words = {"delta", "alpha", "charlie", "bravo"};
        Arrays.sort(words, (a, b) -> b.compareTo(a));
        System.out.println(Arrays.toString(words));
        Comparator<String> byLast = Comparator.comparing(s -> s.charAt(s.length() - 1));
        Arrays.sort(words, byLast.thenComparing(Comparator.reverseOrder()));
        System.out.println(Arrays.toString(words));
    }
}
