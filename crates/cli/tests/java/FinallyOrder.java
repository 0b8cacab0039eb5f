public class FinallyOrder {
    static class AppException extends Exception {
        AppException(String m) {
            super(m);
        }

        AppException(String m, Throwable cause) {
            super(m, cause);
        }
    }

    static class DbException extends AppException {
        final int code;

        DbException(String m, int code) {
            super(m);
            this.code = code;
        }

        @Override
        public String getMessage() {
            return super.getMessage() + " [code " + code + "]";
        }
    }

    static class NotFound extends DbException {
        NotFound(String what) {
            super("not found: " + what, 404);
        }
    }

    static StringBuilder log = new StringBuilder();

    @SuppressWarnings("finally")
    static int returnOverride() {
        try {
            log.append("try ");
            return 1;
        } finally {
            log.append("finally ");
            return 2;
        }
    }

    @SuppressWarnings("finally")
    static String swallow() {
        try {
            throw new IllegalStateException("lost");
        } finally {
            return "swallowed";
        }
    }

    static int valueSnapshot() {
        int x = 10;
        try {
            return x;
        } finally {
            x = 20;
            log.append("x=" + x + " ");
        }
    }

    static void nested(int mode) throws AppException {
        try {
            log.append("outer-try ");
            try {
                log.append("inner-try ");
                if (mode == 1) throw new NotFound("row");
                if (mode == 2) throw new RuntimeException("rt");
                if (mode == 3) return;
                log.append("inner-end ");
            } catch (NotFound e) {
                log.append("inner-catch(" + e.getMessage() + ") ");
                throw new AppException("wrapped", e);
            } finally {
                log.append("inner-finally ");
            }
            log.append("outer-end ");
        } catch (RuntimeException e) {
            log.append("outer-catch(" + e.getMessage() + ") ");
        } finally {
            log.append("outer-finally ");
        }
    }

    static void rethrow(Exception e) throws Exception {
        try {
            throw e;
        } catch (DbException d) {
            log.append("saw db ");
            throw d;
        } catch (Exception other) {
            log.append("saw other ");
            throw new AppException("rethrown", other);
        }
    }

    static int loopFinally() {
        int count = 0;
        for (int i = 0; i < 5; i++) {
            try {
                if (i == 1) continue;
                if (i == 3) break;
                count += 10;
            } finally {
                count++;
            }
        }
        return count;
    }

    static String show() {
        String s = log.toString().trim();
        log.setLength(0);
        return s;
    }

    public static void main(String[] args) {
        System.out.println(returnOverride() + " " + show());
        System.out.println(swallow());
        System.out.println(valueSnapshot() + " " + show());
        for (int mode = 0; mode <= 3; mode++) {
            try {
                nested(mode);
                System.out.println(mode + ": " + show());
            } catch (AppException e) {
                System.out.println(mode + ": " + show() + " => " + e + " cause=" + e.getCause());
            }
        }
        Exception[] inputs = {new NotFound("key"), new DbException("db", 500), new IllegalArgumentException("bad"), new AppException("app")};
        for (Exception in : inputs) {
            try {
                rethrow(in);
            } catch (NotFound e) {
                System.out.println("NotFound " + e.code + " " + show());
            } catch (DbException e) {
                System.out.println("Db " + e.getMessage() + " " + show());
            } catch (Exception e) {
                System.out.println("Other " + e.getMessage() + " / " + e.getCause() + " " + show());
            }
        }
        System.out.println(loopFinally());
        Throwable t = new AppException("top", new DbException("mid", 1));
        System.out.println(t + " | " + t.getMessage() + " | " + t.getCause() + " | " + t.getCause().getCause());
        Throwable fromCause = new RuntimeException(new NotFound("x"));
        System.out.println(fromCause.getMessage() + " | " + fromCause);
        System.out.println(new Exception().getMessage() + " " + new Exception((String) null) + " " + new Error("e").toString() + " " + new Exception((Throwable) null).getMessage());
        Throwable init = new IllegalStateException("late");
        init.initCause(new ArithmeticException("root"));
        System.out.println(init.getCause().getMessage() + " " + (init instanceof RuntimeException) + " " + (new NotFound("q") instanceof AppException));
        try {
            try {
                throw new UnsupportedOperationException("first");
            } catch (IllegalStateException | UnsupportedOperationException e) {
                System.out.println("multi-catch " + e.getClass().getName());
                throw new IllegalArgumentException("second", e);
            } finally {
                System.out.println("finally after multi");
            }
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage() + " caused by " + e.getCause().getMessage());
        }
        try {
            throw new StackOverflowError();
        } catch (Error e) {
            System.out.println("error " + e + " " + (e instanceof VirtualMachineError));
        }
    }
}
