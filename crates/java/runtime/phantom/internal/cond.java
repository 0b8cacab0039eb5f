package phantom.internal;

/** Phantom's condition variable (.internal.cond). */
public final class cond {
    public native void wait(mutex m);
    public native void twait(mutex m, int ms);
    public native void broadcast();
    public native void signal();
}
