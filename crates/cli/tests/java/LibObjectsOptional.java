import java.util.*;

public class LibObjectsOptional {
    static final class Range implements Iterable<Integer> {
        final int from, to, step;
        Range(int from, int to, int step) { this.from = from; this.to = to; this.step = step; }
        public Iterator<Integer> iterator() {
            return new Iterator<Integer>() {
                int next = from;
                public boolean hasNext() {
                    return step > 0 ? next < to : next > to;
                }
                public Integer next() {
                    if (!hasNext()) throw new NoSuchElementException("range exhausted at " + next);
                    int v = next;
                    next += step;
                    return v;
                }
            };
        }
    }

    static class Node<T> implements Iterable<T> {
        T value;
        Node<T> next;
        Node(T value, Node<T> next) { this.value = value; this.next = next; }
        public Iterator<T> iterator() {
            Node<T> start = this;
            return new Iterator<T>() {
                Node<T> cur = start;
                public boolean hasNext() { return cur != null; }
                public T next() {
                    T v = cur.value;
                    cur = cur.next;
                    return v;
                }
            };
        }
    }

    static class Person {
        final String name;
        final int age;
        Person(String name, int age) {
            this.name = Objects.requireNonNull(name, "name must not be null");
            this.age = age;
        }
        @Override
        public boolean equals(Object o) {
            if (this == o) return true;
            if (!(o instanceof Person)) return false;
            Person p = (Person) o;
            return age == p.age && Objects.equals(name, p.name);
        }
        @Override public int hashCode() { return Objects.hash(name, age); }
        @Override public String toString() { return "Person(" + name + ", " + age + ")"; }
    }

    static Optional<Person> find(List<Person> people, String name) {
        for (Person p : people) if (p.name.equals(name)) return Optional.of(p);
        return Optional.empty();
    }

    public static void main(String[] args) {
        System.out.println(Objects.equals(null, null) + " " + Objects.equals("a", null) + " " + Objects.equals(null, "a") + " " + Objects.equals("a", "a") + " " + Objects.equals(1, 1L));
        System.out.println(Objects.hash(1, 2, 3) + " " + Objects.hash("a", null) + " " + Objects.hash() + " " + Objects.hashCode(null) + " " + Objects.hashCode("abc"));
        System.out.println(Objects.toString(null) + " " + Objects.toString(null, "default") + " " + Objects.toString(42, "default") + " " + Objects.isNull(null) + " " + Objects.nonNull(null) + " " + Objects.requireNonNullElse(null, "else"));
        try {
            Objects.requireNonNull(null, "custom message here");
        } catch (NullPointerException e) {
            System.out.println("NPE: " + e.getMessage());
        }
        try {
            new Person(null, 3);
        } catch (NullPointerException e) {
            System.out.println("NPE: " + e.getMessage());
        }
        Person a = new Person("Ann", 30), b = new Person("Ann", 30), c = new Person("Bob", 25);
        System.out.println(a.equals(b) + " " + a.equals(c) + " " + (a.hashCode() == b.hashCode()) + " " + a.hashCode() + " " + c);
        Set<Person> set = new HashSet<>(List.of(a, c));
        System.out.println(set.contains(b) + " " + set.size());
        Object plain = new Object();
        String ds = plain.toString();
        System.out.println(ds.startsWith("java.lang.Object@") + " " + (ds.length() > 17) + " " + (plain.hashCode() == plain.hashCode()) + " " + plain.equals(plain));
        System.out.println(String.valueOf(new int[0]).startsWith("[I@") + " " + new String[0].toString().startsWith("[Ljava.lang.String;@") + " " + new Range(0, 1, 1).toString().startsWith("LibObjectsOptional$Range@"));
        List<Person> people = List.of(a, c, new Person("Cid", 41));
        Optional<Person> found = find(people, "Bob");
        Optional<Person> missing = find(people, "Zed");
        System.out.println(found + " " + missing + " " + found.isPresent() + " " + missing.isPresent() + " " + missing.isEmpty());
        System.out.println(found.map(p -> p.age).orElse(-1) + " " + missing.map(p -> p.age).orElse(-1));
        System.out.println(found.filter(p -> p.age > 30).isPresent() + " " + find(people, "Cid").filter(p -> p.age > 30).get());
        System.out.println(missing.orElseGet(() -> new Person("Default", 0)) + " " + found.orElseGet(() -> new Person("Default", 0)));
        found.ifPresent(p -> System.out.println("present: " + p.name));
        missing.ifPresent(p -> System.out.println("should not print"));
        missing.ifPresentOrElse(p -> System.out.println("no"), () -> System.out.println("absent branch"));
        Optional<String> ofn = Optional.ofNullable(null);
        Optional<String> ofv = Optional.ofNullable("val");
        System.out.println(ofn + " " + ofv + " " + ofv.get() + " " + ofn.orElse("none") + " " + ofv.equals(Optional.of("val")) + " " + ofv.hashCode());
        System.out.println(ofv.flatMap(s -> Optional.of(s.length())) + " " + ofv.map(s -> (String) null) + " " + Optional.of(5).map(x -> x * x));
        try {
            missing.orElseThrow();
        } catch (NoSuchElementException e) {
            System.out.println("orElseThrow: " + e.getMessage());
        }
        try {
            missing.get();
        } catch (NoSuchElementException e) {
            System.out.println("get: " + e.getMessage());
        }
        try {
            missing.orElseThrow(() -> new IllegalStateException("nobody named Zed"));
        } catch (IllegalStateException e) {
            System.out.println("custom: " + e.getMessage());
        }
        try {
            Optional.of(null);
        } catch (NullPointerException e) {
            System.out.println("Optional.of(null) NPE");
        }
        int sum = 0;
        for (int v : new Range(0, 20, 3)) sum += v;
        System.out.print("range up:");
        for (int v : new Range(0, 20, 3)) System.out.print(" " + v);
        System.out.print(" | down:");
        for (int v : new Range(10, 0, -4)) System.out.print(" " + v);
        System.out.println(" | sum " + sum);
        Iterator<Integer> it = new Range(0, 2, 1).iterator();
        it.next();
        it.next();
        try {
            it.next();
        } catch (NoSuchElementException e) {
            System.out.println(e.getMessage());
        }
        try {
            it.remove();
        } catch (UnsupportedOperationException e) {
            System.out.println("default remove: UnsupportedOperationException " + e.getMessage());
        }
        Node<String> list = new Node<>("x", new Node<>("y", new Node<>("z", null)));
        StringBuilder sb = new StringBuilder();
        for (String s : list) sb.append(s).append('>');
        list.forEach(s -> sb.append(s.toUpperCase()));
        System.out.println(sb);
        Iterable<Integer> lambdaIter = () -> new Range(1, 4, 1).iterator();
        for (int v : lambdaIter) System.out.print(v * 100 + " ");
        System.out.println();
    }
}
