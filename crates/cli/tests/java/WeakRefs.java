import java.lang.ref.*;
import java.util.*;

public class WeakRefs {
    /** Synchronizes on a fresh object and 20000 others; only a weak reference to it is returned. */
    static WeakReference<Object> synchronizedOnMany(int[] sum) {
        Object lock = new Object();
        synchronized (lock) {
            for (int i = 0; i < 20000; i++) {
                Object o = new Object();
                synchronized (o) {
                    sum[0] += i % 7;
                }
            }
        }
        return new WeakReference<>(lock);
    }

    public static void main(String[] args) {
        List<String> held = new ArrayList<>(List.of("kept"));
        WeakReference<List<String>> w = new WeakReference<>(held);
        SoftReference<String> s = new SoftReference<>("soft", new ReferenceQueue<>());
        System.out.println(w.get() + " " + s.get() + " " + w.refersTo(held) + " " + w.refersTo(null));
        w.clear();
        System.out.println(w.get() + " " + w.refersTo(null) + " " + w.enqueue());
        PhantomReference<Object> p = new PhantomReference<>(held, new ReferenceQueue<>());
        System.out.println(p.get() + " " + new ReferenceQueue<Object>().poll());
        // Nothing else reaches the referent: a collection clears the reference.
        WeakReference<int[]> lost = new WeakReference<>(new int[1000]);
        WeakReference<Object> kept = new WeakReference<>(held);
        boolean cleared = false;
        for (int i = 0; i < 500 && !cleared; i++) {
            System.gc();
            byte[][] garbage = new byte[64][];
            for (int k = 0; k < garbage.length; k++) garbage[k] = new byte[1024];
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
            cleared = lost.refersTo(null);
        }
        System.out.println("cleared " + cleared + ", kept " + (kept.get() == held));
        // An object synchronized on is collected too: its monitor does not keep it.
        int[] sum = {0};
        WeakReference<Object> locked = synchronizedOnMany(sum);
        cleared = false;
        for (int i = 0; i < 500 && !cleared; i++) {
            System.gc();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
            cleared = locked.refersTo(null);
        }
        System.out.println("sum " + sum[0] + ", synchronized-on object cleared " + cleared);
    }
}
