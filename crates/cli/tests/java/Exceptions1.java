public class Exceptions1 {
    static class MyException extends Exception {
        final int code;

        MyException(String message, int code) {
            super(message);
            this.code = code;
        }
    }

    static int depth = 0;

    static void thrower(int n) throws MyException {
        if (n == 0) throw new MyException("bottom", 42);
        depth++;
        try {
            thrower(n - 1);
        } finally {
            depth--;
        }
    }

    static String tryFinally(int k) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            try {
                if (i == k) continue;
                if (i == 3) break;
                b.append(i);
            } finally {
                b.append('f');
            }
        }
        return b.toString();
    }

    static int returnInFinally() {
        int x = 1;
        try {
            return x;
        } finally {
            x = 2;
            System.out.println("finally ran, x=" + x);
        }
    }

    public static void main(String[] args) {
        try {
            thrower(5);
        } catch (MyException e) {
            System.out.println("caught " + e.getMessage() + " code " + e.code + " depth " + depth);
        }
        System.out.println(tryFinally(1) + " " + tryFinally(9));
        System.out.println(returnInFinally());
        try {
            int[] a = new int[3];
            a[3] = 1;
        } catch (ArrayIndexOutOfBoundsException e) {
            System.out.println(e.getMessage());
        }
        try {
            String s = null;
            s.length();
        } catch (NullPointerException e) {
            System.out.println("NPE");
        }
        try {
            Object o = "str";
            Integer i = (Integer) o;
        } catch (ClassCastException e) {
            System.out.println("CCE");
        } catch (RuntimeException e) {
            System.out.println("wrong");
        }
        try {
            try {
                throw new IllegalStateException("inner");
            } catch (IllegalArgumentException e) {
                System.out.println("wrong handler");
            } finally {
                System.out.println("inner finally");
            }
        } catch (RuntimeException e) {
            System.out.println("outer caught " + e);
        }
        try {
            throw new Error("custom error");
        } catch (Throwable t) {
            System.out.println(t);
        }
        try {
            Integer.parseInt("12x");
        } catch (NumberFormatException e) {
            System.out.println(e.getMessage());
        }
        RuntimeException r = new RuntimeException("wrapped", new IllegalArgumentException("cause"));
        System.out.println(r.getCause().getMessage());
        throw new UnsupportedOperationException("the end");
    }
}
