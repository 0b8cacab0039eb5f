package java.lang;

import phantom.internal.binary;

/**
 * A growing byte buffer (a Phantom binary that doubles when full), so appending is amortised
 * constant time. The text is UTF-8, as Phantom strings are: indexes count bytes (COMPATIBILITY J1).
 */
public final class StringBuilder implements CharSequence {
    private binary buffer;
    private int length;

    public StringBuilder() {}

    public StringBuilder(int capacity) {
        if (capacity < 0) {
            throw new NegativeArraySizeException(String.valueOf(capacity));
        }
    }

    public StringBuilder(String s) {
        append(s);
    }

    public StringBuilder(CharSequence s) {
        append(s.toString());
    }

    public StringBuilder append(String s) {
        if (s == null) s = "null";
        if (s.length() == 0) return this;
        buffer = phantom.runtime.Rt.n().bufferAppend(buffer, length, s);
        length += s.length();
        return this;
    }

    public StringBuilder append(Object o) { return append(String.valueOf(o)); }
    public StringBuilder append(CharSequence s) { return append(String.valueOf(s)); }
    public StringBuilder append(StringBuilder s) { return append(String.valueOf(s)); }
    public StringBuilder append(char c) { return append(phantom.runtime.Rt.str(c)); }
    public StringBuilder append(int v) { return append(phantom.runtime.Rt.str(v)); }
    public StringBuilder append(long v) { return append(phantom.runtime.Rt.str(v)); }
    public StringBuilder append(boolean v) { return append(phantom.runtime.Rt.str(v)); }
    public StringBuilder append(double v) { return append(phantom.runtime.Rt.str(v)); }
    public StringBuilder append(float v) { return append(phantom.runtime.Rt.str(v)); }
    public StringBuilder append(char[] c) { return append(String.valueOf(c)); }

    public StringBuilder append(char[] c, int offset, int count) {
        return append(String.valueOf(c, offset, count));
    }

    public StringBuilder append(CharSequence s, int start, int end) {
        if (s == null) s = "null";
        return append(s.toString().substring(start, end));
    }

    public int length() {
        return length;
    }

    private void check(int index) {
        if (index < 0 || index >= length) {
            throw new StringIndexOutOfBoundsException("index " + index + ",length " + length);
        }
    }

    public char charAt(int i) {
        check(i);
        return (char) buffer.getByte(i);
    }

    public void setCharAt(int at, char c) {
        check(at);
        if (c < 0x80) {
            buffer.setByte(at, c);
        } else {
            String t = toString();
            replaceAll(t.substring(0, at) + c + t.substring(at + 1));
        }
    }

    public CharSequence subSequence(int start, int end) {
        return substring(start, end);
    }

    public String toString() {
        return phantom.runtime.Rt.n().bufferToString(buffer, length);
    }

    private StringBuilder replaceAll(String s) {
        length = 0;
        return append(s);
    }

    public StringBuilder reverse() {
        for (int i = 0, j = length - 1; i < j; i++, j--) {
            int t = buffer.getByte(i);
            buffer.setByte(i, buffer.getByte(j));
            buffer.setByte(j, t);
        }
        return this;
    }

    public StringBuilder insert(int at, String s) {
        if (at < 0 || at > length) {
            throw new StringIndexOutOfBoundsException("offset " + at + ", length " + length);
        }
        String t = toString();
        return replaceAll(t.substring(0, at) + (s == null ? "null" : s) + t.substring(at));
    }

    public StringBuilder insert(int at, char c) { return insert(at, String.valueOf(c)); }
    public StringBuilder insert(int at, int v) { return insert(at, String.valueOf(v)); }
    public StringBuilder insert(int at, long v) { return insert(at, String.valueOf(v)); }
    public StringBuilder insert(int at, double v) { return insert(at, String.valueOf(v)); }
    public StringBuilder insert(int at, float v) { return insert(at, String.valueOf(v)); }
    public StringBuilder insert(int at, CharSequence c) { return insert(at, String.valueOf(c)); }
    public StringBuilder insert(int at, char[] c, int offset, int count) { return insert(at, String.valueOf(c, offset, count)); }
    public StringBuilder insert(int at, boolean v) { return insert(at, String.valueOf(v)); }
    public StringBuilder insert(int at, Object o) { return insert(at, String.valueOf(o)); }
    public StringBuilder insert(int at, char[] c) { return insert(at, String.valueOf(c)); }

    public StringBuilder deleteCharAt(int at) {
        check(at);
        return delete(at, at + 1);
    }

    public StringBuilder delete(int start, int end) {
        if (end > length) end = length;
        if (start < 0 || start > end) {
            throw new StringIndexOutOfBoundsException("start " + start + ", end " + end + ", length " + length);
        }
        String t = toString();
        return replaceAll(t.substring(0, start) + t.substring(end));
    }

    public StringBuilder replace(int start, int end, String s) {
        if (start < 0 || start > length || start > end) {
            throw new StringIndexOutOfBoundsException("start " + start + ", end " + end + ", length " + length);
        }
        if (end > length) end = length;
        String t = toString();
        return replaceAll(t.substring(0, start) + s + t.substring(end));
    }

    public void setLength(int n) {
        if (n < 0) {
            throw new StringIndexOutOfBoundsException(String.valueOf(n));
        }
        while (length < n) {
            append('\0');
        }
        length = n;
    }

    public int indexOf(String s) {
        return toString().indexOf(s);
    }

    public int indexOf(String s, int from) {
        return toString().indexOf(s, from);
    }

    public int lastIndexOf(String s) {
        return toString().lastIndexOf(s);
    }

    public int lastIndexOf(String s, int from) {
        return toString().lastIndexOf(s, from);
    }

    public StringBuilder appendCodePoint(int c) {
        return append(Character.toString(c));
    }

    public int codePointAt(int i) {
        return charAt(i);
    }

    public void getChars(int begin, int end, char[] dst, int at) {
        toString().getChars(begin, end, dst, at);
    }

    public String substring(int start) {
        return substring(start, length);
    }

    public String substring(int start, int end) {
        if (start < 0 || end > length || start > end) {
            throw new StringIndexOutOfBoundsException("start " + start + ", end " + end + ", length " + length);
        }
        return toString().substring(start, end);
    }

    public boolean isEmpty() {
        return length == 0;
    }

    public int capacity() {
        return buffer == null ? 16 : buffer.size();
    }

    public void ensureCapacity(int n) {}

    public void trimToSize() {}

    public int compareTo(StringBuilder other) {
        return toString().compareTo(other.toString());
    }
}
