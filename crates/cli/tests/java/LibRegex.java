import java.util.*;
import java.util.regex.*;
import java.util.stream.*;

/** java.util.regex and String's regular-expression methods, the ordinary way. */
public class LibRegex {
    static void show(String regex, String input) {
        Matcher m = Pattern.compile(regex).matcher(input);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            StringBuilder sb = new StringBuilder(m.group() + "@" + m.start());
            for (int g = 1; g <= m.groupCount(); g++) sb.append(" ").append(g).append("=").append(m.group(g));
            found.add(sb.toString());
        }
        System.out.println(regex + " on \"" + input + "\": " + found);
    }

    public static void main(String[] args) {
        System.out.println(Arrays.toString("a, b,,c,".split(",")) + Arrays.toString("a1b22c333".split("\\d+")));
        System.out.println(Arrays.toString(" lead  and   trail ".trim().split("\\s+")) + Arrays.toString("x.y.z".split("\\.")));
        System.out.println(Arrays.toString("a:b:c:d".split(":", 2)) + Arrays.toString("boo:and:foo".split("o", -1)) + Arrays.toString("abc".split("")));
        System.out.println(Arrays.toString("a.b".split(".")) + " " + "a.b".split(".").length + Arrays.toString("2024-01-15T10:30".split("[-T:]")));
        System.out.println("hello world".replaceAll("o", "0") + " " + "a1b2c3".replaceAll("[0-9]", "") + " " + "John Smith".replaceAll("(\\w+) (\\w+)", "$2, $1"));
        System.out.println("aaa".replaceAll("a*", "X") + " " + "x".replaceAll("", "-") + " " + "Tab\tand space".replaceAll("\\s", "_") + " " + "one two".replaceFirst("\\w+", "<$0>"));
        System.out.println("abc123".matches("[a-z]+\\d+") + " " + "abc".matches("ab") + " " + "ABC".matches("(?i)abc") + " " + "2024-01-15".matches("\\d{4}-\\d{2}-\\d{2}"));
        show("(\\d+)-(\\d+)", "10-20, 3-4 and 5-");
        show("\\b\\w", "the quick brown fox");
        show("a|ab|abc", "abcab");
        show("(a+)(b*)", "aabbb ab a");
        show("x*", "axxb");
        show("<.+?>", "<a><bb><c>");
        show("(\\w)\\1", "hello bookkeeper");
        show("^\\w+", "first line\nsecond line");
        show("(?m)^\\w+", "first line\nsecond line");
        show("\\w+$", "end of\nline");
        show("[^aeiou\\s]+", "programming is fun");
        show("colou?r", "color colour colouur");
        show("(?<year>\\d{4})-(?<month>\\d\\d)", "on 2023-07 and 1999-12");
        show("q(?=u)", "quit qatar");
        show("q(?!u)", "quit qatar");
        show("[A-Z][a-z]*|\\d+", "Alice met Bob at 10 and 22");
        show("(?i)hello", "Hello HELLO hello");
        show("[\\w.]+@[\\w.]+\\.[a-z]{2,}", "mail ann@x.org or bob.b@mail.co.uk now");
        show("(ab){2,3}", "ababababab");
        show("a{2}?", "aaaa");
        show(".", "a\nb");
        show("(?s).", "a\nb");
        show("[a-c&&[^b]]", "abcd");
        show("\\Q1+1\\E", "1+1=2");
        Matcher m = Pattern.compile("(?<key>\\w+)=(?<value>\\d+)").matcher("a=1, bb=22");
        while (m.find()) System.out.println(m.group("key") + " -> " + m.group("value") + " [" + m.start("value") + "," + m.end("value") + ")");
        Matcher r = Pattern.compile("(\\d+)").matcher("a1b22");
        StringBuilder sb = new StringBuilder();
        while (r.find()) r.appendReplacement(sb, "[" + (Integer.parseInt(r.group(1)) * 2) + "]");
        r.appendTail(sb);
        System.out.println(sb + " " + Pattern.compile("\\d").matcher("x1y2").replaceAll(mr -> "<" + mr.group() + ">"));
        System.out.println(Pattern.compile("\\d+").matcher("a1b22c333").results().map(MatchResult::group).collect(Collectors.toList()));
        System.out.println(Pattern.compile(",\\s*").splitAsStream("a, b,c").collect(Collectors.toList()) + " " + Pattern.matches("a*b", "aaab"));
        System.out.println(Pattern.quote("a.b") + " " + "a.b.c".split(Pattern.quote(".")).length + " " + Matcher.quoteReplacement("$1\\"));
        System.out.println(Stream.of("apple", "bob", "kayak", "test").filter(Pattern.compile("^(\\w)\\w*\\1$").asPredicate()).toList());
        Matcher lk = Pattern.compile("ab").matcher("abab");
        System.out.println(lk.lookingAt() + " " + lk.matches() + " " + lk.find(1) + " " + lk.start());
        for (String bad : new String[] {"(ab", "ab)", "[ab", "*a", "a{2", "\\"}) {
            try {
                Pattern.compile(bad);
                System.out.println("compiled " + bad);
            } catch (PatternSyntaxException e) {
                System.out.println(e.getDescription() + " at " + e.getIndex());
            }
        }
        try {
            Matcher none = Pattern.compile("z").matcher("abc");
            none.find();
            none.group();
        } catch (IllegalStateException e) {
            System.out.println(e.getMessage());
        }
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 20000; i++) big.append(i % 10 == 0 ? ' ' : 'x');
        System.out.println(big.toString().split(" +").length + " " + big.toString().matches("[x ]*") + " " + big.toString().replaceAll("x+", "y").length());
    }
}
