import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

public class RecordsMore {
    interface Shape {
        double area();
    }

    record Range(int lo, int hi) {
        Range {
            if (lo > hi) {
                int t = lo;
                lo = hi;
                hi = t;
            }
        }

        Range(int single) {
            this(single, single);
        }

        int length() {
            return hi - lo;
        }

        static Range of(String s) {
            String[] parts = s.split("-");
            return new Range(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        }
    }

    record Rect(Range x, Range y) implements Shape {
        public double area() {
            return (double) x.length() * y.length();
        }
    }

    record Person(String name, int age) {
        public String name() {
            return name.toUpperCase();
        }

        @Override
        public String toString() {
            return name + "(" + age + ")";
        }
    }

    record Pair<A, B>(A first, B second) {
        <C> Pair<A, C> withSecond(C c) {
            return new Pair<>(first, c);
        }
    }

    record Mixed(byte b, short s, float f, double d, long l, boolean z, char c, Object o) {}

    record Empty() {}

    static int counter;

    record Counted(int v) {
        Counted {
            counter++;
        }
    }

    public static void main(String[] args) {
        Range r = new Range(9, 2);
        System.out.println(r + " " + r.lo() + " " + r.hi() + " " + r.length());
        System.out.println(new Range(5) + " " + Range.of("3-8") + " " + Range.of("8-3").equals(Range.of("3-8")));
        Rect rect = new Rect(new Range(0, 4), new Range(1, 3));
        System.out.println(rect + " area " + rect.area());
        Shape s = rect;
        System.out.println(s.area() + " " + (s instanceof Record) + " " + (s instanceof Rect));
        System.out.println(rect.equals(new Rect(new Range(4, 0), new Range(3, 1))) + " " + (rect.hashCode() == new Rect(new Range(0, 4), new Range(1, 3)).hashCode()));
        System.out.println(r.hashCode() + " " + new Range(0, 0).hashCode() + " " + rect.hashCode());
        Person p = new Person("ada", 36);
        System.out.println(p + " " + p.name() + " " + p.age() + " " + p.equals(new Person("ada", 36)) + " " + p.equals(new Person("ADA", 36)));
        System.out.println(p.hashCode() == new Person("ada", 36).hashCode());
        Pair<String, Integer> pair = new Pair<>("k", 1);
        Pair<String, List<String>> pair2 = pair.withSecond(new ArrayList<>(List.of("a", "b")));
        System.out.println(pair + " " + pair2 + " " + pair2.second().size());
        System.out.println(new Pair<>(null, null) + " " + new Pair<>(null, 1).equals(new Pair<>(null, 1)) + " " + new Pair<>(null, null).hashCode());
        Mixed m = new Mixed((byte) -3, (short) 300, 1.5f, -0.25, 1L << 40, true, 'x', "obj");
        System.out.println(m);
        System.out.println(m.equals(new Mixed((byte) -3, (short) 300, 1.5f, -0.25, 1L << 40, true, 'x', "obj")) + " " + m.hashCode());
        Mixed nan1 = new Mixed((byte) 0, (short) 0, Float.NaN, Double.NaN, 0, false, 'a', null);
        Mixed nan2 = new Mixed((byte) 0, (short) 0, Float.NaN, Double.NaN, 0, false, 'a', null);
        System.out.println(nan1.equals(nan2) + " " + nan1.hashCode());
        Mixed z1 = new Mixed((byte) 0, (short) 0, 0.0f, 0.0, 0, false, 'a', null);
        Mixed z2 = new Mixed((byte) 0, (short) 0, -0.0f, -0.0, 0, false, 'a', null);
        System.out.println(z1.equals(z2) + " " + z1.hashCode() + " " + z2.hashCode());
        System.out.println(new Empty() + " " + new Empty().equals(new Empty()) + " " + new Empty().hashCode());
        Set<Range> set = new HashSet<>();
        for (int i = 0; i < 10; i++) set.add(new Range(i % 3, 5));
        System.out.println(set.size() + " " + set.contains(new Range(5, 1)));
        for (int i = 0; i < 4; i++) new Counted(i);
        System.out.println("counted " + counter);
        Object o = new Rect(new Range(1, 2), new Range(3, 4));
        if (o instanceof Rect rr && rr.x().lo() == 1) System.out.println("matched " + rr.y());
        System.out.println(o.getClass().getName() + " " + o.getClass().getSimpleName());
    }
}
