import java.util.*;

/** NullPointerException messages as Java 17 words them, caught and uncaught. */
public class NpeMessages {
    NpeMessages next; String s; static NpeMessages root; static String[] names; int[] arr;
    NpeMessages get() { return null; }
    static List<String> list() { return null; }
    void inst(String p, NpeMessages q) {
        t(() -> p.length());
        t(() -> q.next.s.length());
        t(() -> next.next.s.trim());
    }
    static void t(Runnable r) { try { r.run(); } catch (NullPointerException e) { System.out.println(e.getMessage()); } }
    public static void main(String[] args) {
        NpeMessages n = new NpeMessages(); int i = 1;
        Object o = null;
        t(() -> root.s.length());
        t(() -> n.get().s.length());
        t(() -> list().size());
        t(() -> names[0].length());
        t(() -> { String[] a = new String[3]; int k = 2; a[k].isEmpty(); });
        t(() -> n.arr[2]++);
        t(() -> { int[] z = null; z[1] = 3; });
        t(() -> { NpeMessages z = null; z.s = "a"; });
        t(() -> { Object x = null; synchronized (x) { } });
        t(() -> { RuntimeException x = null; throw x; });
        t(() -> { Integer x = null; int y = x; });
        t(() -> { String x = (String) o; x.length(); });
        t(() -> { long[][] w = new long[2][]; w[1][0] = 5; });
        t(() -> { Map<String,Integer> m = new HashMap<>(); int v = m.get("a"); });
        n.inst(null, new NpeMessages());
        t(() -> n.next.toString());
        t(() -> ((String) null).length());
        t(() -> { String[] a = new String[2]; a[1].substring(1); });
        t(() -> { Runnable r = null; r.run(); });
        // Uncaught: the JVM's line on standard error, and exit status 1.
        NpeMessages last = n.next;
        System.out.println(last.next.s);
    }
}
