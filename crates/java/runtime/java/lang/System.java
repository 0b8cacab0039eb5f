package java.lang;

import java.io.InputStream;
import java.io.PrintStream;

public final class System {
    public static final PrintStream out = new PrintStream(false);
    public static final PrintStream err = new PrintStream(true);
    public static final InputStream in = new InputStream();

    private System() {}

    public static long currentTimeMillis() {
        return phantom.runtime.Rt.n().currentTimeMillis();
    }

    public static long nanoTime() {
        return phantom.runtime.Rt.n().nanoTime();
    }

    public static void arraycopy(Object src, int srcPos, Object dst, int dstPos, int length) {
        if (src == null || dst == null) {
            throw new NullPointerException();
        }
        phantom.runtime.Rt.n().arraycopy(src, srcPos, dst, dstPos, length);
    }

    public static void exit(int status) {
        out.flush();
        err.flush();
        phantom.runtime.Rt.n().exit(status);
    }

    public static int identityHashCode(Object o) {
        return o == null ? 0 : phantom.runtime.Rt.n().identityHash(o);
    }

    public static String lineSeparator() {
        return "\n";
    }

    public static String getProperty(String key) {
        if (key.equals("line.separator")) return "\n";
        if (key.equals("java.vendor")) return "Phantom";
        return null;
    }

    public static String getenv(String name) {
        return null;
    }

    /** Asks for a collection; it runs beside the threads, so weak references clear soon after. */
    public static void gc() {
        phantom.runtime.Rt.n().gc();
    }
}
