import java.lang.ref.*;
import java.util.*;

public class WeakRefs {
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
            cleared = lost.get() == null;
        }
        System.out.println("cleared " + cleared + ", kept " + (kept.get() == held));
    }
}
