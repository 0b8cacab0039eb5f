package java.util.regex;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A compiled regular expression: a chain of nodes, each matching its part and then asking the
 * rest of the chain (`next`) to match what follows, backtracking when that fails. */
public final class Pattern {
    public static final int UNIX_LINES = 1;
    public static final int CASE_INSENSITIVE = 2;
    public static final int COMMENTS = 4;
    public static final int MULTILINE = 8;
    public static final int LITERAL = 16;
    public static final int DOTALL = 32;
    public static final int UNICODE_CASE = 64;

    private final String source;
    private final int flags;
    final Node root;
    final int groups;
    final Map<String, Integer> names;
    final int loops;

    private Pattern(String source, int flags) {
        this.source = source;
        this.flags = flags;
        Parser p = new Parser(source, flags);
        Frag f = (flags & LITERAL) != 0 ? p.literal() : p.expression();
        if (p.at < source.length()) {
            // The JDK points just before the stray parenthesis.
            p.at--;
            throw p.error(source.charAt(p.at + 1) == ')' ? "Unmatched closing ')'" : "Unexpected character");
        }
        this.root = f.build(new Accept());
        this.groups = p.groups;
        this.names = p.names;
        this.loops = p.loops;
    }

    public static Pattern compile(String regex) {
        return new Pattern(regex, 0);
    }

    public static Pattern compile(String regex, int flags) {
        return new Pattern(regex, flags);
    }

    public static boolean matches(String regex, CharSequence input) {
        return compile(regex).matcher(input).matches();
    }

    public static String quote(String s) {
        if (s.indexOf("\\E") < 0) return "\\Q" + s + "\\E";
        StringBuilder sb = new StringBuilder("\\Q");
        int at = 0, k;
        while ((k = s.indexOf("\\E", at)) >= 0) {
            sb.append(s, at, k).append("\\E\\\\E\\Q");
            at = k + 2;
        }
        return sb.append(s.substring(at)).append("\\E").toString();
    }

    public Matcher matcher(CharSequence input) {
        return new Matcher(this, input);
    }

    public String pattern() { return source; }
    public String toString() { return source; }
    public int flags() { return flags; }

    public Predicate<String> asPredicate() {
        return s -> matcher(s).find();
    }

    public Predicate<String> asMatchPredicate() {
        return s -> matcher(s).matches();
    }

    public String[] split(CharSequence input) {
        return split(input, 0);
    }

    /** Java's split: no leading empty piece for a zero-width match at 0; with limit 0, no
     * trailing empty pieces. */
    public String[] split(CharSequence input, int limit) {
        String text = input.toString();
        List<String> parts = new ArrayList<>();
        Matcher m = matcher(text);
        int index = 0;
        while (m.find()) {
            if (limit > 0 && parts.size() >= limit - 1) break;
            if (index == 0 && m.start() == 0 && m.end() == 0) continue;
            parts.add(text.substring(index, m.start()));
            index = m.end();
        }
        if (index == 0 && parts.isEmpty()) return new String[] {text};
        parts.add(text.substring(index));
        if (limit == 0) {
            while (!parts.isEmpty() && parts.get(parts.size() - 1).isEmpty()) parts.remove(parts.size() - 1);
        }
        return parts.toArray(new String[0]);
    }

    public java.util.stream.Stream<String> splitAsStream(CharSequence input) {
        return java.util.Arrays.stream(split(input));
    }

    // The nodes.

    abstract static class Node {
        Node next;

        abstract boolean match(Matcher m, int i);
    }

    /** The end of the pattern. */
    static final class Accept extends Node {
        boolean match(Matcher m, int i) {
            if (m.wholeRegion && i != m.to) return false;
            m.matchEnd = i;
            return true;
        }
    }

    /** The end of a lookahead's body. */
    static final class LookEnd extends Node {
        boolean match(Matcher m, int i) {
            return true;
        }
    }

    /** One char that passes a test. */
    abstract static class Char extends Node {
        abstract boolean test(char c);

        boolean match(Matcher m, int i) {
            return i < m.to && test(m.text.charAt(i)) && next.match(m, i + 1);
        }
    }

    static final class Single extends Char {
        final char c;
        final boolean fold;

