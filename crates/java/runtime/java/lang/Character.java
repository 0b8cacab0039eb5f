package java.lang;

public final class Character implements Comparable<Character> {
    public static final char MIN_VALUE = '\u0000';
    public static final char MAX_VALUE = '\uffff';
    private static final Character[] CACHE = new Character[128];
    private final char value;

    public Character(char value) {
        this.value = value;
    }

    public static Character valueOf(char c) {
        if (c < 128) {
            Character x = CACHE[c];
            if (x == null) {
                x = new Character(c);
                CACHE[c] = x;
            }
            return x;
        }
        return new Character(c);
    }

    public char charValue() {
        return value;
    }

    public static boolean isDigit(char c) { return c >= '0' && c <= '9'; }
    public static boolean isDigit(int c) { return c >= '0' && c <= '9'; }
    public static boolean isLetter(char c) { return isLowerCase(c) || isUpperCase(c) || c > 127; }
    public static boolean isLetter(int c) { return isLetter((char) c); }
    public static boolean isLetterOrDigit(char c) { return isLetter(c) || isDigit(c); }
    public static boolean isLetterOrDigit(int c) { return isLetterOrDigit((char) c); }
    public static boolean isAlphabetic(int c) { return isLetter((char) c); }
    public static boolean isUpperCase(char c) { return c >= 'A' && c <= 'Z'; }
    public static boolean isUpperCase(int c) { return c >= 'A' && c <= 'Z'; }
    public static boolean isLowerCase(char c) { return c >= 'a' && c <= 'z'; }
    public static boolean isLowerCase(int c) { return c >= 'a' && c <= 'z'; }
    public static boolean isWhitespace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b || (c >= 0x1c && c <= 0x1f); }
    public static boolean isWhitespace(int c) { return isWhitespace((char) c); }
    public static boolean isSpaceChar(char c) { return c == ' '; }
    public static char toUpperCase(char c) { return isLowerCase(c) ? (char) (c - 32) : c; }
    public static int toUpperCase(int c) { return isLowerCase(c) ? c - 32 : c; }
    public static char toLowerCase(char c) { return isUpperCase(c) ? (char) (c + 32) : c; }
    public static int toLowerCase(int c) { return isUpperCase(c) ? c + 32 : c; }

    public static int getNumericValue(char c) {
        if (isDigit(c)) return c - '0';
        if (isLowerCase(c)) return c - 'a' + 10;
        if (isUpperCase(c)) return c - 'A' + 10;
        return -1;
    }

    public static int digit(char c, int radix) {
        int v = getNumericValue(c);
        return v >= 0 && v < radix ? v : -1;
    }

    public static char forDigit(int d, int radix) {
        if (d < 0 || d >= radix) return '\0';
        return d < 10 ? (char) ('0' + d) : (char) ('a' + d - 10);
    }

    public static String toString(char c) {
        return phantom.runtime.Rt.str(c);
    }

    public String toString() {
        return toString(value);
    }

    public boolean equals(Object o) {
        return o instanceof Character && ((Character) o).value == value;
    }

    public int hashCode() {
        return value;
    }

    public static int hashCode(char c) {
        return c;
    }

    public static final char MIN_HIGH_SURROGATE = '\uD800';
    public static final char MAX_LOW_SURROGATE = '\uDFFF';
    public static final int MIN_RADIX = 2;
    public static final int MAX_RADIX = 36;

    public static boolean isSurrogate(char c) { return c >= '\uD800' && c <= '\uDFFF'; }
    public static boolean isHighSurrogate(char c) { return c >= '\uD800' && c <= '\uDBFF'; }
    public static boolean isLowSurrogate(char c) { return c >= '\uDC00' && c <= '\uDFFF'; }
    public static boolean isValidCodePoint(int c) { return c >= 0 && c <= 0x10FFFF; }
    public static boolean isBmpCodePoint(int c) { return c >>> 16 == 0; }
    public static int charCount(int c) { return c >= 0x10000 ? 2 : 1; }

    public static char[] toChars(int c) {
        if (!isValidCodePoint(c)) {
            throw new IllegalArgumentException("Not a valid Unicode code point: 0x" + Integer.toHexString(c).toUpperCase());
        }
        if (c < 0x10000) {
            return new char[] {(char) c};
        }
        int u = c - 0x10000;
        return new char[] {(char) (0xD800 + (u >>> 10)), (char) (0xDC00 + (u & 0x3ff))};
    }

    public static String toString(int c) {
        return String.valueOf(toChars(c));
    }

    /** Letters, currency symbols and connecting punctuation (ASCII: $ and _) start an identifier. */
    public static boolean isJavaIdentifierStart(char c) { return isLetter(c) || c == '$' || c == '_'; }
    public static boolean isJavaIdentifierStart(int c) { return isJavaIdentifierStart((char) c); }

    /** ...and digits and the ignorable controls may follow. */
    public static boolean isJavaIdentifierPart(char c) {
        return isJavaIdentifierStart(c) || isDigit(c) || (c <= 8) || (c >= 0x0e && c <= 0x1b) || (c >= 0x7f && c <= 0x9f);
    }
    public static boolean isJavaIdentifierPart(int c) { return isJavaIdentifierPart((char) c); }

    public static boolean isISOControl(char c) { return c <= 0x1f || (c >= 0x7f && c <= 0x9f); }
    public static boolean isISOControl(int c) { return c >= 0 && c <= 0x1f || (c >= 0x7f && c <= 0x9f); }
    public static boolean isTitleCase(char c) { return false; }
    public static boolean isDefined(char c) { return true; }
    public static int digit(int c, int radix) { return digit((char) c, radix); }
    public static int getNumericValue(int c) { return getNumericValue((char) c); }

    public int compareTo(Character o) {
        return value - o.value;
    }

    public static int compare(char a, char b) {
        return a - b;
    }
}
