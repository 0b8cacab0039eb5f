package phantom.internal;

/** The natives of the boot object (.internal.boot) that Java programs use. */
public final class boot {
    public native int commit();
    public native Object getArguments();
    public native void sleep(int ms);
    public native void startThread(Object runner);
}
