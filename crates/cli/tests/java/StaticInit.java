public class StaticInit {
    static int counter = init("StaticInit.counter");
    static final String CONST = "constant";
    static final int[] TABLE = new int[4];

    static {
        System.out.println("static block of StaticInit, counter=" + counter);
        for (int i = 0; i < TABLE.length; i++) TABLE[i] = i * 10;
    }

    static int init(String what) {
        System.out.println("init " + what);
        return 42;
    }

    static class Lazy {
        static {
            System.out.println("Lazy initialised");
        }

        static int value = 7;

        static int get() {
            return value;
        }
    }

    static class Parent {
        static {
            System.out.println("Parent init");
        }

        int x = 1;

        Parent() {
            System.out.println("Parent() sees " + describe());
        }

        String describe() {
            return "parent";
        }
    }

    static class Child extends Parent {
        static {
            System.out.println("Child init");
        }

        int y = 2;

        {
            System.out.println("Child instance initialiser, y=" + y);
        }

        Child() {
            super();
            System.out.println("Child() y=" + y);
        }

        String describe() {
            return "child with y=" + y;
        }
    }

    public static void main(String[] args) {
        System.out.println("main starts " + CONST + " " + TABLE[3]);
        System.out.println("before Lazy");
        System.out.println(Lazy.get());
        System.out.println(Lazy.value);
        new Child();
        new Child();
        counter++;
        System.out.println(counter);
    }
}
