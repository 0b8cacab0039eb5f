import java.util.*;
import java.util.function.*;

public class LibFunctions {
    static class Emp {
        final String name, dept;
        final int salary;
        final Integer rank;

        Emp(String name, String dept, int salary, Integer rank) {
            this.name = name;
            this.dept = dept;
            this.salary = salary;
            this.rank = rank;
        }

        String getName() { return name; }
        String getDept() { return dept; }
        int getSalary() { return salary; }

        public String toString() { return name; }
    }

    static int applyTwice(IntUnaryOperator f, int x) { return f.applyAsInt(f.applyAsInt(x)); }

    static <T> List<T> filter(List<T> in, Predicate<T> p) {
        List<T> out = new ArrayList<>();
        for (T t : in) if (p.test(t)) out.add(t);
        return out;
    }

    public static void main(String[] args) {
        Function<Integer, Integer> plus3 = x -> x + 3;
        Function<Integer, Integer> times2 = x -> x * 2;
        System.out.println(plus3.andThen(times2).apply(5) + " " + plus3.compose(times2).apply(5) + " " + Function.<Integer>identity().apply(9) + " " + plus3.andThen(Object::toString).apply(1).length());
        Function<String, String> pipeline = Function.<String>identity().andThen(String::trim).andThen(String::toUpperCase).andThen(s -> s + "!");
        System.out.println(pipeline.apply("  hello  "));
        Predicate<Integer> even = x -> x % 2 == 0;
        Predicate<Integer> big = x -> x > 10;
        List<Integer> nums = List.of(1, 4, 11, 12, 7, 20, 3);
        System.out.println(filter(nums, even) + " " + filter(nums, even.and(big)) + " " + filter(nums, even.or(big)) + " " + filter(nums, even.negate()) + " " + filter(nums, Predicate.not(big)));
        Predicate<String> isEmpty = String::isEmpty;
        System.out.println(isEmpty.test("") + " " + isEmpty.negate().test("") + " " + Predicate.isEqual("x").test("x"));
        BiFunction<Integer, Integer, Integer> pow = (b, e) -> (int) Math.pow(b, e);
        System.out.println(pow.apply(2, 10) + " " + pow.andThen(x -> x - 1).apply(3, 3));
        Supplier<List<String>> sup = ArrayList::new;
        List<String> fresh = sup.get();
        fresh.add("made");
        System.out.println(fresh + " " + (sup.get() != fresh));
        UnaryOperator<String> twice = s -> s + s;
        BinaryOperator<Integer> maxOp = BinaryOperator.maxBy(Comparator.naturalOrder());
        BinaryOperator<Integer> minOp = BinaryOperator.minBy(Comparator.naturalOrder());
        System.out.println(twice.apply("ab") + " " + UnaryOperator.identity().apply("same") + " " + maxOp.apply(3, 8) + " " + minOp.apply(3, 8));
        IntBinaryOperator gcd = new IntBinaryOperator() {
            public int applyAsInt(int a, int b) { return b == 0 ? a : applyAsInt(b, a % b); }
        };
        System.out.println(gcd.applyAsInt(84, 36) + " " + applyTwice(x -> x * x, 3) + " " + applyTwice(Math::abs, -4));
        IntPredicate odd = x -> (x & 1) == 1;
        IntFunction<String> stars = n -> "*".repeat(n);
        ToIntFunction<String> len = String::length;
        IntSupplier seven = () -> 7;
        BooleanSupplier yes = () -> true;
        System.out.println(odd.test(3) + " " + odd.negate().test(3) + " " + stars.apply(4) + " " + len.applyAsInt("four") + " " + seven.getAsInt() + " " + yes.getAsBoolean());
        StringBuilder log = new StringBuilder();
        Consumer<String> c1 = s -> log.append("[").append(s).append("]");
        Consumer<String> c2 = s -> log.append(s.length());
        c1.andThen(c2).accept("xyz");
        BiConsumer<String, Integer> bc = (k, v) -> log.append(' ').append(k).append('=').append(v);
        bc.accept("k", 1);
        System.out.println(log);
        List<Emp> emps = new ArrayList<>(List.of(
            new Emp("Ann", "eng", 120, 2), new Emp("Bob", "ops", 90, null), new Emp("Cat", "eng", 120, 1),
            new Emp("Dan", "ops", 95, 3), new Emp("Eve", "eng", 150, null), new Emp("Fay", "hr", 90, 4)));
        emps.sort(Comparator.comparing(Emp::getName).reversed());
        System.out.println("name desc " + emps);
        emps.sort(Comparator.comparing(Emp::getDept).thenComparing(Emp::getSalary, Comparator.reverseOrder()).thenComparing(Emp::getName));
        System.out.println("dept, salary desc, name " + emps);
        emps.sort(Comparator.comparingInt(Emp::getSalary).thenComparing(Comparator.comparing(Emp::getName).reversed()));
        System.out.println("salary, name desc " + emps);
        emps.sort(Comparator.comparing((Emp e) -> e.rank, Comparator.nullsFirst(Comparator.naturalOrder())));
        System.out.println("rank nullsFirst " + emps);
        emps.sort(Comparator.comparing((Emp e) -> e.rank, Comparator.nullsLast(Comparator.reverseOrder())));
        System.out.println("rank nullsLast reversed " + emps);
        List<String> strs = new ArrayList<>(List.of("delta", "Alpha", "charlie", "bravo", "Echo"));
        strs.sort(Comparator.naturalOrder());
        System.out.println(strs);
        strs.sort(Comparator.reverseOrder());
        System.out.println(strs);
        strs.sort(String::compareToIgnoreCase);
        System.out.println(strs);
        strs.sort(Comparator.comparing(String::length).thenComparing(Function.identity()));
        System.out.println(strs);
        Comparator<String> byLast = Comparator.comparing(s -> s.charAt(s.length() - 1));
        strs.sort(byLast.thenComparing(Comparator.reverseOrder()));
        System.out.println(strs);
        Comparator<Double> dcmp = Comparator.comparingDouble(d -> Math.abs(d - 1.0));
        List<Double> ds = new ArrayList<>(List.of(0.5, 2.0, 1.1, -1.0, 0.95));
        ds.sort(dcmp);
        System.out.println(ds + " " + dcmp.compare(0.5, 1.5));
        Map<String, Function<Double, Double>> ops = new TreeMap<>();
        ops.put("sq", x -> x * x);
        ops.put("neg", x -> -x);
        ops.put("half", x -> x / 2);
        double v = 3;
        for (Map.Entry<String, Function<Double, Double>> e : ops.entrySet()) {
            v = e.getValue().apply(v);
            System.out.print(e.getKey() + "->" + v + " ");
        }
        System.out.println();
        Runnable r = () -> System.out.println("runnable ran");
        r.run();
        Function<Integer, Function<Integer, Integer>> adder = a -> b -> a + b;
        System.out.println(adder.apply(10).apply(5));
    }
}
