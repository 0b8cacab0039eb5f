public class InitOrder {
    static StringBuilder log = new StringBuilder();

    static int note(String s, int v) {
        log.append(s).append(' ');
        return v;
    }

    static String flush() {
        String s = log.toString().trim();
        log.setLength(0);
        return s;
    }

    static class Grand {
        static int gs = note("Grand.static-field", 1);

        static {
            note("Grand.static-block gs=" + gs, 0);
        }

        int gi = note("Grand.instance-field", 10);

        {
            note("Grand.instance-block", 0);
        }

        Grand() {
            note("Grand() sees describe=" + describe(), 0);
        }

        String describe() {
            return "grand";
        }
    }

    static class Parent extends Grand {
        static int ps = note("Parent.static-field", 2);
        static final int CONST = 99;
        static final Integer BOXED = note("Parent.BOXED", 5);

        static {
            note("Parent.static-block", 0);
        }

        int pi = note("Parent.instance-field", 20);
        String text = "parent-text";

        Parent() {
            this("via this()");
            note("Parent()", 0);
        }

        Parent(String how) {
            super();
            note("Parent(" + how + ") pi=" + pi, 0);
        }

        @Override
        String describe() {
            return "parent pi=" + pi + " text=" + text;
        }
    }

    static class Child extends Parent {
        static {
            note("Child.static-block-1", 0);
        }

        static int cs = note("Child.static-field", 3);

        static {
            note("Child.static-block-2 cs=" + cs, 0);
        }

        int ci = note("Child.instance-field", 30);
        final String label;

        {
            note("Child.instance-block ci=" + ci, 0);
        }

        Child() {
            label = "child";
            note("Child() label=" + label, 0);
        }

        @Override
        String describe() {
            return "child ci=" + ci + " label=" + label;
        }
    }

    static class Holder {
        static {
            note("Holder.init", 0);
        }

        static final String COMPILE_TIME = "ct";
        static String runtime = "rt";

        static void touch() {
            note("Holder.touch", 0);
        }
    }

    static class SelfRef {
        static final SelfRef INSTANCE = new SelfRef();
        static int counter = 5;
        final int seen;

        SelfRef() {
            seen = counter;
            counter++;
        }
    }

    interface WithConst {
        int VALUE = note("WithConst.VALUE", 42);
    }

    static class Impl implements WithConst {
        static {
            note("Impl.static", 0);
        }
    }

    public static void main(String[] args) {
        note("main-start", 0);
        System.out.println(flush());
        System.out.println("CONST " + Parent.CONST + " -> " + flush());
        System.out.println("ps " + Parent.ps + " -> " + flush());
        System.out.println("BOXED " + Parent.BOXED + " -> " + flush());
        new Child();
        System.out.println("first Child: " + flush());
        Child c = new Child();
        System.out.println("second Child: " + flush());
        System.out.println(c.describe() + " gi=" + c.gi + " pi=" + c.pi);
        System.out.println("Holder.COMPILE_TIME " + Holder.COMPILE_TIME + " -> [" + flush() + "]");
        System.out.println("Holder.runtime " + Holder.runtime + " -> [" + flush() + "]");
        Holder.touch();
        System.out.println("touch -> [" + flush() + "]");
        Holder[] arr = new Holder[3];
        System.out.println("array of Holder " + arr.length + " -> [" + flush() + "]");
        System.out.println("SelfRef " + SelfRef.INSTANCE.seen + " " + SelfRef.counter);
        new Impl();
        System.out.println("Impl -> [" + flush() + "]");
        System.out.println("VALUE " + WithConst.VALUE + " -> [" + flush() + "]");
        new Parent("direct");
        System.out.println("direct Parent: " + flush());
    }
}
