public class Records {
    record Point(int x, int y) {
        Point {
            if (x < 0) throw new IllegalArgumentException("negative x");
        }

        int sum() {
            return x + y;
        }

        static Point origin() {
            return new Point(0, 0);
        }
    }

    record Named(String name, double weight, long id, boolean ok, char c) {}

    public static void main(String[] args) {
        Point p = new Point(3, 4);
        System.out.println(p + " " + p.x() + " " + p.y() + " " + p.sum());
        System.out.println(p.equals(new Point(3, 4)) + " " + p.equals(new Point(4, 3)) + " " + p.equals(null) + " " + p.equals("x"));
        System.out.println(p.hashCode() == new Point(3, 4).hashCode());
        System.out.println(p.hashCode() + " " + Point.origin());
        Named n = new Named("box", 2.5, 7L, true, 'q');
        System.out.println(n + " " + n.hashCode() + " " + n.equals(new Named("box", 2.5, 7L, true, 'q')));
        try {
            new Point(-1, 0);
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }
        Object o = p;
        if (o instanceof Point q && q.x() == 3) {
            System.out.println("pattern " + q.y());
        }
    }
}
