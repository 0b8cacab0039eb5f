public class TryResources {
    static StringBuilder log = new StringBuilder();

    static class Res implements AutoCloseable {
        final String name;
        final boolean failOnClose;

        Res(String name, boolean failOnClose) {
            this.name = name;
            this.failOnClose = failOnClose;
            log.append("open(" + name + ") ");
        }

        Res(String name) {
            this(name, false);
        }

        String use() {
            log.append("use(" + name + ") ");
            return name.toUpperCase();
        }

        @Override
        public void close() {
            log.append("close(" + name + ") ");
            if (failOnClose) throw new IllegalStateException("close failed: " + name);
        }
    }

    static class Checked implements AutoCloseable {
        @Override
        public void close() throws Exception {
            log.append("close(checked) ");
            throw new Exception("checked close");
        }
    }

    static class Failing {
        static Res open(String name) {
            throw new IllegalArgumentException("cannot open " + name);
        }
    }

    static String show() {
        String s = log.toString().trim();
        log.setLength(0);
        return s;
    }

    static void report(Throwable t) {
        System.out.println("  caught " + t);
        for (Throwable s : t.getSuppressed()) System.out.println("  suppressed " + s);
        System.out.println("  log: " + show());
    }

    static String returnsFromTry() {
        try (Res r = new Res("ret")) {
            return r.use();
        } finally {
            log.append("finally ");
        }
    }

    public static void main(String[] args) {
        try (Res a = new Res("a"); Res b = new Res("b"); Res c = new Res("c")) {
            log.append(a.use() + b.use() + c.use() + " ");
        }
        System.out.println("1: " + show());
        try (Res a = new Res("a", true); Res b = new Res("b", true)) {
            b.use();
            throw new RuntimeException("body");
        } catch (RuntimeException e) {
            System.out.println("2:");
            report(e);
        }
        try (Res a = new Res("a", true)) {
            a.use();
        } catch (IllegalStateException e) {
            System.out.println("3:");
            report(e);
        }
        try (Res a = new Res("a"); Res b = Failing.open("b")) {
            log.append("unreachable ");
        } catch (IllegalArgumentException e) {
            System.out.println("4:");
            report(e);
        }
        try (Res n = null) {
            log.append("null resource ok ");
        }
        System.out.println("5: " + show());
        try (Checked ch = new Checked(); Res r = new Res("r", true)) {
            log.append("body ");
        } catch (Exception e) {
            System.out.println("6:");
            report(e);
        }
        System.out.println("7: " + returnsFromTry() + " " + show());
        Res outer = new Res("outer");
        try (outer; Res inner = new Res("inner")) {
            log.append("java9-style ");
        } finally {
            log.append("finally ");
        }
        System.out.println("8: " + show());
        try {
            try (Res a = new Res("x", true)) {
                throw new Error("fatal");
            } finally {
                log.append("inner-finally ");
            }
        } catch (Error e) {
            System.out.println("9:");
            report(e);
        }
        Exception manual = new Exception("manual");
        manual.addSuppressed(new RuntimeException("s1"));
        manual.addSuppressed(new Error("s2"));
        System.out.println("10: " + manual.getSuppressed().length + " " + manual.getSuppressed()[1]);
        AutoCloseable lambda = () -> log.append("lambda-close ");
        try (lambda) {
            log.append("with-lambda ");
        } catch (Exception e) {
            System.out.println("never");
        }
        System.out.println("11: " + show());
    }
}
