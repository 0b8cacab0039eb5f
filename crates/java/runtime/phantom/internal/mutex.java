package phantom.internal;

/** Phantom's mutex (.internal.mutex): its state lives in the heap, so it persists. */
public final class mutex {
    public native void lock();
    public native void unlock();
    public native int trylock();
}
