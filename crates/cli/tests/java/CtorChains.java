public class CtorChains {
    static StringBuilder log = new StringBuilder();

    static class A {
        protected int a;
        String tag = "A";

        A() {
            this(1);
            log.append("A() ");
        }

        A(int a) {
            this.a = a;
            log.append("A(int " + a + ") ");
        }

        String who() {
            return "A.who a=" + a;
        }

        static String kind() {
            return "static A";
        }
    }

    static class B extends A {
        protected int b;
        String tag = "B";

        B() {
            log.append("B() ");
        }

        B(int a, int b) {
            super(a * 10);
            this.b = b;
            log.append("B(int,int) ");
        }

        B(String s) {
            this(s.length(), s.length() * 2);
            log.append("B(String " + s + ") ");
        }

        @Override
        String who() {
            return "B.who b=" + b + " / " + super.who();
        }

        String tags() {
            return tag + " " + super.tag + " " + ((A) this).tag;
        }

        static String kind() {
            return "static B";
        }
    }

    static class C extends B {
        final long c;

        C() {
            super("hello");
            c = a + b;
            log.append("C() ");
        }

        C(long c) {
            c = c + 1;
            this.c = c;
            log.append("C(long) ");
        }

        @Override
        String who() {
            return "C.who c=" + c + " / " + super.who();
        }
    }

    static class Counter {
        static int created;
        final int id;

        Counter() {
            id = ++created;
        }
    }

    static void show(String label) {
        System.out.println(label + ": " + log.toString().trim());
        log.setLength(0);
    }

    public static void main(String[] args) {
        A a = new A();
        show("new A()");
        System.out.println(a.who());
        B b = new B();
        show("new B()");
        System.out.println(b.who() + " | " + b.tags());
        B b2 = new B(3, 4);
        show("new B(3,4)");
        System.out.println(b2.who());
        C c = new C();
        show("new C()");
        System.out.println(c.who());
        C c2 = new C(41);
        show("new C(41)");
        System.out.println(c2.who());
        A ref = c;
        System.out.println(ref.who());
        System.out.println(ref.tag + " " + ((B) ref).tag);
        System.out.println(A.kind() + " " + B.kind());
        for (int i = 0; i < 3; i++) new Counter();
        Counter last = new Counter();
        System.out.println("counter " + last.id + " " + Counter.created);
        Object[] objs = {a, b, c};
        for (Object o : objs) {
            System.out.println(o.getClass().getName() + " " + (o instanceof B) + " " + (o instanceof C));
        }
    }
}
