public class AbstractDefaults {
    interface Named {
        String name();

        default String describe() {
            return "Named(" + name() + ")";
        }

        static String shout(Named n) {
            return n.name().toUpperCase();
        }
    }

    interface Left extends Named {
        default String describe() {
            return "Left[" + Named.super.describe() + "]";
        }

        default int weight() {
            return 1;
        }
    }

    interface Right extends Named {
        default String describe() {
            return "Right[" + Named.super.describe() + "]";
        }
    }

    static class Both implements Left, Right {
        public String name() {
            return "both";
        }

        public String describe() {
            return Left.super.describe() + "+" + Right.super.describe();
        }
    }

    static class OnlyLeft implements Left {
        public String name() {
            return "left";
        }

        public int weight() {
            return Left.super.weight() + 10;
        }
    }

    interface Constants {
        int BASE = 7;
        String PREFIX = "c-";
    }

    static abstract class Report implements Constants {
        private final StringBuilder out = new StringBuilder();

        final String render() {
            out.setLength(0);
            header();
            for (int i = 0; i < rows(); i++) {
                row(i);
            }
            footer();
            return out.toString();
        }

        protected void emit(String s) {
            out.append(s).append(';');
        }

        protected void header() {
            emit("header:" + title());
        }

        protected void footer() {
            emit("footer");
        }

        protected abstract String title();

        protected abstract int rows();

        protected abstract void row(int i);
    }

    static class Squares extends Report {
        protected String title() {
            return "squares";
        }

        protected int rows() {
            return 4;
        }

        protected void row(int i) {
            emit(PREFIX + (i * i + BASE));
        }
    }

    static class Fancy extends Squares {
        protected void header() {
            emit("**");
            super.header();
        }

        protected int rows() {
            return 2;
        }

        protected void footer() {
        }
    }

    static abstract class Shape {
        abstract double area();

        String size() {
            return area() > 10 ? "large" : "small";
        }
    }

    public static void main(String[] args) {
        Both b = new Both();
        System.out.println(b.describe());
        System.out.println(b.weight() + " " + Named.shout(b));
        OnlyLeft l = new OnlyLeft();
        System.out.println(l.describe() + " " + l.weight());
        Named n = () -> "lambda";
        System.out.println(n.describe() + " " + Named.shout(n));
        Left left = b;
        Right right = b;
        System.out.println(left.describe().equals(right.describe()));
        System.out.println(new Squares().render());
        System.out.println(new Fancy().render());
        Report r = new Report() {
            protected String title() {
                return "anon";
            }

            protected int rows() {
                return 1;
            }

            protected void row(int i) {
                emit("row" + i + "/" + BASE);
            }
        };
        System.out.println(r.render());
        Shape[] shapes = {
            new Shape() { double area() { return 3; } },
            new Shape() { double area() { return 30; } }
        };
        for (Shape s : shapes) System.out.println(s.area() + " " + s.size());
        System.out.println(Constants.BASE + Constants.PREFIX + (r instanceof Constants));
    }
}
