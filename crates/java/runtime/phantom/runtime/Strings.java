package phantom.runtime;

/**
 * java.lang.String's methods, as static methods taking the string first: a Java string is a
 * Phantom string, so its methods are these and the string's own natives. Strings are read as
 * their bytes, one char each (exact for ASCII text).
 */
public final class Strings {
    private Strings() {}

    private static phantom.internal.string p(String s) {
        return Rt.asString(s);
    }

    public static String make() {
        return "";
    }

    /** new String(s) is a new object (s == new String(s) is false in Java). */
    public static String make(String s) {
        return p(s).substring(0, s.length());
    }

    public static String make(char[] chars) {
        return Rt.n().charsToString(chars, 0, chars.length);
    }

    public static String make(char[] chars, int offset, int count) {
        return Rt.n().charsToString(chars, offset, count);
    }

    public static String make(StringBuilder b) {
        return b.toString();
    }

    public static boolean isEmpty(String s) {
        return s.length() == 0;
    }

    public static boolean isBlank(String s) {
        return p(s).trim().length() == 0;
    }

    public static String substring(String s, int begin) {
        return substring(s, begin, s.length());
    }

    public static String substring(String s, int begin, int end) {
        int n = s.length();
        if (begin < 0 || end > n || begin > end) {
            throw new StringIndexOutOfBoundsException("begin " + begin + ", end " + end + ", length " + n);
        }
        return p(s).substring(begin, end - begin);
    }

    public static CharSequence subSequence(String s, int begin, int end) {
        return substring(s, begin, end);
    }

    public static String concat(String s, String t) {
        return p(s).concat(t);
    }

    public static int indexOf(String s, String t) {
        return p(s).indexOf(t, 0);
    }

    public static int indexOf(String s, String t, int from) {
        return p(s).indexOf(t, from < 0 ? 0 : from);
    }

    public static int indexOf(String s, int c) {
        return indexOf(s, c, 0);
    }

