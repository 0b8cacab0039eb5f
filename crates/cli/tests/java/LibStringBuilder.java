public class LibStringBuilder {
    public static void main(String[] args) {
        StringBuilder sb = new StringBuilder();
        sb.append(1).append(' ').append(2L).append(' ').append(3.5).append(' ').append(4.25f)
          .append(' ').append(true).append(' ').append('c').append(' ').append("str")
          .append(' ').append((Object) null).append(' ').append((String) null);
        System.out.println(sb + " len=" + sb.length());
        char[] cs = {'x', 'y', 'z', 'w'};
        sb.setLength(0);
        sb.append(cs).append('|').append(cs, 1, 2).append('|').append(new StringBuilder("nested"));
        sb.append('|').append("abcdef", 2, 4).append('|').append(Integer.MIN_VALUE).append('|').append(Long.MAX_VALUE);
        System.out.println(sb);
        sb.append('|').append(1e10).append('|').append(0.1 + 0.2).append('|').append(-0.0).append('|').append(100.0f / 3);
        System.out.println(sb);
        StringBuilder b = new StringBuilder("hello world");
        b.insert(0, "[").insert(b.length(), ']');
        System.out.println(b);
        b.insert(6, 42).insert(1, true).insert(2, 'Q').insert(0, 1.5);
        System.out.println(b);
        b.delete(0, 3);
        System.out.println(b);
        b.delete(5, 1000);
        System.out.println(b + " " + b.length());
        b.deleteCharAt(0).deleteCharAt(b.length() - 1);
        System.out.println(b);
        StringBuilder r = new StringBuilder("stressed");
        System.out.println(r.reverse() + " " + r.reverse() + " " + new StringBuilder().reverse().length());
        StringBuilder p = new StringBuilder("racecar level noon");
        p.setCharAt(0, 'R');
        p.setCharAt(p.length() - 1, 'N');
        System.out.println(p + " charAt(3)=" + p.charAt(3));
        System.out.println(p.indexOf("e") + " " + p.indexOf("level") + " " + p.indexOf("e", 5) + " " + p.lastIndexOf("e") + " " + p.indexOf("zzz"));
        p.setLength(7);
        System.out.println("[" + p + "] " + p.length());
        p.setLength(9);
        System.out.println((int) p.charAt(8) + " " + p.length());
        p.setLength(7);
        p.replace(0, 4, "RACE");
        System.out.println(p.substring(0, 7) + " " + p.substring(2));
        StringBuilder chain = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            chain.append(i).append(i % 2 == 0 ? "e" : "o");
            if (i % 5 == 4) chain.append('\n');
        }
        System.out.print(chain);
        System.out.println(chain.length() + " " + chain.toString().hashCode());
        try {
            new StringBuilder("abc").deleteCharAt(5);
        } catch (StringIndexOutOfBoundsException e) {
            System.out.println("deleteCharAt out of range");
        }
        try {
            new StringBuilder("abc").insert(10, "x");
        } catch (StringIndexOutOfBoundsException e) {
            System.out.println("insert out of range");
        }
        try {
            new StringBuilder("abc").charAt(-1);
        } catch (IndexOutOfBoundsException e) {
            System.out.println("charAt out of range");
        }
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 1000; i++) big.append((char) ('a' + i % 26));
        System.out.println(big.length() + " " + big.substring(990) + " " + big.indexOf("xyz") + " " + big.lastIndexOf("abc"));
        String s = "x" + 1 + 2 + 'c' + 1.0 + null + true;
        System.out.println(s);
        String t = 1 + 2 + "x" + 1 + 2;
        System.out.println(t);
        CharSequence seq = new StringBuilder("sequence");
        System.out.println(seq.length() + " " + seq.charAt(2) + " " + seq.subSequence(1, 4) + " " + seq.toString());
        StringBuilder cmp1 = new StringBuilder("abc"), cmp2 = new StringBuilder("abd");
        System.out.println(cmp1.compareTo(cmp2) + " " + "abc".contentEquals(cmp1));
    }
}
