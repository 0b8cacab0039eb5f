public class LibStrings {
    static void show(String label, Object v) {
        System.out.println(label + " = " + v);
    }

    static String arr(String[] a) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < a.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append('<').append(a[i]).append('>');
        }
        return sb.append("] n=").append(a.length).toString();
    }

    public static void main(String[] args) {
        String s = "abracadabra";
        show("indexOf(a)", s.indexOf('a'));
        show("indexOf(a,1)", s.indexOf('a', 1));
        show("indexOf(bra)", s.indexOf("bra"));
        show("indexOf(bra,2)", s.indexOf("bra", 2));
        show("indexOf(zz)", s.indexOf("zz"));
        show("indexOf(a,100)", s.indexOf('a', 100));
        show("indexOf(a,-5)", s.indexOf('a', -5));
        show("indexOf empty", s.indexOf(""));
        show("lastIndexOf(a)", s.lastIndexOf('a'));
        show("lastIndexOf(bra)", s.lastIndexOf("bra"));
        show("lastIndexOf(a,5)", s.lastIndexOf('a', 5));
        show("lastIndexOf(abra,6)", s.lastIndexOf("abra", 6));
        show("substring(4)", s.substring(4));
        show("substring(4,7)", s.substring(4, 7));
        show("substring(11)", "[" + s.substring(11) + "]");
        try {
            s.substring(5, 3);
        } catch (StringIndexOutOfBoundsException e) {
            System.out.println("SIOOBE caught");
        }
        try {
            s.charAt(20);
        } catch (IndexOutOfBoundsException e) {
            System.out.println("charAt out of range caught");
        }
        show("replace char", s.replace('a', 'o'));
        show("replace str", s.replace("abra", "X"));
        show("replace empty", "abc".replace("", "-"));
        show("split ,", arr("a,b,,c,,".split(",")));
        show("split , -1", arr("a,b,,c,,".split(",", -1)));
        show("split , 2", arr("a,b,,c,,".split(",", 2)));
        show("split ; 0", arr("one;two;three".split(";", 0)));
        show("split |", arr("x|y|z".split("\\|")));
        show("split space", arr("hello world  again".split(" ")));
        show("split none", arr("nothing".split(",")));
        show("split empty", arr("".split(",")));
        String padded = "  \t hi there \n ";
        show("trim", "[" + padded.trim() + "]");
        show("strip", "[" + padded.strip() + "]");
        show("stripLeading", "[" + padded.stripLeading() + "]");
        show("stripTrailing", "[" + padded.stripTrailing() + "]");
        show("upper", "MiXeD 123 case".toUpperCase());
        show("lower", "MiXeD 123 case".toLowerCase());
        show("compareTo", "apple".compareTo("banana") + " " + "cat".compareTo("car") + " " + "same".compareTo("same") + " " + "Z".compareTo("a") + " " + "abc".compareTo("ab"));
        show("compareToIgnoreCase", "Apple".compareToIgnoreCase("apple") + " " + "B".compareToIgnoreCase("a"));
        show("equalsIgnoreCase", "HeLLo".equalsIgnoreCase("hello") + " " + "x".equalsIgnoreCase(null) + " " + "ab".equalsIgnoreCase("abc"));
        show("startsWith", s.startsWith("abra") + " " + s.startsWith("cad", 4) + " " + s.startsWith("") + " " + s.startsWith("bra"));
        show("endsWith", s.endsWith("bra") + " " + s.endsWith("abracadabra!") + " " + s.endsWith(""));
        show("contains", s.contains("cad") + " " + s.contains("dab") + " " + s.contains("xyz"));
        show("join", String.join("/", "usr", "local", "bin"));
        java.util.List<String> parts = new java.util.ArrayList<>();
        parts.add("p");
        parts.add("q");
        parts.add("r");
        show("join list", String.join(", ", parts));
        show("repeat", "ab".repeat(3) + "|" + "x".repeat(0) + "|");
        int vowels = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("aeiou".indexOf(c) >= 0) vowels++;
        }
        show("vowels", vowels);
        show("valueOf", String.valueOf(42) + " " + String.valueOf(-7L) + " " + String.valueOf(2.5) + " " + String.valueOf(1.5f) + " " + String.valueOf(true) + " " + String.valueOf('c') + " " + String.valueOf((Object) null));
        char[] data = {'h', 'e', 'l', 'l', 'o'};
        show("valueOf chars", String.valueOf(data) + " " + String.valueOf(data, 1, 3) + " " + new String(data, 2, 2));
        show("isEmpty", "".isEmpty() + " " + " ".isEmpty() + " " + "a".isEmpty());
        show("isBlank", "".isBlank() + " " + " \t\n".isBlank() + " " + " a ".isBlank());
        show("concat", "foo".concat("bar") + " " + "x".concat(""));
        show("hashCode", "abracadabra".hashCode() + " " + "".hashCode() + " " + "Phantom VM".hashCode());
        show("equals", s.equals("abracadabra") + " " + s.equals(null) + " " + s.equals(new StringBuilder(s).toString()));
        show("chars", new String(s.toCharArray(), 0, 4));
        System.out.println(String.format("[%d] [%s] [%5d] [%-5s] [%.2f] [%x] [%c] [%%]", 42, "str", 42, "ab", 3.14159, 255, 'Q'));
        System.out.print(String.format("line one%nline two%n"));
        System.out.println(String.format("%-8s|%8s|%08.3f|%X|%o|%b", "left", "right", 2.5, 48879, 8, false));
        System.out.println(String.format("%.0f %.1f %.3f %10.4f %-10.2f|", 2.5, -0.05, 1.0005, Math.PI, 100.0));
        System.out.println(String.format("%d %d %s %s", Long.MAX_VALUE, -123, 12.0, java.util.List.of(1, 2)));
        System.out.println(String.format("%,d %+d %x", 1234567, 5, -1));
        System.out.println("total: %d items, %s".formatted(3, "done"));
    }
}
