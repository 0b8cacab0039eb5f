package java.lang.ref;

/** Cleared as a weak reference is: the collector keeps nothing for memory pressure alone. */
public class SoftReference<T> extends Reference<T> {
    public SoftReference(T referent) {
        super(referent);
    }

    public SoftReference(T referent, ReferenceQueue<? super T> queue) {
        super(referent);
    }
}
