import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

public class GenericsBridge {
    static class Version implements Comparable<Version> {
        final int major, minor;

        Version(int major, int minor) {
            this.major = major;
            this.minor = minor;
        }

        public int compareTo(Version o) {
            return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
        }

        public String toString() {
            return major + "." + minor;
        }
    }

    static class Animal {
        Animal self() {
            return this;
        }

        Object make() {
            return "animal-made";
        }

        public String toString() {
            return "Animal";
        }
    }

    static class Dog extends Animal {
        @Override
        Dog self() {
            return this;
        }

        @Override
        String make() {
            return "dog-made";
        }

        String bark() {
            return "woof";
        }

        public String toString() {
            return "Dog";
        }
    }

    interface Transformer<T, R> {
        R apply(T t);
    }

    static class Length implements Transformer<String, Integer> {
        public Integer apply(String s) {
            return s.length();
        }
    }

    static abstract class Node<T extends Number> {
        abstract T value();

        double doubled() {
            return value().doubleValue() * 2;
        }
    }

    static class IntNode extends Node<Integer> {
        Integer value() {
            return 21;
        }
    }

    static <T extends Comparable<? super T>> T max(List<? extends T> items) {
        T best = items.get(0);
        for (T t : items) if (t.compareTo(best) > 0) best = t;
        return best;
    }

    static <T> void swap(T[] arr, int i, int j) {
        T t = arr[i];
        arr[i] = arr[j];
        arr[j] = t;
    }

    static <A, B> List<B> map(List<A> in, Function<? super A, ? extends B> f) {
        List<B> out = new ArrayList<>();
        for (A a : in) out.add(f.apply(a));
        return out;
    }

    static double sum(List<? extends Number> nums) {
        double s = 0;
        for (Number n : nums) s += n.doubleValue();
        return s;
    }

    static void fill(List<? super Integer> sink, int n) {
        for (int i = 0; i < n; i++) sink.add(i);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) {
        List<Version> vs = new ArrayList<>(List.of(new Version(1, 10), new Version(2, 0), new Version(1, 2)));
        Collections.sort(vs);
        System.out.println(vs + " max " + max(vs));
        Comparable raw = new Version(3, 1);
        System.out.println(raw.compareTo(new Version(3, 0)) + " " + raw.compareTo(new Version(4, 0)));
        try {
            raw.compareTo("not a version");
        } catch (ClassCastException e) {
            System.out.println("CCE via bridge");
        }
        Animal a = new Dog();
        System.out.println(a.self() + " " + a.make() + " " + new Dog().self().bark());
        Animal plain = new Animal();
        System.out.println(plain.self() + " " + plain.make());
        Transformer<String, Integer> t = new Length();
        System.out.println(t.apply("hello") + 1);
        Transformer rawT = t;
        System.out.println(rawT.apply("four"));
        try {
            rawT.apply(42);
        } catch (ClassCastException e) {
            System.out.println("CCE via raw transformer");
        }
        Node<Integer> node = new IntNode();
        System.out.println(node.value() + " " + node.doubled());
        String[] arr = {"a", "b", "c"};
        swap(arr, 0, 2);
        System.out.println(Arrays.toString(arr));
        System.out.println(map(List.of("x", "yy", "zzz"), String::length) + " " + map(List.of(1, 2, 3), i -> "n" + i));
        System.out.println(sum(List.of(1, 2.5, 3L)) + " " + max(List.of("pear", "apple", "zoo")) + " " + max(List.of(3, 9, 4)));
        List<Number> sink = new ArrayList<>();
        fill(sink, 4);
        List<Object> objs = new ArrayList<>();
        fill(objs, 2);
        System.out.println(sink + " " + objs);
        List rawList = new ArrayList();
        rawList.add("s");
        rawList.add(1);
        List<String> strs = rawList;
        System.out.println(strs.size() + " " + strs.get(0));
        try {
            String bad = strs.get(1);
            System.out.println("no " + bad);
        } catch (ClassCastException e) {
            System.out.println("CCE on heap pollution");
        }
        Object o = strs.get(1);
        System.out.println("as object " + o);
    }
}
