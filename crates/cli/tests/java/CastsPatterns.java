import java.util.ArrayList;
import java.util.List;

public class CastsPatterns {
    interface Animal {
        String sound();
    }

    static class Dog implements Animal {
        public String sound() {
            return "woof";
        }
    }

    static class Puppy extends Dog {
        public String sound() {
            return "yip";
        }
    }

    static class Cat implements Animal {
        public String sound() {
            return "meow";
        }
    }

    static String describe(Object o) {
        if (o instanceof Integer i && i > 10) return "big int " + (i + 1);
        if (o instanceof Integer i) return "small int " + i;
        if (o instanceof String s && !s.isEmpty()) return "string of " + s.length();
        if (o instanceof String) return "empty string";
        if (!(o instanceof Animal a)) return "other " + o;
        return "animal says " + a.sound();
    }

    static String cce(Object o, int kind) {
        try {
            switch (kind) {
                case 0: return "ok " + (String) o;
                case 1: return "ok " + (Integer) o;
                case 2: return "ok " + ((Dog) o).sound();
                case 3: return "ok " + ((Animal) o).sound();
                case 4: return "ok " + ((Runnable) o);
                default: return "ok " + ((Puppy) o).sound();
            }
        } catch (ClassCastException e) {
            return "CCE: " + e.getMessage();
        }
    }

    public static void main(String[] args) {
        Object[] things = {5, 42, "hello", "", new Dog(), new Puppy(), new Cat(), 2.5, null, 'c'};
        for (Object o : things) System.out.println(describe(o));
        Animal a = new Puppy();
        System.out.println((a instanceof Dog) + " " + (a instanceof Puppy) + " " + (a instanceof Cat) + " " + (a instanceof Object));
        Object nothing = null;
        System.out.println((nothing instanceof Object) + " " + (nothing instanceof String));
        String nullStr = (String) nothing;
        System.out.println("null cast ok " + nullStr);
        System.out.println(cce("str", 0));
        System.out.println(cce("str", 1));
        System.out.println(cce(7, 0));
        System.out.println(cce(new Cat(), 2));
        System.out.println(cce(new Dog(), 5));
        System.out.println(cce("x", 3));
        System.out.println(cce(new Dog(), 4));
        System.out.println(cce(new Puppy(), 2));
        System.out.println(cce(3.5, 1));
        System.out.println(cce(new ArrayList<String>(), 0));
        Number n = 3;
        System.out.println((n instanceof Integer) + " " + (n instanceof Comparable) + " " + n.doubleValue());
        Object boxedLong = 5L;
        try {
            Integer bad = (Integer) boxedLong;
            System.out.println("no " + bad);
        } catch (ClassCastException e) {
            System.out.println(e.getClass().getName() + " | " + e.getMessage());
        }
        long widened = (long) (int) 'A';
        double dd = (double) 7 / 2;
        int narrowed = (int) 3.99e9;
        System.out.println(widened + " " + dd + " " + narrowed + " " + (short) 70000 + " " + (byte) -129 + " " + (char) 97);
        List<Object> mixed = new ArrayList<>();
        mixed.add(1);
        mixed.add("two");
        mixed.add(new Cat());
        int sum = 0;
        StringBuilder sb = new StringBuilder();
        for (Object o : mixed) {
            if (o instanceof Integer i) sum += i;
            else if (o instanceof CharSequence cs) sb.append(cs.length());
            else if (o instanceof Animal an && an.sound().startsWith("m")) sb.append(an.sound());
        }
        System.out.println(sum + " " + sb);
        Object o = "pattern";
        if (!(o instanceof String str)) {
            throw new AssertionError();
        }
        System.out.println(str.toUpperCase() + " " + (o instanceof String s2 ? s2.length() : -1));
    }
}