        Single(char c, boolean fold) {
            this.c = fold ? lower(c) : c;
            this.fold = fold;
        }

        boolean test(char x) {
            return (fold ? lower(x) : x) == c;
        }
    }

    static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    static char upper(char c) {
        return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
    }

    static final class Any extends Char {
        final boolean all;

        Any(boolean all) {
            this.all = all;
        }

        boolean test(char c) {
            return all || (c != '\n' && c != '\r' && c != '\u0085' && c != '\u2028' && c != '\u2029');
        }
    }

    /** A character class: ranges, predefined classes and nested classes, maybe negated. */
    static final class Set extends Char {
        final List<char[]> ranges = new ArrayList<>();
        final List<Set> nested = new ArrayList<>();
        final List<Set> intersect = new ArrayList<>();
        String predefined = "";
        boolean negated;
        boolean fold;

        boolean test(char c) {
            return has(c) != negated;
        }

        private boolean has(char c) {
            boolean in = plain(c) || fold && (plain(lower(c)) || plain(upper(c)));
            for (Set s : intersect) in = in && s.test(c);
            return in;
        }

        private boolean plain(char c) {
            for (char[] r : ranges) {
                if (c >= r[0] && c <= r[1]) return true;
            }
            for (int k = 0; k < predefined.length(); k++) {
                if (Parser.inClass(predefined.charAt(k), c)) return true;
            }
            for (Set s : nested) {
                if (s.test(c)) return true;
            }
            return false;
        }
    }

    static final class Begin extends Node {
        final boolean lines;

        Begin(boolean lines) {
            this.lines = lines;
        }

        boolean match(Matcher m, int i) {
            boolean at = i == m.from || lines && i < m.to && isTerminator(m.text.charAt(i - 1))
                    && !(m.text.charAt(i - 1) == '\r' && m.text.charAt(i) == '\n');
            return at && next.match(m, i);
        }
    }

    static boolean isTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    static final class Dollar extends Node {
        final boolean lines;

        Dollar(boolean lines) {
            this.lines = lines;
        }

        boolean match(Matcher m, int i) {
            return atEnd(m, i) && next.match(m, i);
        }

        private boolean atEnd(Matcher m, int i) {
            if (i == m.to) return true;
            char c = m.text.charAt(i);
            if (lines) return isTerminator(c) && !(c == '\n' && i > m.from && m.text.charAt(i - 1) == '\r');
            if (c == '\r' && i + 2 == m.to && m.text.charAt(i + 1) == '\n') return true;
            return i + 1 == m.to && isTerminator(c) && !(c == '\n' && i > m.from && m.text.charAt(i - 1) == '\r');
        }
    }

    /** \A, \z and \G-less anchors at the region's ends. */
    static final class Edge extends Node {
        final boolean start;

        Edge(boolean start) {
            this.start = start;
        }

        boolean match(Matcher m, int i) {
            return (start ? i == m.from : i == m.to) && next.match(m, i);
        }
    }

    static final class WordBoundary extends Node {
        final boolean negated;

        WordBoundary(boolean negated) {
            this.negated = negated;
        }

        boolean match(Matcher m, int i) {
            boolean before = i > m.from && isWord(m.text.charAt(i - 1));
            boolean after = i < m.to && isWord(m.text.charAt(i));
            return ((before != after) != negated) && next.match(m, i);
        }
    }

