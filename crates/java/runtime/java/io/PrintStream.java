package java.io;

/** System.out (bytes straight to standard output) and System.err (whole lines). */
public class PrintStream {
    private final boolean error;
    private StringBuilder line;

    public PrintStream(boolean error) {
        this.error = error;
    }

    private void write(String s) {
        if (!error) {
            phantom.runtime.Rt.n().print(s);
            return;
        }
        if (line == null) line = new StringBuilder();
        int at = 0;
        while (true) {
            int nl = s.indexOf('\n', at);
            if (nl < 0) break;
            line.append(s.substring(at, nl));
            phantom.runtime.Rt.n().printErr(line.toString());
            line = new StringBuilder();
            at = nl + 1;
        }
        line.append(s.substring(at));
    }

    public void print(String s) { write(s == null ? "null" : s); }
    public void print(Object o) { write(String.valueOf(o)); }
    public void print(int v) { write(String.valueOf(v)); }
    public void print(long v) { write(String.valueOf(v)); }
    public void print(double v) { write(String.valueOf(v)); }
    public void print(float v) { write(String.valueOf(v)); }
    public void print(char c) { write(String.valueOf(c)); }
    public void print(boolean b) { write(String.valueOf(b)); }
    public void print(char[] c) { write(new String(c)); }
    public void println() { write("\n"); }
    public void println(String s) { write((s == null ? "null" : s) + "\n"); }
    public void println(Object o) { write(String.valueOf(o) + "\n"); }
    public void println(int v) { write(String.valueOf(v) + "\n"); }
    public void println(long v) { write(String.valueOf(v) + "\n"); }
    public void println(double v) { write(String.valueOf(v) + "\n"); }
    public void println(float v) { write(String.valueOf(v) + "\n"); }
    public void println(char c) { write(String.valueOf(c) + "\n"); }
    public void println(boolean b) { write(String.valueOf(b) + "\n"); }
    public void println(char[] c) { write(new String(c) + "\n"); }

    public PrintStream printf(String format, Object... args) {
        write(String.format(format, args));
        return this;
    }

    public PrintStream format(String format, Object... args) {
        return printf(format, args);
    }

    public void flush() {
        if (error && line != null && line.length() > 0) {
            phantom.runtime.Rt.n().printErr(line.toString());
            line = new StringBuilder();
        }
    }

    public void close() {
        flush();
    }
}
