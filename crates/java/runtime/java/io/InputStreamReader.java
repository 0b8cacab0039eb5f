package java.io;

/** Characters of an input stream, read as UTF-8. */
public class InputStreamReader extends Reader {
    private final InputStream in;

    public InputStreamReader(InputStream in) {
        this.in = in;
    }

    public InputStreamReader(InputStream in, String charset) {
        this.in = in;
    }

    public int read() throws IOException {
        int b = in.read();
        if (b < 0x80) {
            return b;
        }
        int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : 1;
        int c = b & (0x3F >> extra);
        for (int i = 0; i < extra; i++) {
            int next = in.read();
            if (next < 0) {
                return 0xFFFD;
            }
            c = (c << 6) | (next & 0x3F);
        }
        return c > 0xFFFF ? 0xFFFD : c;
    }
}
