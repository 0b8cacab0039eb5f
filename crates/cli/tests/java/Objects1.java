public class Objects1 {
    static abstract class Shape {
        private static int made;
        protected final String name;

        Shape(String name) {
            this.name = name;
            made++;
        }

        abstract double area();

        public String toString() {
            return name + " with area " + area();
        }

        static int made() {
            return made;
        }
    }

    static class Circle extends Shape {
        double r;

        Circle(double r) {
            super("circle");
            this.r = r;
        }

        double area() {
            return 3 * r * r;
        }
    }

    static class Square extends Shape {
        int side;

        Square(int side) {
            super("square");
            this.side = side;
        }

        double area() {
            return side * side;
        }

        public String toString() {
            return "[" + super.toString() + "]";
        }
    }

    static class Point {
        final int x, y;

        Point(int x, int y) {
            this.x = x;
            this.y = y;
        }

        Point plus(Point o) {
            return new Point(x + o.x, y + o.y);
        }

        public boolean equals(Object o) {
            if (!(o instanceof Point)) return false;
            Point p = (Point) o;
            return p.x == x && p.y == y;
        }

        public int hashCode() {
            return 31 * x + y;
        }

        public String toString() {
            return "(" + x + ", " + y + ")";
        }
    }

    public static void main(String[] args) {
        Shape[] shapes = {new Circle(2), new Square(3), new Circle(0.5)};
        double total = 0;
        for (Shape s : shapes) {
            System.out.println(s);
            total += s.area();
        }
        System.out.println("total " + total + " made " + Shape.made());
        Point p = new Point(1, 2).plus(new Point(10, 20));
        System.out.println(p + " " + p.equals(new Point(11, 22)) + " " + p.equals("x") + " " + p.hashCode());
        Object o = p;
        System.out.println(o.toString() + " " + (o instanceof Point) + " " + (o instanceof Shape));
        Shape s = shapes[1];
        Square q = (Square) s;
        System.out.println(q.side + " " + q.name);
        try {
            Circle c = (Circle) s;
            System.out.println("no " + c);
        } catch (ClassCastException e) {
            System.out.println("ClassCastException");
        }
        System.out.println(p.getClass().getName() + " " + q.getClass().getSimpleName());
    }
}
