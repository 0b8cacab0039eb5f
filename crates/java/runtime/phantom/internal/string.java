package phantom.internal;

/** The natives of Phantom's strings (.internal.string). */
public final class string {
    public native String substring(int index, int length);
    public native int charAt(int index);
    public native String concat(Object other);
    public native int length();
    public native int strstr(String s);
    public native String toLower();
    public native String trim();
    public native int indexOf(String s, int from);
}