    static boolean isWord(char c) {
        return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    static final class GroupHead extends Node {
        final int k;

        GroupHead(int k) {
            this.k = k;
        }

        boolean match(Matcher m, int i) {
            int saved = m.pending[k];
            m.pending[k] = i;
            if (next.match(m, i)) return true;
            m.pending[k] = saved;
            return false;
        }
    }

    static final class GroupTail extends Node {
        final int k;

        GroupTail(int k) {
            this.k = k;
        }

        boolean match(Matcher m, int i) {
            int start = m.groups[2 * k], end = m.groups[2 * k + 1];
            m.groups[2 * k] = m.pending[k];
            m.groups[2 * k + 1] = i;
            if (next.match(m, i)) return true;
            m.groups[2 * k] = start;
            m.groups[2 * k + 1] = end;
            return false;
        }
    }

    static final class BackRef extends Node {
        final int k;
        final boolean fold;

        BackRef(int k, boolean fold) {
            this.k = k;
            this.fold = fold;
        }

        boolean match(Matcher m, int i) {
            int s = m.groups[2 * k], e = m.groups[2 * k + 1];
            if (s < 0) return false;
            int n = e - s;
            if (i + n > m.to) return false;
            for (int j = 0; j < n; j++) {
                char a = m.text.charAt(s + j), b = m.text.charAt(i + j);
                if (a != b && !(fold && lower(a) == lower(b))) return false;
            }
            return next.match(m, i + n);
        }
    }

    static final class Branch extends Node {
        final Node[] alternatives;

        Branch(Node[] alternatives) {
            this.alternatives = alternatives;
        }

        boolean match(Matcher m, int i) {
            for (Node a : alternatives) {
                if (a.match(m, i)) return true;
            }
            return false;
        }
    }

    static final class Look extends Node {
        final Node body;
        final boolean negated;

        Look(Node body, boolean negated) {
            this.body = body;
            this.negated = negated;
        }

        boolean match(Matcher m, int i) {
            boolean whole = m.wholeRegion;
            m.wholeRegion = false;
            int[] groups = m.groups.clone();
            boolean found = body.match(m, i);
            m.wholeRegion = whole;
            if (negated) {
                System.arraycopy(groups, 0, m.groups, 0, groups.length);
                return !found && next.match(m, i);
            }
            if (!found) return false;
            if (next.match(m, i)) return true;
            System.arraycopy(groups, 0, m.groups, 0, groups.length);
            return false;
        }
    }

    /** A quantified single char: counted without recursion, then given back one at a time. */
    static final class CharRepeat extends Node {
        final Char c;
        final int min, max;
        final boolean lazy;

        CharRepeat(Char c, int min, int max, boolean lazy) {
            this.c = c;
            this.min = min;
            this.max = max;
            this.lazy = lazy;
        }

        boolean match(Matcher m, int i) {
            int n = 0;
            if (lazy) {
                while (n < min) {
                    if (i + n >= m.to || !c.test(m.text.charAt(i + n))) return false;
                    n++;
                }
                while (true) {
                    if (next.match(m, i + n)) return true;
                    if (n >= max || i + n >= m.to || !c.test(m.text.charAt(i + n))) return false;
                    n++;
                }
            }
            while (n < max && i + n < m.to && c.test(m.text.charAt(i + n))) n++;
            for (; n >= min; n--) {
                if (next.match(m, i + n)) return true;
            }
            return false;
        }
    }

    /** A quantified piece: each iteration's body ends in `LoopBack`, which comes back here. */
    static final class Repeat extends Node {
        Node body;
        final int min, max, slot;
        final boolean lazy;

        Repeat(int min, int max, boolean lazy, int slot) {
            this.min = min;
            this.max = max;
            this.lazy = lazy;
            this.slot = slot;
        }

        boolean match(Matcher m, int i) {
            int count = m.counts[slot], start = m.starts[slot];
            m.counts[slot] = 0;
            boolean r = iterate(m, i);
            m.counts[slot] = count;
            m.starts[slot] = start;
            return r;
        }

        boolean iterate(Matcher m, int i) {
            int c = m.counts[slot];
            if (c < min) return enter(m, i);
            if (lazy) return next.match(m, i) || c < max && enter(m, i);
            return c < max && enter(m, i) || next.match(m, i);
        }

        private boolean enter(Matcher m, int i) {
            int start = m.starts[slot];
            m.starts[slot] = i;
            boolean r = body.match(m, i);
            m.starts[slot] = start;
            return r;
        }
    }

    static final class LoopBack extends Node {
        final Repeat loop;

        LoopBack(Repeat loop) {
            this.loop = loop;
        }

        boolean match(Matcher m, int i) {
            int c = m.counts[loop.slot];
            // An iteration that matched nothing ends the loop (it would match nothing forever).
            if (i == m.starts[loop.slot] && c + 1 >= loop.min) return loop.next.match(m, i);
            m.counts[loop.slot] = c + 1;
            boolean r = loop.iterate(m, i);
            m.counts[loop.slot] = c;
            return r;
        }
    }

    // The parser: fragments that build their nodes in front of what follows them.

    interface Frag {
        Node build(Node next);
    }

    static final class Parser {
        final String s;
        int at;
        int flags;
        int groups;
        int loops;
        final Map<String, Integer> names = new HashMap<>();

        Parser(String s, int flags) {
            this.s = s;
            this.flags = flags;
        }

        PatternSyntaxException error(String what) {
            return new PatternSyntaxException(what, s, at);
        }

        private boolean more() {
            return at < s.length();
        }

        private char peek() {
            return s.charAt(at);
        }

        private boolean fold() {
            return (flags & CASE_INSENSITIVE) != 0;
        }

        Frag literal() {
            String text = s;
            at = s.length();
            return literalOf(text);
        }

        private Frag literalOf(String text) {
            boolean fold = fold();
            return next -> {
                Node n = next;
                for (int k = text.length() - 1; k >= 0; k--) {
                    Node c = new Single(text.charAt(k), fold);
                    c.next = n;
                    n = c;
                }
                return n;
            };
        }

        Frag expression() {
            List<Frag> alternatives = new ArrayList<>();
            alternatives.add(sequence());
            while (more() && peek() == '|') {
                at++;
                alternatives.add(sequence());
            }
            if (alternatives.size() == 1) return alternatives.get(0);
            return next -> {
                Node[] built = new Node[alternatives.size()];
                for (int k = 0; k < built.length; k++) built[k] = alternatives.get(k).build(next);
                Branch b = new Branch(built);
                b.next = next;
                return b;
            };
        }

        private Frag sequence() {
            List<Frag> parts = new ArrayList<>();
            while (more() && peek() != '|' && peek() != ')') {
                Frag atom = atom();
                if (atom != null) parts.add(quantified(atom));
            }
            return next -> {
                Node n = next;
                for (int k = parts.size() - 1; k >= 0; k--) n = parts.get(k).build(n);
                return n;
            };
        }

        /** A char-matching fragment, so a quantifier can count it without recursion. */
        private static final class CharFrag implements Frag {
            final Char c;

            CharFrag(Char c) {
                this.c = c;
            }

            public Node build(Node next) {
                Char copy = c;
                if (copy.next != null) throw new IllegalStateException("a char node built twice");
                copy.next = next;
                return copy;
            }
        }

        private Frag quantified(Frag atom) {
            if (!more()) return atom;
            int min, max;
            char q = peek();
            if (q == '*') {
                min = 0;
                max = Integer.MAX_VALUE;
                at++;
            } else if (q == '+') {
                min = 1;
                max = Integer.MAX_VALUE;
                at++;
            } else if (q == '?') {
                min = 0;
                max = 1;
                at++;
            } else if (q == '{' && at + 1 < s.length() && Character.isDigit(s.charAt(at + 1))) {
                at++;
                min = number();
                max = min;
                if (more() && peek() == ',') {
                    at++;
                    max = more() && Character.isDigit(peek()) ? number() : Integer.MAX_VALUE;
                }
                if (!more() || peek() != '}') throw error("Unclosed counted closure");
                at++;
                if (max < min) throw error("Illegal repetition range");
            } else {
                return atom;
            }
            boolean lazy = false;
            if (more() && peek() == '?') {
                lazy = true;
                at++;
            } else if (more() && peek() == '+') {
                at++;
            }
            if (more() && "*+?".indexOf(peek()) >= 0) throw error("Dangling meta character '" + peek() + "'");
            final int lo = min, hi = max;
            final boolean lz = lazy;
            if (atom instanceof CharFrag) {
                Char c = ((CharFrag) atom).c;
                return next -> {
                    CharRepeat r = new CharRepeat(c, lo, hi, lz);
                    r.next = next;
                    return r;
                };
            }
            int slot = loops++;
            return next -> {
                Repeat r = new Repeat(lo, hi, lz, slot);
                r.next = next;
                r.body = atom.build(new LoopBack(r));
                return r;
            };
        }

        private int number() {
            int start = at;
            while (more() && Character.isDigit(peek())) at++;
            try {
                return Integer.parseInt(s.substring(start, at));
            } catch (NumberFormatException e) {
                throw error("Illegal repetition range");
            }
        }

        private Frag atom() {
            char c = s.charAt(at++);
            switch (c) {
                case '(':
                    return group();
                case '[':
                    return new CharFrag(charClass());
                case '.':
                    return new CharFrag(new Any((flags & DOTALL) != 0));
                case '^': {
                    boolean lines = (flags & MULTILINE) != 0;
                    return next -> link(new Begin(lines), next);
                }
                case '$': {
                    boolean lines = (flags & MULTILINE) != 0;
                    return next -> link(new Dollar(lines), next);
                }
                case '\\':
                    return escape();
                case '*':
                case '+':
                case '?':
                    at--;
                    throw error("Dangling meta character '" + c + "'");
                default:
                    return new CharFrag(new Single(c, fold()));
            }
        }

        private static Node link(Node n, Node next) {
            n.next = next;
            return n;
        }

        private Frag group() {
            int saved = flags;
            boolean capturing = true;
            String name = null;
            int look = 0;
            if (more() && peek() == '?') {
                at++;
                if (!more()) throw error("Unknown inline modifier");
                char k = s.charAt(at++);
                if (k == ':') {
                    capturing = false;
                } else if (k == '=') {
                    look = 1;
                    capturing = false;
                } else if (k == '!') {
                    look = 2;
                    capturing = false;
                } else if (k == '<' && more() && Character.isLetter(peek())) {
                    int start = at;
                    while (more() && Character.isLetterOrDigit(peek())) at++;
                    if (!more() || peek() != '>') throw error("named capturing group is missing trailing '>'");
                    name = s.substring(start, at++);
                } else if (k == '<') {
                    throw error("Look-behind is not supported");
                } else {
                    at--;
                    boolean on = true;
                    while (more() && peek() != ')' && peek() != ':') {
                        char f = s.charAt(at++);
                        int bit = f == 'i' ? CASE_INSENSITIVE : f == 'm' ? MULTILINE : f == 's' ? DOTALL
                                : f == 'x' ? COMMENTS : f == 'u' ? UNICODE_CASE : f == 'd' ? UNIX_LINES : -1;
                        if (f == '-') {
                            on = false;
                            continue;
                        }
                        if (bit < 0) throw error("Unknown inline modifier");
                        flags = on ? flags | bit : flags & ~bit;
                    }
                    if (!more()) throw error("Unclosed group");
                    if (s.charAt(at++) == ')') return null;
                    capturing = false;
                }
            }
            int k = capturing ? ++groups : 0;
            if (name != null) {
                if (names.containsKey(name)) throw error("Named capturing group <" + name + "> is already defined");
                names.put(name, k);
            }
            Frag body = expression();
            if (!more() || peek() != ')') throw error("Unclosed group");
            at++;
            if (!capturing) flags = saved;
            if (look != 0) {
                boolean negated = look == 2;
                return next -> link(new Look(body.build(new LookEnd()), negated), next);
            }
            if (!capturing) return body;
            return next -> link(new GroupHead(k), body.build(link(new GroupTail(k), next)));
        }

        private Frag escape() {
            if (!more()) throw error("Unexpected internal error");
            char c = s.charAt(at++);
            switch (c) {
                case 'd': case 'D': case 'w': case 'W': case 's': case 'S': {
                    Set set = new Set();
                    set.predefined = String.valueOf(Character.toLowerCase(c));
                    set.negated = Character.isUpperCase(c);
                    return new CharFrag(set);
                }
                case 'b':
                    return next -> link(new WordBoundary(false), next);
                case 'B':
                    return next -> link(new WordBoundary(true), next);
                case 'A':
                    return next -> link(new Edge(true), next);
                case 'z':
                    return next -> link(new Edge(false), next);
                case 'Z':
                    return next -> link(new Dollar(false), next);
                case 'Q': {
                    int end = s.indexOf("\\E", at);
                    String text = end < 0 ? s.substring(at) : s.substring(at, end);
                    at = end < 0 ? s.length() : end + 2;
                    return literalOf(text);
                }
                case 'k': {
                    if (!more() || peek() != '<') throw error("\\k is not followed by '<' for named capturing group");
                    int end = s.indexOf('>', at);
                    if (end < 0) throw error("named capturing group is missing trailing '>'");
                    String name = s.substring(at + 1, end);
                    at = end + 1;
                    Integer k = names.get(name);
                    if (k == null) throw error("named capturing group <" + name + "> does not exist");
                    boolean fold = fold();
                    return next -> link(new BackRef(k, fold), next);
                }
                default:
                    if (c >= '1' && c <= '9') {
                        int k = c - '0';
                        while (more() && Character.isDigit(peek()) && k * 10 + (peek() - '0') <= groups) {
                            k = k * 10 + (s.charAt(at++) - '0');
                        }
                        int group = k;
                        boolean fold = fold();
                        return next -> link(new BackRef(group, fold), next);
                    }
                    return new CharFrag(new Single(escaped(c), fold()));
            }
        }

        /** The char an escape outside the predefined classes stands for. */
        private char escaped(char c) {
            switch (c) {
                case 't': return '\t';
                case 'n': return '\n';
                case 'r': return '\r';
                case 'f': return '\f';
                case 'a': return '\u0007';
                case 'e': return '\u001b';
                case '0': {
                    int v = 0, n = 0;
                    while (n < 3 && more() && peek() >= '0' && peek() <= '7') {
                        v = v * 8 + (s.charAt(at++) - '0');
                        n++;
                    }
                    return (char) v;
                }
                case 'x': return (char) hex(2);
                case 'u': return (char) hex(4);
                case 'c': return (char) (s.charAt(at++) ^ 64);
                default:
                    if (Character.isLetterOrDigit(c)) {
                        at--;
                        throw error("Illegal/unsupported escape sequence");
                    }
                    return c;
            }
        }

        private int hex(int digits) {
            if (at + digits > s.length()) throw error("Illegal hexadecimal escape sequence");
            try {
                int v = Integer.parseInt(s.substring(at, at + digits), 16);
                at += digits;
                return v;
            } catch (NumberFormatException e) {
                throw error("Illegal hexadecimal escape sequence");
            }
        }

        /** After `[`: up to and including the closing `]`. */
        private Set charClass() {
            Set set = new Set();
            set.fold = fold();
            if (more() && peek() == '^') {
                set.negated = true;
                at++;
            }
            boolean first = true;
            while (true) {
                if (!more()) {
                    at = s.length() - 1;
                    throw error("Unclosed character class");
                }
                char c = s.charAt(at++);
                if (c == ']' && !first) return set;
                first = false;
                if (c == '[') {
                    set.nested.add(charClass());
                    continue;
                }
                if (c == '&' && more() && peek() == '&') {
                    at++;
                    Set rest = new Set();
                    rest.fold = set.fold;
                    if (more() && peek() == '[') {
                        at++;
                        rest = charClass();
                    } else {
                        // The rest of this class, up to its `]`.
                        while (more() && peek() != ']') {
                            char x = s.charAt(at++);
                            rest.ranges.add(new char[] {x, x});
                        }
                    }
                    set.intersect.add(rest);
                    continue;
                }
                char lo = c;
                if (c == '\\') {
                    if (!more()) throw error("Unclosed character class");
                    char e = s.charAt(at++);
                    if ("dDwWsS".indexOf(e) >= 0) {
                        Set p = new Set();
                        p.predefined = String.valueOf(Character.toLowerCase(e));
                        p.negated = Character.isUpperCase(e);
                        set.nested.add(p);
                        continue;
                    }
                    if (e == 'Q') {
                        int end = s.indexOf("\\E", at);
                        String text = end < 0 ? s.substring(at) : s.substring(at, end);
                        at = end < 0 ? s.length() : end + 2;
                        for (int k = 0; k < text.length(); k++) set.ranges.add(new char[] {text.charAt(k), text.charAt(k)});
                        continue;
                    }
                    lo = escaped(e);
                }
                char hi = lo;
                if (at + 1 < s.length() && peek() == '-' && s.charAt(at + 1) != ']') {
                    at++;
                    hi = s.charAt(at++);
                    if (hi == '\\') hi = escaped(s.charAt(at++));
                    if (hi < lo) throw error("Illegal character range");
                }
                set.ranges.add(new char[] {lo, hi});
            }
        }

        /** Whether `c` is in the predefined class `k` (d, w or s). */
        static boolean inClass(char k, char c) {
            switch (k) {
                case 'd': return c >= '0' && c <= '9';
                case 'w': return isWord(c);
                default: return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
            }
        }
    }
}
