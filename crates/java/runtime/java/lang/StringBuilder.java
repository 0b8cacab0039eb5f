package java.lang;

/** Appends pieces and joins them when read, so building a long string is not quadratic. */
public final class StringBuilder implements CharSequence {
    private String[] pieces = new String[8];
    private int count;
    private int length;

    public StringBuilder() {}

    public StringBuilder(int capacity) {}

    public StringBuilder(String s) {
        append(s);
    }

    public StringBuilder(CharSequence s) {
        append(s.toString());
    }

    public StringBuilder append(String s) {
        if (s == null) s = "null";
        if (s.length() == 0) return this;
        if (count == pieces.length) {
            if (count >= 64) {
                // Fold into one piece: each character is copied O(log n) times over.
                String joined = toString();
                pieces[0] = joined;
                count = 1;
            } else {
                String[] bigger = new String[count * 2];
                System.arraycopy(pieces, 0, bigger, 0, count);
                pieces = bigger;
            }
        }
        pieces[count++] = s;
        length += s.length();
        return this;
    }

    public StringBuilder append(Object o) { return append(String.valueOf(o)); }
    public StringBuilder append(CharSequence s) { return append(String.valueOf(s)); }
    public StringBuilder append(char c) { return append(phantom.runtime.Rt.str(c)); }
    public StringBuilder append(int v) { return append(phantom.runtime.Rt.str(v)); }
    public StringBuilder append(long v) { return append(phantom.runtime.Rt.str(v)); }
    public StringBuilder append(boolean v) { return append(phantom.runtime.Rt.str(v)); }
    public StringBuilder append(double v) { return append(phantom.runtime.Rt.str(v)); }
    public StringBuilder append(float v) { return append(phantom.runtime.Rt.str(v)); }
    public StringBuilder append(char[] c) { return append(String.valueOf(c)); }

    public StringBuilder append(CharSequence s, int start, int end) {
        return append(s.toString().substring(start, end));
    }

    public int length() {
        return length;
    }

    public char charAt(int i) {
        if (i < 0 || i >= length) {
            throw new StringIndexOutOfBoundsException("index " + i + ",length " + length);
        }
        return toString().charAt(i);
    }

    public String toString() {
        if (count == 0) return "";
        if (count > 1) {
            // Pairwise, so that joining n pieces copies each about log n times.
            int n = count;
            while (n > 1) {
                int k = 0;
                for (int i = 0; i < n; i += 2) {
                    pieces[k++] = i + 1 < n ? pieces[i].concat(pieces[i + 1]) : pieces[i];
                }
                n = k;
            }
            count = 1;
        }
        return pieces[0];
    }

    private StringBuilder replaceAll(String s) {
        count = 0;
        length = 0;
        return append(s);
    }

    public StringBuilder reverse() {
        char[] c = toString().toCharArray();
        for (int i = 0, j = c.length - 1; i < j; i++, j--) {
            char t = c[i];
            c[i] = c[j];
            c[j] = t;
        }
        return replaceAll(new String(c));
    }

    public StringBuilder insert(int at, String s) {
        String t = toString();
        return replaceAll(t.substring(0, at) + s + t.substring(at));
    }

    public StringBuilder insert(int at, char c) { return insert(at, String.valueOf(c)); }
    public StringBuilder insert(int at, int v) { return insert(at, String.valueOf(v)); }
    public StringBuilder insert(int at, Object o) { return insert(at, String.valueOf(o)); }

    public StringBuilder deleteCharAt(int at) {
        String t = toString();
        if (at < 0 || at >= t.length()) {
            throw new StringIndexOutOfBoundsException("index " + at + ",length " + t.length());
        }
        return replaceAll(t.substring(0, at) + t.substring(at + 1));
    }

    public StringBuilder delete(int start, int end) {
        String t = toString();
        if (end > t.length()) end = t.length();
        return replaceAll(t.substring(0, start) + t.substring(end));
    }

    public StringBuilder replace(int start, int end, String s) {
        String t = toString();
        if (end > t.length()) end = t.length();
        return replaceAll(t.substring(0, start) + s + t.substring(end));
    }

    public void setCharAt(int at, char c) {
        String t = toString();
        replaceAll(t.substring(0, at) + c + t.substring(at + 1));
    }

    public void setLength(int n) {
        String t = toString();
        if (n <= t.length()) {
            replaceAll(t.substring(0, n));
        } else {
            StringBuilder b = new StringBuilder(t);
            while (b.length() < n) b.append('\0');
            replaceAll(b.toString());
        }
    }

    public int indexOf(String s) {
        return toString().indexOf(s);
    }

    public int lastIndexOf(String s) {
        return toString().lastIndexOf(s);
    }

    public String substring(int start) {
        return toString().substring(start);
    }

    public String substring(int start, int end) {
        return toString().substring(start, end);
    }

    public boolean isEmpty() {
        return length == 0;
    }

    public int capacity() {
        return length + 16;
    }
}
