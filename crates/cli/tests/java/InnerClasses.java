import java.util.Iterator;

public class InnerClasses {
    private int counter = 0;
    private static String prefix = "#";

    class Inner {
        int id = ++counter;

        String show() {
            return prefix + id + " of " + counter;
        }
    }

    static class Nested {
        final String v;

        Nested(String v) {
            this.v = v;
        }
    }

    class Range implements Iterable<Integer> {
        final int from, to;

        Range(int from, int to) {
            this.from = from;
            this.to = to;
        }

        public Iterator<Integer> iterator() {
            return new Iterator<Integer>() {
                int next = from;

                public boolean hasNext() {
                    return next < to;
                }

                public Integer next() {
                    counter++;
                    return next++;
                }
            };
        }
    }

    interface Shape {
        double area();
    }

    Shape local(double side) {
        class Sq implements Shape {
            public double area() {
                return side * side + counter;
            }
        }
        return new Sq();
    }

    public static void main(String[] args) {
        InnerClasses outer = new InnerClasses();
        InnerClasses.Inner a = outer.new Inner();
        InnerClasses.Inner b = outer.new Inner();
        System.out.println(a.show() + ", " + b.show());
        System.out.println(new Nested("nested").v);
        int sum = 0;
        for (int i : outer.new Range(1, 5)) sum += i;
        System.out.println("sum " + sum + " counter " + outer.counter);
        System.out.println(outer.local(3).area());
        Shape anon = new Shape() {
            double k = 2;

            public double area() {
                return k * 10;
            }

            public String toString() {
                return "anon " + area();
            }
        };
        System.out.println(anon);
        Runnable r = new Runnable() {
            public void run() {
                System.out.println("run from anonymous, prefix " + prefix);
            }
        };
        r.run();
    }
}
