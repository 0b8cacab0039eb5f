package java.util;

/** Tokens of a string between delimiter characters (the delimiters optionally tokens too). */
public class StringTokenizer implements Enumeration<Object> {
    private final String s;
    private String delims;
    private final boolean returnDelims;
    private int at;

    public StringTokenizer(String s, String delims, boolean returnDelims) {
        if (s == null) throw new NullPointerException();
        this.s = s;
        this.delims = delims;
        this.returnDelims = returnDelims;
    }

    public StringTokenizer(String s, String delims) {
        this(s, delims, false);
    }

    public StringTokenizer(String s) {
        this(s, " \t\n\r\f", false);
    }

    private boolean isDelim(char c) {
        return delims != null && delims.indexOf(c) >= 0;
    }

    private int skipDelims(int i) {
        if (!returnDelims) {
            while (i < s.length() && isDelim(s.charAt(i))) i++;
        }
        return i;
    }

    /** The end of the token starting at i. */
    private int tokenEnd(int i) {
        if (i < s.length() && returnDelims && isDelim(s.charAt(i))) return i + 1;
        while (i < s.length() && !isDelim(s.charAt(i))) i++;
        return i;
    }

    public boolean hasMoreTokens() {
        return skipDelims(at) < s.length();
    }

    public String nextToken() {
        int start = skipDelims(at);
        if (start >= s.length()) throw new NoSuchElementException();
        at = tokenEnd(start);
        return s.substring(start, at);
    }

    public String nextToken(String delims) {
        this.delims = delims;
        return nextToken();
    }

    public int countTokens() {
        int n = 0;
        for (int i = skipDelims(at); i < s.length(); i = skipDelims(tokenEnd(i))) n++;
        return n;
    }

    public boolean hasMoreElements() {
        return hasMoreTokens();
    }

    public Object nextElement() {
        return nextToken();
    }
}
