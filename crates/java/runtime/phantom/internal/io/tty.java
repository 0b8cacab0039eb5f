package phantom.internal.io;

/** Phantom's console (.internal.io.tty). */
public final class tty {
    /** The next character typed, as a string; empty at the end of the input. */
    public native String getwc();
}
