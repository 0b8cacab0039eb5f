package phantom.internal;

/** Phantom's weak reference (.internal.weakref): the collector clears it. */
public final class weakref {
    public native Object get();
    public native void set(Object referent);
}
