public class Strings1 {
    public static void main(String[] args) {
        String s = "Hello, World";
        System.out.println(s.length() + " " + s.charAt(4) + " " + s.indexOf("World") + " " + s.indexOf('o') + " " + s.lastIndexOf('o'));
        System.out.println(s.substring(7) + "|" + s.substring(0, 5) + "|" + s.toUpperCase() + "|" + s.toLowerCase());
        System.out.println(s.startsWith("Hell") + " " + s.endsWith("ld") + " " + s.contains("lo, W") + " " + s.isEmpty() + " " + "".isEmpty());
        System.out.println(s.replace('l', 'L') + " " + s.replace("World", "Phantom") + " [" + "  pad  ".trim() + "]");
        String[] parts = "a,b,,c".split(",");
        System.out.println(parts.length + " " + String.join("-", parts));
        String[] words = "  the quick  brown fox ".trim().split("\\s+");
        System.out.println(words.length + " " + words[1] + " " + words[3]);
        System.out.println("abc".compareTo("abd") + " " + "b".compareTo("a") + " " + "ab".compareTo("abc") + " " + "x".equals("x") + " " + "X".equalsIgnoreCase("x"));
        String built = "";
        for (int i = 0; i < 5; i++) built += i;
        System.out.println(built + " " + built.hashCode() + " " + "hello".hashCode());
        char[] cs = "dcba".toCharArray();
        java.util.Arrays.sort(cs);
        System.out.println(new String(cs) + " " + String.valueOf(cs, 1, 2) + " " + String.valueOf(3.5) + String.valueOf(true));
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 10; i++) b.append(i).append(',');
        b.setLength(b.length() - 1);
        System.out.println(b + " " + b.length() + " " + b.reverse() + " " + new StringBuilder("abc").insert(1, "XY").deleteCharAt(0));
        String a1 = "lit", a2 = "lit";
        System.out.println((a1 == a2) + " " + a1.equals(new String("lit")) + " " + "repeat".repeat(2));
        System.out.println(String.format("%5d|%-5s|%05d|%x|%c|%b|%s%%", 42, "ab", 7, 255, 'z', true, null));
        switch (s.substring(0, 5)) {
            case "Hello": System.out.println("switch hello"); break;
            case "World": System.out.println("switch world"); break;
            default: System.out.println("switch default");
        }
        char c = 'a';
        c += 2;
        System.out.println(c + " " + (char) (c + 1) + " " + (c + 1) + " " + Character.isDigit('5') + Character.isLetter('x') + " " + Character.toUpperCase('q'));
    }
}
