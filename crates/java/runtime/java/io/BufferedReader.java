package java.io;

public class BufferedReader extends Reader {
    private final Reader in;
    private int peeked = -2;

    public BufferedReader(Reader in) {
        this.in = in;
    }

    public BufferedReader(Reader in, int size) {
        this.in = in;
    }

    public int read() throws IOException {
        if (peeked != -2) {
            int c = peeked;
            peeked = -2;
            return c;
        }
        return in.read();
    }

    /** A line without its terminator (\n, \r or \r\n); null at the end of the input. */
    public String readLine() throws IOException {
        StringBuilder b = new StringBuilder();
        int c = read();
        if (c < 0) {
            return null;
        }
        while (c >= 0 && c != '\n' && c != '\r') {
            b.append((char) c);
            c = read();
        }
        if (c == '\r') {
            int next = read();
            if (next != '\n') {
                peeked = next;
            }
        }
        return b.toString();
    }

    public boolean ready() throws IOException {
        return peeked != -2;
    }
}
