package java.lang;

public class Throwable {
    private String message;
    private Throwable cause;
    private Throwable[] suppressed;
    private int suppressedCount;

    public Throwable() {}

    public Throwable(String message) {
        this.message = message;
    }

    public Throwable(String message, Throwable cause) {
        this.message = message;
        this.cause = cause;
    }

    public Throwable(Throwable cause) {
        this.message = cause == null ? null : cause.toString();
        this.cause = cause;
    }

    public String getMessage() {
        return message;
    }

    public String getLocalizedMessage() {
        return getMessage();
    }

    public Throwable getCause() {
        return cause;
    }

    public Throwable initCause(Throwable cause) {
        this.cause = cause;
        return this;
    }

    public String toString() {
        String m = getLocalizedMessage();
        String name = getClass().getName();
        return m != null ? name + ": " + m : name;
    }

    public void printStackTrace() {
        printStackTrace(System.err);
    }

    public void printStackTrace(java.io.PrintStream s) {
        phantom.runtime.Rt.printTrace(s, this, "");
    }

    public void setStackTrace(Object[] trace) {}

    public final void addSuppressed(Throwable t) {
        if (suppressed == null) {
            suppressed = new Throwable[4];
        }
        if (suppressedCount == suppressed.length) {
            Throwable[] bigger = new Throwable[suppressedCount * 2];
            System.arraycopy(suppressed, 0, bigger, 0, suppressedCount);
            suppressed = bigger;
        }
        suppressed[suppressedCount++] = t;
    }

    public final Throwable[] getSuppressed() {
        Throwable[] out = new Throwable[suppressedCount];
        if (suppressedCount > 0) {
            System.arraycopy(suppressed, 0, out, 0, suppressedCount);
        }
        return out;
    }

    public Throwable fillInStackTrace() {
        return this;
    }
}
