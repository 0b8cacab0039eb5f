import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

public class MethodRefs {
    final String name;
    int hits;

    MethodRefs(String name) {
        this.name = name;
    }

    MethodRefs() {
        this("default");
    }

    static int twice(int x) {
        return x * 2;
    }

    String greet(String who) {
        hits++;
        return name + " greets " + who;
    }

    String shout() {
        return name.toUpperCase() + "!";
    }

    static class Base {
        String id() {
            return "base";
        }
    }

    static class Derived extends Base {
        String id() {
            return "derived";
        }

        Supplier<String> superRef() {
            return super::id;
        }

        Supplier<String> thisRef() {
            return this::id;
        }
    }

    Supplier<String> capturesThis() {
        return () -> name + " hits=" + hits;
    }

    List<Supplier<String>> loopCaptures() {
        List<Supplier<String>> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int copy = i;
            String tag = name + copy;
            out.add(() -> tag + ":" + copy * 10);
        }
        for (String s : new String[] {"p", "q"}) out.add(() -> s + s);
        return out;
    }

    public static void main(String[] args) {
        IntUnaryOperator st = MethodRefs::twice;
        Function<Integer, Integer> boxedSt = MethodRefs::twice;
        System.out.println(st.applyAsInt(21) + " " + boxedSt.apply(5) + " " + st.applyAsInt(st.applyAsInt(3)));
        MethodRefs m = new MethodRefs("ann");
        Function<String, String> bound = m::greet;
        System.out.println(bound.apply("bob") + " / " + bound.apply("cy") + " hits=" + m.hits);
        Function<MethodRefs, String> unbound = MethodRefs::shout;
        BiFunction<MethodRefs, String, String> unbound2 = MethodRefs::greet;
        System.out.println(unbound.apply(m) + " " + unbound.apply(new MethodRefs("zed")) + " " + unbound2.apply(m, "dee") + " hits=" + m.hits);
        Function<String, MethodRefs> ctor = MethodRefs::new;
        Supplier<MethodRefs> ctor0 = MethodRefs::new;
        System.out.println(ctor.apply("made").name + " " + ctor0.get().name + " " + unbound.apply(ctor.apply("chain")));
        IntFunction<int[]> arrCtor = int[]::new;
        Function<Integer, String[]> sArr = String[]::new;
        System.out.println(arrCtor.apply(4).length + " " + sArr.apply(2).length + " " + Arrays.toString(arrCtor.apply(2)));
        Function<String, Integer> parse = Integer::parseInt;
        Function<String, String> trim = String::trim;
        BinaryOperator<Integer> max = Math::max;
        System.out.println(parse.apply("123") + 1 + " [" + trim.apply("  t  ") + "] " + max.apply(3, 8) + " " + trim.andThen(String::length).apply(" abc "));
        Derived d = new Derived();
        System.out.println(d.superRef().get() + " " + d.thisRef().get());
        Supplier<String> cap = m.capturesThis();
        System.out.println(cap.get());
        m.greet("x");
        System.out.println(cap.get());
        for (Supplier<String> s : m.loopCaptures()) System.out.print(s.get() + " ");
        System.out.println();
        int base = 7;
        String suffix = "!";
        Function<Integer, String> fmt = x -> (x + base) + suffix;
        UnaryOperator<String> up = String::toUpperCase;
        System.out.println(fmt.apply(3) + " " + up.apply("up") + " " + Function.<Integer>identity().apply(9));
        StringBuilder sb = new StringBuilder();
        Consumer<String> append = sb::append;
        append.andThen(s -> sb.append('|')).accept("one");
        append.accept("two");
        System.out.println(sb);
        List<String> words = new ArrayList<>(List.of("kiwi", "Apple", "fig", "banana"));
        words.sort(String::compareToIgnoreCase);
        System.out.println(words);
        words.forEach(w -> sb.append(w.charAt(0)));
        words.replaceAll(String::toLowerCase);
        System.out.println(sb + " " + words);
        Runnable r = m::shout;
        r.run();
        Function<Integer, Function<Integer, Integer>> curried = a -> b -> a * 10 + b;
        System.out.println(curried.apply(4).apply(2));
        Supplier<Supplier<String>> nested = () -> () -> "nested " + base;
        System.out.println(nested.get().get());
        BiFunction<String, Integer, Character> charAt = String::charAt;
        System.out.println(charAt.apply("hello", 1) + " " + charAt.andThen(c -> (int) c).apply("A", 0));
        Object o = (Runnable) () -> System.out.println("cast lambda ran");
        ((Runnable) o).run();
    }
}
