package java.util;

/**
 * Tokens and lines of a text or an input stream, separated by whitespace as the JDK's default
 * delimiter does. Input is read a line at a time, so an interactive console works.
 */
public final class Scanner implements Iterator<String>, java.io.Closeable {
    private final java.io.Reader source;
    /** Text read but not consumed starts at {@code at}. */
    private String buffer;
    private int at;
    private boolean sourceDone;
    private boolean closed;

    public Scanner(java.io.InputStream in) {
        this(new java.io.InputStreamReader(in));
    }

    public Scanner(java.io.Reader in) {
        source = in;
        buffer = "";
    }

    public Scanner(String text) {
        source = null;
        buffer = text;
        sourceDone = true;
    }

    /** True when the character {@code offset} past the position exists, reading more if needed. */
    private boolean has(int offset) {
        ensureOpen();
        while (at + offset >= buffer.length()) {
            if (sourceDone) {
                return false;
            }
            readLine();
        }
        return true;
    }

    private char charAt(int offset) {
        return buffer.charAt(at + offset);
    }

    private void readLine() {
        StringBuilder line = new StringBuilder();
        line.append(buffer.substring(at));
        try {
            int c;
            do {
                c = source.read();
                if (c < 0) {
                    sourceDone = true;
                    break;
                }
                line.append((char) c);
            } while (c != '\n');
        } catch (java.io.IOException e) {
            sourceDone = true;
        }
        buffer = line.toString();
        at = 0;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("Scanner closed");
        }
    }

    /** Offsets [start, end) of the next token past the position, or null when there is none. */
    private int[] peekToken() {
        int start = 0;
        while (has(start) && Character.isWhitespace(charAt(start))) {
            start++;
        }
        if (!has(start)) {
            return null;
        }
        int end = start;
        while (has(end) && !Character.isWhitespace(charAt(end))) {
            end++;
        }
        return new int[] {start, end};
    }

    private String text(int[] token) {
        return buffer.substring(at + token[0], at + token[1]);
    }

    private void consume(int[] token) {
        at += token[1];
    }

    public boolean hasNext() {
        return peekToken() != null;
    }

    public String next() {
        int[] token = peekToken();
        if (token == null) {
            throw new NoSuchElementException();
        }
        String s = text(token);
        consume(token);
        return s;
    }

    private static boolean isInteger(String s) {
        int i = s.length() > 1 && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        if (i == s.length()) {
            return false;
        }
        for (; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDecimal(String s) {
        String body = s.length() > 1 && (s.charAt(0) == '-' || s.charAt(0) == '+') ? s.substring(1) : s;
        if (body.equals("NaN") || body.equals("Infinity")) {
            return true;
        }
        int digits = 0;
        int i = 0;
        boolean dot = false;
        for (; i < body.length(); i++) {
            char c = body.charAt(i);
            if (Character.isDigit(c)) {
                digits++;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < body.length() && (body.charAt(i) == 'e' || body.charAt(i) == 'E')) {
            i++;
            if (i < body.length() && (body.charAt(i) == '-' || body.charAt(i) == '+')) {
                i++;
            }
            int exponent = 0;
            for (; i < body.length() && Character.isDigit(body.charAt(i)); i++) {
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == body.length();
    }

    /** The next token when it is an integer in range, consumed; otherwise the JDK's exceptions. */
    private long nextInteger(long min, long max) {
        int[] token = peekToken();
        if (token == null) {
            throw new NoSuchElementException();
        }
        String s = text(token);
        if (!isInteger(s)) {
            throw new InputMismatchException();
        }
        String digits = s.charAt(0) == '+' ? s.substring(1) : s;
        long v;
        try {
            v = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new InputMismatchException("For input string: \"" + digits + "\"");
        }
        if (v < min || v > max) {
            throw new InputMismatchException("For input string: \"" + digits + "\"");
        }
        consume(token);
        return v;
    }

    private boolean hasInteger(long min, long max) {
        int[] token = peekToken();
        if (token == null || !isInteger(text(token))) {
            return false;
        }
        String s = text(token);
        try {
            long v = Long.parseLong(s.charAt(0) == '+' ? s.substring(1) : s);
            return v >= min && v <= max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public boolean hasNextInt() {
        return hasInteger(Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    public int nextInt() {
        return (int) nextInteger(Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    public boolean hasNextLong() {
        return hasInteger(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    public long nextLong() {
        return nextInteger(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    public boolean hasNextShort() {
        return hasInteger(Short.MIN_VALUE, Short.MAX_VALUE);
    }

    public short nextShort() {
        return (short) nextInteger(Short.MIN_VALUE, Short.MAX_VALUE);
    }

    public boolean hasNextByte() {
        return hasInteger(Byte.MIN_VALUE, Byte.MAX_VALUE);
    }

    public byte nextByte() {
        return (byte) nextInteger(Byte.MIN_VALUE, Byte.MAX_VALUE);
    }

    public boolean hasNextDouble() {
        int[] token = peekToken();
        return token != null && isDecimal(text(token));
    }

    public double nextDouble() {
        int[] token = peekToken();
        if (token == null) {
            throw new NoSuchElementException();
        }
        String s = text(token);
        if (!isDecimal(s)) {
            throw new InputMismatchException();
        }
        consume(token);
        return Double.parseDouble(s);
    }

    public float nextFloat() {
        return (float) nextDouble();
    }

    public boolean hasNextBoolean() {
        int[] token = peekToken();
        return token != null && (text(token).equalsIgnoreCase("true") || text(token).equalsIgnoreCase("false"));
    }

    public boolean nextBoolean() {
        if (!hasNextBoolean()) {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            throw new InputMismatchException();
        }
        return next().equalsIgnoreCase("true");
    }

    public boolean hasNextLine() {
        return has(0);
    }

    /** The rest of the current line without its terminator (\n, \r\n or \r). */
    public String nextLine() {
        if (!has(0)) {
            throw new NoSuchElementException("No line found");
        }
        int end = 0;
        while (has(end) && charAt(end) != '\n' && charAt(end) != '\r') {
            end++;
        }
        String line = buffer.substring(at, at + end);
        int skip = end;
        if (has(end)) {
            skip++;
            if (charAt(end) == '\r' && has(end + 1) && charAt(end + 1) == '\n') {
                skip++;
            }
        }
        at += skip;
        return line;
    }

    public void close() {
        closed = true;
    }
}
