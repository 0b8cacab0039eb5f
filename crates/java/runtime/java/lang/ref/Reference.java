package java.lang.ref;

/**
 * A reference the collector may clear: its referent is held by a Phantom weak reference
 * (.internal.weakref), which the collector clears when nothing else reaches the referent.
 * Queues are accepted but never receive references (nothing is enqueued).
 */
public abstract class Reference<T> {
    private final phantom.internal.weakref ref = new phantom.internal.weakref();

    Reference(T referent) {
        ref.set(referent);
    }

    @SuppressWarnings("unchecked")
    public T get() {
        return (T) ref.get();
    }

    public void clear() {
        ref.set(null);
    }

    /** Unlike get(), does not keep the referent alive: a loop waiting for clearing uses it. */
    public final boolean refersTo(T o) {
        return phantom.runtime.Rt.n().refersTo(ref, o);
    }

    public boolean enqueue() {
        return false;
    }

    public boolean isEnqueued() {
        return false;
    }
}
