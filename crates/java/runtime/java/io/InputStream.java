package java.io;

/** System.in: the console, byte by byte. */
public class InputStream {
    private phantom.internal.io.tty console;
    private String pending = "";
    private int at;

    public InputStream() {}

    public int read() throws IOException {
        if (at >= pending.length()) {
            if (console == null) {
                console = new phantom.internal.io.tty();
            }
            pending = console.getwc();
            at = 0;
            if (pending.length() == 0) {
                return -1;
            }
        }
        return pending.charAt(at++) & 0xFF;
    }

    public int read(byte[] b, int off, int len) throws IOException {
        int n = 0;
        while (n < len) {
            int c = read();
            if (c < 0) {
                return n == 0 ? -1 : n;
            }
            b[off + n++] = (byte) c;
            if (c == '\n') {
                break;
            }
        }
        return n;
    }

    public int available() throws IOException {
        return pending.length() - at;
    }

    public void close() throws IOException {}
}