    public static int indexOf(String s, int c, int from) {
        int n = s.length();
        for (int i = from < 0 ? 0 : from; i < n; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    public static int lastIndexOf(String s, int c) {
        for (int i = s.length() - 1; i >= 0; i--) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    public static int lastIndexOf(String s, String t) {
        for (int i = s.length() - t.length(); i >= 0; i--) {
            if (s.startsWith(t, i)) {
                return i;
            }
        }
        return -1;
    }

    public static int lastIndexOf(String s, int c, int from) {
        for (int i = from >= s.length() ? s.length() - 1 : from; i >= 0; i--) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    public static int lastIndexOf(String s, String t, int from) {
        int last = s.length() - t.length();
        for (int i = from > last ? last : from; i >= 0; i--) {
            if (s.startsWith(t, i)) {
                return i;
            }
        }
        return -1;
    }

    public static int codePointAt(String s, int i) {
        return s.charAt(i);
    }

    public static int codePointCount(String s, int begin, int end) {
        return end - begin;
    }

    public static boolean regionMatches(String s, int at, String other, int from, int n) {
        return regionMatches(s, false, at, other, from, n);
    }

    public static boolean regionMatches(String s, boolean ignoreCase, int at, String other, int from, int n) {
        if (at < 0 || from < 0 || at > (long) s.length() - n || from > (long) other.length() - n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char a = s.charAt(at + i), b = other.charAt(from + i);
            if (a != b && !(ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b))) {
                return false;
            }
        }
        return true;
    }

    public static void getChars(String s, int begin, int end, char[] dst, int at) {
        if (begin < 0 || end > s.length() || begin > end) {
            throw new StringIndexOutOfBoundsException("begin " + begin + ", end " + end + ", length " + s.length());
        }
        for (int i = begin; i < end; i++) {
            dst[at + i - begin] = s.charAt(i);
        }
    }

    /** The string's bytes (its UTF-8). */
    public static byte[] getBytes(String s) {
        byte[] b = new byte[s.length()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) s.charAt(i);
        }
        return b;
    }

    public static boolean contains(String s, CharSequence t) {
        return p(s).indexOf(t.toString(), 0) >= 0;
    }

    public static boolean startsWith(String s, String prefix) {
        return startsWith(s, prefix, 0);
    }

    public static boolean startsWith(String s, String prefix, int at) {
        int n = prefix.length();
        if (at < 0 || at + n > s.length()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (s.charAt(at + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    public static boolean endsWith(String s, String suffix) {
        return startsWith(s, suffix, s.length() - suffix.length());
    }

    public static String toLowerCase(String s) {
        return p(s).toLower();
    }

    public static String toUpperCase(String s) {
        char[] c = toCharArray(s);
        for (int i = 0; i < c.length; i++) {
            if (c[i] >= 'a' && c[i] <= 'z') {
                c[i] = (char) (c[i] - 32);
            }
        }
        return make(c);
    }

    public static String trim(String s) {
        int a = 0, b = s.length();
        while (a < b && s.charAt(a) <= ' ') {
            a++;
        }
        while (b > a && s.charAt(b - 1) <= ' ') {
            b--;
        }
        return a == 0 && b == s.length() ? s : substring(s, a, b);
    }

    /** strip and its halves remove Character.isWhitespace characters (trim: all up to ' '). */
    public static String strip(String s) {
        return stripTrailing(stripLeading(s));
    }

    public static String stripLeading(String s) {
        int a = 0, n = s.length();
        while (a < n && Character.isWhitespace(s.charAt(a))) {
            a++;
        }
        return a == 0 ? s : substring(s, a, n);
    }

    public static String stripTrailing(String s) {
        int b = s.length();
        while (b > 0 && Character.isWhitespace(s.charAt(b - 1))) {
            b--;
        }
        return b == s.length() ? s : substring(s, 0, b);
    }

    /** The lines of s, each shifted by n spaces (or up to -n leading blanks taken off), each ending in a newline. */
    public static String indent(String s, int n) {
        if (s.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        int at = 0, len = s.length();
        while (at < len) {
            int end = at;
            while (end < len && s.charAt(end) != '\n' && s.charAt(end) != '\r') {
                end++;
            }
            String line = substring(s, at, end);
            if (n > 0) {
                for (int i = 0; i < n; i++) {
                    b.append(' ');
                }
                b.append(line);
            } else {
                int k = 0;
                while (k < line.length() && k < -n && Character.isWhitespace(line.charAt(k))) {
                    k++;
                }
                b.append(substring(line, k));
            }
            b.append('\n');
            if (end < len && s.charAt(end) == '\r' && end + 1 < len && s.charAt(end + 1) == '\n') {
                end++;
            }
            at = end + 1;
        }
        return b.toString();
    }

    public static String stripIndent(String s) {
        return s;
    }

    /** String.CASE_INSENSITIVE_ORDER (getstatic on java.lang.String reads it here). */
    public static final java.util.Comparator<String> CASE_INSENSITIVE_ORDER = new java.util.Comparator<String>() {
        public int compare(String a, String b) {
            return compareToIgnoreCase(a, b);
        }
    };

    public static char[] toCharArray(String s) {
        return (char[]) Rt.same(Rt.n().toChars(s));
    }

    public static int compareTo(String s, String t) {
        return Rt.n().compareStrings(s, t);
    }

    public static int compareTo(String s, Object t) {
        return Rt.n().compareStrings(s, (String) t);
    }

    public static int compareToIgnoreCase(String s, String t) {
        return Rt.n().compareStrings(toLowerCase(s), toLowerCase(t));
    }

    public static boolean equalsIgnoreCase(String s, String t) {
        return t != null && toLowerCase(s).equals(toLowerCase(t));
    }

    public static boolean contentEquals(String s, CharSequence t) {
        return s.equals(t.toString());
    }

    public static String intern(String s) {
        return s;
    }

    public static String toString(String s) {
        return s;
    }

    public static String replace(String s, char a, char b) {
        char[] c = toCharArray(s);
        for (int i = 0; i < c.length; i++) {
            if (c[i] == a) {
                c[i] = b;
            }
        }
        return make(c);
    }

    public static String replace(String s, CharSequence target, CharSequence replacement) {
        String t = target.toString(), r = replacement.toString();
        if (t.isEmpty()) {
            StringBuilder b = new StringBuilder(r);
            for (int i = 0; i < s.length(); i++) {
                b.append(s.charAt(i)).append(r);
            }
            return b.toString();
        }
        StringBuilder b = new StringBuilder();
        int at = 0;
        while (true) {
            int i = indexOf(s, t, at);
            if (i < 0) {
                break;
            }
            b.append(substring(s, at, i)).append(r);
            at = i + t.length();
        }
        return b.append(substring(s, at)).toString();
    }

    public static String repeat(String s, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("count is negative: " + n);
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(s);
        }
        return b.toString();
    }

    /** split(regex): a separator that is one literal char is searched for directly (as the
     * JDK does); anything else is a regular expression. */
    public static String[] split(String s, String regex) {
        return split(s, regex, 0);
    }

    public static String[] split(String s, String regex, int limit) {
        char literal = literalChar(regex);
        if (literal == 0) {
            return java.util.regex.Pattern.compile(regex).split(s, limit);
        }
        java.util.ArrayList<String> parts = new java.util.ArrayList<String>();
        String separator = regex.length() == 1 ? regex : substring(regex, 1);
        int at = 0, i;
        while ((limit <= 0 || parts.size() < limit - 1) && (i = indexOf(s, separator, at)) >= 0) {
            parts.add(substring(s, at, i));
            at = i + 1;
        }
        if (at == 0) {
            return new String[] {s};
        }
        parts.add(substring(s, at));
        if (limit == 0) {
            while (!parts.isEmpty() && parts.get(parts.size() - 1).isEmpty()) {
                parts.remove(parts.size() - 1);
            }
        }
        String[] out = new String[parts.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = parts.get(k);
        }
        return out;
    }

    /** The char a regular expression stands for when it is one literal char, else 0. */
    private static char literalChar(String regex) {
        if (regex.length() == 1) {
            char c = regex.charAt(0);
            switch (c) {
                case '.': case '$': case '|': case '(': case ')': case '[': case '{': case '^': case '?': case '*':
                case '+': case '\\':
                    return 0;
                default:
                    return c;
            }
        }
        if (regex.length() == 2 && regex.charAt(0) == '\\' && !Character.isLetterOrDigit(regex.charAt(1))) {
            return regex.charAt(1);
        }
        return 0;
    }

    public static boolean matches(String s, String regex) {
        return java.util.regex.Pattern.matches(regex, s);
    }

    public static String replaceAll(String s, String regex, String replacement) {
        return java.util.regex.Pattern.compile(regex).matcher(s).replaceAll(replacement);
    }

    public static String replaceFirst(String s, String regex, String replacement) {
        return java.util.regex.Pattern.compile(regex).matcher(s).replaceFirst(replacement);
    }

    public static String valueOf(Object o) {
        return Rt.str(o);
    }

    public static String valueOf(int v) {
        return Rt.str(v);
    }

    public static String valueOf(long v) {
        return Rt.str(v);
    }

    public static String valueOf(char c) {
        return Rt.str(c);
    }

    public static String valueOf(boolean b) {
        return Rt.str(b);
    }

    public static String valueOf(double d) {
        return Rt.str(d);
    }

    public static String valueOf(float f) {
        return Rt.str(f);
    }

    public static String valueOf(char[] c) {
        return make(c);
    }

    public static String valueOf(char[] c, int offset, int count) {
        return make(c, offset, count);
    }

    public static String copyValueOf(char[] c) {
        return make(c);
    }

    public static String copyValueOf(char[] c, int offset, int count) {
        return make(c, offset, count);
    }

    public static String join(CharSequence sep, CharSequence... parts) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                b.append(sep);
            }
            b.append(parts[i]);
        }
        return b.toString();
    }

    public static String join(CharSequence sep, Iterable<? extends CharSequence> parts) {
        StringBuilder b = new StringBuilder();
        boolean first = true;
        for (CharSequence p : parts) {
            if (!first) {
                b.append(sep);
            }
            first = false;
            b.append(p);
        }
        return b.toString();
    }

    public static String format(String format, Object... args) {
        return Format.format(format, args);
    }

    public static String formatted(String s, Object... args) {
        return Format.format(s, args);
    }

    /** chars(): the string's chars as ints. */
    public static java.util.stream.IntStream chars(String s) {
        int[] out = new int[s.length()];
        for (int i = 0; i < out.length; i++) out[i] = s.charAt(i);
        return java.util.Arrays.stream(out);
    }

    /** lines(): split at \n, \r\n or \r, a last empty line dropped. */
    public static java.util.stream.Stream<String> lines(String s) {
        java.util.List<String> out = new java.util.ArrayList<>();
        int start = 0, n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(s.substring(start, i));
                if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') i++;
                start = i + 1;
            }
        }
        if (start < n) out.add(s.substring(start));
        return out.stream();
    }
}
