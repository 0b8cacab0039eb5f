package java.util.regex;

import java.util.function.Function;

/** A pattern's matches in one input. */
public final class Matcher implements MatchResult {
    private Pattern pattern;
    String text;
    int from;
    int to;
    /** Start and end of every group (0 the whole match); -1 when it took no part. */
    int[] groups;
    /** Where each group began in the attempt under way. */
    int[] pending;
    int[] counts;
    int[] starts;
    /** Set while `matches` runs: the match must reach the end. */
    boolean wholeRegion;
    int matchEnd;
    private boolean matched;
    /** Where the next `find` starts. */
    private int searchFrom;
    /** Where `appendReplacement` copies from. */
    private int appendFrom;

    Matcher(Pattern pattern, CharSequence input) {
        this.pattern = pattern;
        reset(input);
    }

    public Pattern pattern() { return pattern; }

    public Matcher usePattern(Pattern p) {
        this.pattern = p;
        allocate();
        matched = false;
        return this;
    }

    private void allocate() {
        groups = new int[2 * (pattern.groups + 1)];
        pending = new int[pattern.groups + 1];
        counts = new int[pattern.loops];
        starts = new int[pattern.loops];
    }

    public Matcher reset() {
        from = 0;
        to = text.length();
        searchFrom = 0;
        appendFrom = 0;
        matched = false;
        allocate();
        return this;
    }

    public Matcher reset(CharSequence input) {
        text = input.toString();
        return reset();
    }

    private boolean attempt(int at, boolean whole) {
        java.util.Arrays.fill(groups, -1);
        wholeRegion = whole;
        boolean ok = pattern.root.match(this, at);
        wholeRegion = false;
        if (ok) {
            groups[0] = at;
            groups[1] = matchEnd;
            searchFrom = matchEnd == at ? matchEnd + 1 : matchEnd;
        }
        matched = ok;
        return ok;
    }

    public boolean matches() {
        return attempt(from, true);
    }

    public boolean lookingAt() {
        return attempt(from, false);
    }

    public boolean find() {
        for (int at = searchFrom; at <= to; at++) {
            if (attempt(at, false)) return true;
        }
        matched = false;
        searchFrom = to + 1;
        return false;
    }

    public boolean find(int start) {
        if (start < 0 || start > text.length()) throw new IndexOutOfBoundsException("Illegal start index");
        reset();
        searchFrom = start;
        return find();
    }

    private void check() {
        if (!matched) throw new IllegalStateException("No match found");
    }

    private int group(String name, boolean fail) {
        Integer k = pattern.names.get(name);
        if (k == null) throw new IllegalArgumentException("No group with name <" + name + ">");
        return k;
    }

    public int start() { return start(0); }
    public int end() { return end(0); }

    public int start(int group) {
        check();
        if (group < 0 || group > groupCount()) throw new IndexOutOfBoundsException("No group " + group);
        return groups[2 * group];
    }

    public int end(int group) {
        check();
        if (group < 0 || group > groupCount()) throw new IndexOutOfBoundsException("No group " + group);
        return groups[2 * group + 1];
    }

    public int start(String name) { return start(group(name, true)); }
    public int end(String name) { return end(group(name, true)); }

    public String group() { return group(0); }

    public String group(int group) {
        check();
        if (group < 0 || group > groupCount()) throw new IndexOutOfBoundsException("No group " + group);
        int s = groups[2 * group];
        return s < 0 ? null : text.substring(s, groups[2 * group + 1]);
    }

    public String group(String name) { return group(group(name, true)); }

    public int groupCount() { return pattern.groups; }

    public boolean hitEnd() { return matched && matchEnd == to; }

    public MatchResult toMatchResult() {
        check();
        Matcher copy = new Matcher(pattern, text);
        copy.groups = groups.clone();
        copy.matched = true;
        return copy;
    }

    public java.util.stream.Stream<MatchResult> results() {
        java.util.List<MatchResult> all = new java.util.ArrayList<>();
        while (find()) all.add(toMatchResult());
        return all.stream();
    }

    /** The replacement with `$n`, `${name}` and `\x` worked out for this match. */
    private String expand(String replacement) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < replacement.length(); i++) {
            char c = replacement.charAt(i);
            if (c == '\\') {
                if (++i >= replacement.length()) throw new IllegalArgumentException("character to be escaped is missing");
                out.append(replacement.charAt(i));
            } else if (c == '$') {
                if (++i >= replacement.length()) throw new IllegalArgumentException("Illegal group reference: group index is missing");
                int k;
                if (replacement.charAt(i) == '{') {
                    int end = replacement.indexOf('}', i);
                    if (end < 0) throw new IllegalArgumentException("named capturing group is missing trailing '}'");
                    k = group(replacement.substring(i + 1, end), true);
                    i = end;
                } else {
                    char d = replacement.charAt(i);
                    if (d < '0' || d > '9') throw new IllegalArgumentException("Illegal group reference");
                    k = d - '0';
                    if (k > groupCount()) throw new IndexOutOfBoundsException("No group " + k);
                    while (i + 1 < replacement.length()) {
                        char e = replacement.charAt(i + 1);
                        if (e < '0' || e > '9' || k * 10 + (e - '0') > groupCount()) break;
                        k = k * 10 + (e - '0');
                        i++;
                    }
                }
                String g = group(k);
                if (g != null) out.append(g);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    public Matcher appendReplacement(StringBuilder sb, String replacement) {
        check();
        String r = expand(replacement);
        sb.append(text, appendFrom, start()).append(r);
        appendFrom = end();
        return this;
    }

    public StringBuilder appendTail(StringBuilder sb) {
        return sb.append(text.substring(appendFrom));
    }

    public String replaceAll(String replacement) {
        reset();
        StringBuilder sb = new StringBuilder();
        while (find()) appendReplacement(sb, replacement);
        return appendTail(sb).toString();
    }

    public String replaceAll(Function<MatchResult, String> replacer) {
        reset();
        StringBuilder sb = new StringBuilder();
        while (find()) {
            String r = replacer.apply(this);
            sb.append(text, appendFrom, start()).append(r);
            appendFrom = end();
        }
        return appendTail(sb).toString();
    }

    public String replaceFirst(String replacement) {
        reset();
        if (!find()) return text;
        StringBuilder sb = new StringBuilder();
        appendReplacement(sb, replacement);
        return appendTail(sb).toString();
    }

    public static String quoteReplacement(String s) {
        if (s.indexOf('\\') < 0 && s.indexOf('$') < 0) return s;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '$') sb.append('\\');
            sb.append(c);
        }
        return sb.toString();
    }

    public String toString() {
        return "java.util.regex.Matcher[pattern=" + pattern + " region=" + from + "," + to + " lastmatch="
                + (matched ? group() : "") + "]";
    }
}
