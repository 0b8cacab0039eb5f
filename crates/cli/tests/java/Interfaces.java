public class Interfaces {
    interface Greeter {
        String name();

        default String greet() {
            return "Hello, " + name() + suffix();
        }

        private String suffix() {
            return "!";
        }

        static Greeter of(String n) {
            return () -> n;
        }
    }

    interface Loud extends Greeter {
        default String greet() {
            return ("Hello, " + name() + "!").toUpperCase();
        }
    }

    static class Person implements Greeter {
        public String name() {
            return "Ada";
        }
    }

    static class Shouter extends Person implements Loud {}

    interface Counter {
        int next();

        int LIMIT = 3;
    }

    static abstract class Base implements Counter, Comparable<Base> {
        protected int n;

        public int compareTo(Base o) {
            return Integer.compare(n, o.n);
        }
    }

    static class Up extends Base {
        public int next() {
            return n < LIMIT ? ++n : n;
        }
    }

    public static void main(String[] args) {
        Greeter g = new Person();
        System.out.println(g.greet());
        System.out.println(new Shouter().greet());
        System.out.println(Greeter.of("Bob").greet());
        Counter c = new Up();
        for (int i = 0; i < 5; i++) System.out.print(c.next() + " ");
        System.out.println();
        Base a = new Up(), b = new Up();
        a.next();
        System.out.println(a.compareTo(b) + " " + b.compareTo(a) + " " + (a instanceof Comparable) + " " + (a instanceof Counter) + " " + (g instanceof Counter));
        Object o = new Shouter();
        System.out.println((o instanceof Greeter) + " " + (o instanceof Loud) + " " + ((Greeter) o).name());
        try {
            Counter bad = (Counter) o;
            System.out.println(bad);
        } catch (ClassCastException e) {
            System.out.println("not a Counter");
        }
        Comparable<String> cs = "abc";
        System.out.println(cs.compareTo("abd") + " " + ("x" instanceof Comparable));
    }
}
