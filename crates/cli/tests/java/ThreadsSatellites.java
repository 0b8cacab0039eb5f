import java.util.*;
/** Monitors on many objects from four threads, on a boxed int and a literal, and many
 * short-lived ones (their satellite indexes given again). */
public class ThreadsSatellites {
    static int total;
    public static void main(String[] args) throws Exception {
        List<Object> locks = new ArrayList<>();
        for (int i = 0; i < 300; i++) locks.add(new Object());
        Thread[] ts = new Thread[4];
        for (int t = 0; t < ts.length; t++) {
            ts[t] = new Thread(() -> {
                for (int r = 0; r < 200; r++) {
                    for (Object l : locks) {
                        synchronized (l) { synchronized (ThreadsSatellites.class) { total++; } }
                    }
                }
            });
            ts[t].start();
        }
        for (Thread t : ts) t.join();
        Integer boxed = 5;
        synchronized (boxed) { total++; }
        synchronized ("lit") { total++; }
        // Many short-lived monitors: indexes are given again after collection.
        for (int i = 0; i < 200000; i++) { Object o = new Object(); synchronized (o) { total += 0; } }
        Object w = new Object();
        synchronized (w) { w.notifyAll(); }
        System.out.println(total);
    }
}
