import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

public class ObjectMethods {
    static final class Money {
        final long cents;
        final String currency;

        Money(long cents, String currency) {
            this.cents = cents;
            this.currency = currency;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) return true;
            if (!(o instanceof Money)) return false;
            Money m = (Money) o;
            return cents == m.cents && currency.equals(m.currency);
        }

        @Override
        public int hashCode() {
            return Objects.hash(cents, currency);
        }

        @Override
        public String toString() {
            return currency + " " + cents / 100 + "." + (cents % 100 < 10 ? "0" : "") + cents % 100;
        }
    }

    static class Key {
        final int id;

        Key(int id) {
            this.id = id;
        }

        @Override
        public int hashCode() {
            return id % 3;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key && ((Key) o).id == id;
        }

        public String toString() {
            return "K" + id;
        }
    }

    static class NoEquals {
        final int v;

        NoEquals(int v) {
            this.v = v;
        }
    }

    class InnerThing {
    }

    interface Marker {
    }

    public static void main(String[] args) {
        Money a = new Money(1050, "EUR"), b = new Money(1050, "EUR"), c = new Money(1050, "USD"), d = new Money(7, "EUR");
        System.out.println(a + " | " + d + " | " + a.equals(b) + " " + a.equals(c) + " " + a.equals(null) + " " + a.equals("EUR 10.50") + " " + (a == b));
        System.out.println((a.hashCode() == b.hashCode()) + " " + a.hashCode() + " " + Objects.hash(1, "x", null) + " " + Objects.hashCode(null) + " " + Objects.hash());
        Set<Money> set = new HashSet<>(List.of(a, c, d));
        System.out.println(set.contains(b) + " " + set.size() + " " + set.add(b) + " " + set.size());
        Map<Key, String> map = new HashMap<>();
        for (int i = 0; i < 10; i++) map.put(new Key(i), "v" + i);
        map.put(new Key(4), "replaced");
        System.out.println(map.size() + " " + map.get(new Key(4)) + " " + map.get(new Key(7)) + " " + map.containsKey(new Key(10)));
        NoEquals n1 = new NoEquals(1), n2 = new NoEquals(1);
        System.out.println(n1.equals(n2) + " " + n1.equals(n1) + " " + (n1.hashCode() == n1.hashCode()));
        List<Object> objs = new ArrayList<>();
        objs.add(a);
        objs.add(new Key(5));
        System.out.println(objs + " " + objs.contains(new Money(7, "EUR")) + " " + objs.indexOf(new Key(5)) + " " + objs.contains(new Money(8, "EUR")));
        System.out.println(Objects.equals(a, b) + " " + Objects.equals(null, a) + " " + Objects.toString(null) + " " + Objects.toString(null, "dflt") + " " + Objects.requireNonNullElse(null, "else"));
        try {
            Objects.requireNonNull(null, "must not be null");
        } catch (NullPointerException e) {
            System.out.println("requireNonNull: " + e.getMessage());
        }
        ObjectMethods outer = new ObjectMethods();
        Object inner = outer.new InnerThing();
        Object anon = new Marker() {
        };
        Runnable lambdaFree = new Runnable() {
            public void run() {
            }
        };
        class LocalOne {
        }
        Object local = new LocalOne();
        System.out.println(a.getClass().getName() + " " + inner.getClass().getName() + " " + anon.getClass().getName());
        System.out.println(lambdaFree.getClass().getName() + " " + local.getClass().getName() + " " + outer.getClass().getName());
        System.out.println("x".getClass().getName() + " " + Integer.valueOf(3).getClass().getName() + " " + new ArrayList<String>().getClass().getName() + " " + Character.valueOf('c').getClass().getName());
        System.out.println((a.getClass() == b.getClass()) + " " + (a.getClass() == (Object) c.getClass()) + " " + a.getClass().equals(Money.class) + " " + (inner.getClass() == InnerThing.class));
        System.out.println(Money.class.getName() + " " + Marker.class.getName() + " " + " " + String.class.getSimpleName() + " " + Money.class.getSimpleName());
        System.out.println(Money.class + " " + String.class + " " + (anon instanceof Marker));
        System.out.println("hello".hashCode() + " " + Integer.valueOf(77).hashCode() + " " + Long.valueOf(1L << 40).hashCode() + " " + Boolean.TRUE.hashCode() + " " + Boolean.FALSE.hashCode() + " " + Character.valueOf('A').hashCode() + " " + Double.valueOf(1.5).hashCode());
        System.out.println(Integer.valueOf(5).equals(5) + " " + Integer.valueOf(5).equals(5L) + " " + Long.valueOf(5).equals(5L) + " " + "abc".equals(new StringBuilder("abc").toString()) + " " + new StringBuilder("a").equals(new StringBuilder("a")));
        System.out.println(String.valueOf((Object) null) + " " + String.valueOf(a) + " " + ("" + null) + " " + Objects.isNull(null) + " " + Objects.nonNull(a));
    }
}
