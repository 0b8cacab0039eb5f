import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

public class NestedKinds {
    private int count = 10;
    private String label = "outer";
    private static int statics = 100;

    class Inner {
        int count = 1;

        String show() {
            return "inner count=" + count + " outer count=" + NestedKinds.this.count + " label=" + label;
        }

        void bump() {
            NestedKinds.this.count++;
            count += 5;
            statics++;
        }

        class Deeper {
            String show() {
                return "deeper " + count + " " + NestedKinds.this.count + " " + label.length();
            }
        }
    }

    static class Nested {
        private int secret = 7;

        static int twice(int x) {
            return 2 * x + statics;
        }

        static class Nested2 {
            String hi() {
                return "nested2 " + new Nested().secret;
            }
        }
    }

    private int privateHelper() {
        return count * 3;
    }

    IntSupplier makeCounter(int start) {
        int[] box = {start};
        return new IntSupplier() {
            int calls;

            public int getAsInt() {
                calls++;
                box[0] += calls;
                return box[0] + privateHelper() - count * 3;
            }
        };
    }

    List<String> localClasses(String prefix) {
        int base = prefix.length();
        class Item {
            final int n;

            Item(int n) {
                this.n = n;
            }

            public String toString() {
                return prefix + ":" + (n + base) + ":" + label;
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) out.add(new Item(i).toString());
        return out;
    }

    public static void main(String[] args) {
        NestedKinds o = new NestedKinds();
        NestedKinds.Inner in = o.new Inner();
        System.out.println(in.show());
        in.bump();
        in.bump();
        System.out.println(in.show() + " statics=" + statics);
        NestedKinds.Inner.Deeper d = in.new Deeper();
        System.out.println(d.show());
        NestedKinds other = new NestedKinds();
        other.label = "second";
        Inner in2 = other.new Inner();
        System.out.println(in2.show());
        System.out.println(Nested.twice(4) + " " + new Nested.Nested2().hi());
        Nested n = new Nested();
        n.secret += 1;
        System.out.println("secret " + n.secret);
        IntSupplier c1 = o.makeCounter(0);
        IntSupplier c2 = o.makeCounter(100);
        for (int i = 0; i < 3; i++) System.out.print(c1.getAsInt() + " " + c2.getAsInt() + " ");
        System.out.println();
        System.out.println(o.localClasses("ab"));
        System.out.println(other.localClasses("xyz"));
        final int captured = 42;
        String word = "cap";
        Runnable r = new Runnable() {
            public void run() {
                System.out.println("anon run " + captured + " " + word + " " + o.count);
            }
        };
        r.run();
        Object anon = new Object() {
            public String toString() {
                return "custom anon toString";
            }
        };
        System.out.println(anon);
        System.out.println(in.getClass().getName() + " " + d.getClass().getName() + " " + n.getClass().getName());
        System.out.println(new Nested.Nested2().getClass().getName() + " " + r.getClass().getName() + " " + c1.getClass().getName());
        System.out.println(in.getClass().getSimpleName() + " " + d.getClass().getSimpleName());
    }
}
