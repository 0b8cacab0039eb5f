package phantom.runtime;

/** String.format's common conversions: %s %d %x %o %c %b %f %e %n %%, with flags - 0 + , and width and precision. */
public final class Format {
    private Format() {}

    public static String format(String f, Object[] args) {
        StringBuilder out = new StringBuilder();
        int next = 0, n = f.length();
        for (int i = 0; i < n; i++) {
            char c = f.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            i++;
            if (i >= n) {
                throw new IllegalArgumentException("Format specifier '%'");
            }
            boolean left = false, zero = false, plus = false, comma = false, space = false;
            while ("-0+, ".indexOf(f.charAt(i)) >= 0) {
                char flag = f.charAt(i);
                if (flag == '-') left = true;
                if (flag == '0') zero = true;
                if (flag == '+') plus = true;
                if (flag == ',') comma = true;
                if (flag == ' ') space = true;
                i++;
            }
            int width = 0;
            while (f.charAt(i) >= '0' && f.charAt(i) <= '9') {
                width = width * 10 + (f.charAt(i) - '0');
                i++;
            }
            int precision = -1;
            if (f.charAt(i) == '.') {
                i++;
                precision = 0;
                while (f.charAt(i) >= '0' && f.charAt(i) <= '9') {
                    precision = precision * 10 + (f.charAt(i) - '0');
                    i++;
                }
            }
            char conv = f.charAt(i);
            String text;
            switch (conv) {
                case 'n': out.append('\n'); continue;
                case '%': text = "%"; break;
                case 's': case 'S': {
                    text = String.valueOf(args[next++]);
                    if (precision >= 0 && text.length() > precision) text = text.substring(0, precision);
                    if (conv == 'S') text = text.toUpperCase();
                    break;
                }
                case 'b': text = String.valueOf(args[next] != null && !(args[next] instanceof Boolean && !((Boolean) args[next]))); next++; break;
                case 'c': text = String.valueOf((char) ((Character) args[next++]).charValue()); break;
                case 'd': {
                    Object a = args[next++];
                    long v = a instanceof Long ? (Long) a : ((Number) a).longValue();
                    text = digits(Long.toString(Math.abs(v)), comma);
                    if (v == Long.MIN_VALUE) text = digits("9223372036854775808", comma);
                    text = sign(v < 0, plus, space) + text;
                    break;
                }
                case 'x': case 'X': case 'o': {
                    Object a = args[next++];
                    long v = ((Number) a).longValue();
                    int radix = conv == 'o' ? 8 : 16;
                    if (a instanceof Long) {
                        text = v >= 0 ? Long.toString(v, radix) : unsigned(v, radix);
                    } else {
                        text = Long.toString(v & 0xFFFFFFFFL, radix);
                    }
                    if (conv == 'X') text = text.toUpperCase();
                    break;
                }
                case 'f': case 'e': case 'E': {
                    Object a = args[next++];
                    double v = ((Number) a).doubleValue();
                    int p = precision < 0 ? 6 : precision;
                    if (Double.isNaN(v) || Double.isInfinite(v)) {
                        text = Double.toString(v);
                    } else if (conv == 'f') {
                        text = sign(v < 0 || (v == 0 && 1 / v < 0), plus, space) + digits(fixed(Math.abs(v), p), comma);
                    } else {
                        text = sign(v < 0, plus, space) + scientific(Math.abs(v), p, conv == 'E');
                    }
                    break;
                }
                default: throw new IllegalArgumentException("Conversion = '" + conv + "'");
            }
            while (text.length() < width) {
                if (left) {
                    text = text + " ";
                } else if (zero && (conv == 'd' || conv == 'f' || conv == 'x' || conv == 'X')) {
                    boolean signed = text.startsWith("-") || text.startsWith("+");
                    text = signed ? text.charAt(0) + "0" + text.substring(1) : "0" + text;
                } else {
                    text = " " + text;
                }
            }
            out.append(text);
        }
        return out.toString();
    }

    private static String sign(boolean negative, boolean plus, boolean space) {
        return negative ? "-" : plus ? "+" : space ? " " : "";
    }

    private static String unsigned(long v, int radix) {
        long q = (v >>> 1) / radix * 2;
        long r = v - q * radix;
        while (r >= radix) {
            q++;
            r -= radix;
        }
        return Long.toString(q, radix) + Long.toString(r, radix);
    }

    private static String digits(String s, boolean comma) {
        if (!comma) return s;
        int dot = s.indexOf('.');
        String whole = dot < 0 ? s : s.substring(0, dot);
        String rest = dot < 0 ? "" : s.substring(dot);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) b.append(',');
            b.append(whole.charAt(i));
        }
        return b.append(rest).toString();
    }

    /** v >= 0 with p decimals, rounded half up as Java's Formatter does. */
    static String fixed(double v, int p) {
        return Rt.n().fixedToString(v, p);
    }

    private static String scientific(double v, int p, boolean upper) {
        int exp = 0;
        if (v != 0) {
            exp = (int) Math.floor(Math.log10(v));
            if (v / Math.pow(10, exp) >= 10) exp++;
            if (v / Math.pow(10, exp) < 1) exp--;
        }
        String m = fixed(v / Math.pow(10, exp), p);
        if (m.startsWith("10")) {
            exp++;
            m = fixed(v / Math.pow(10, exp), p);
        }
        String e = (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        return m + (upper ? "E" : "e") + e;
    }
}
