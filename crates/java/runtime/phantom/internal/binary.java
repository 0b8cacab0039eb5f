package phantom.internal;

/** Phantom's byte buffers (.internal.binary). */
public final class binary {
    public native int getByte(int index);
    public native void setByte(int index, int value);
    public native int size();
}
