package phantom.internal;

/** The natives of Phantom's internal class .internal.java (see the VM's java.rs). */
public final class java {
    public native Object newArray(int n, String descriptor, String check);
    public native void arraycopy(Object src, int srcPos, Object dst, int dstPos, int length);
    public native String doubleToString(double d);
    public native String floatToString(float f);
    public native void exit(int status);
    public native void printErr(String line);
    public native void print(String text);
    public native int identityHash(Object o);
    public native int stringHash(String s);
    public native double parseDouble(String s);
    public native String className(Object o);
    public native Object cloneArray(Object array);
    public native long nanoTime();
    public native long currentTimeMillis();
    public native String charToString(int c);
    public native String charsToString(Object chars, int offset, int count);
    public native Object toChars(String s);
    public native int compareStrings(String a, String b);
    public native String longToString(long v, int radix);
    public native long parseLong(String s, int radix);
    public native double math(int op, double a, double b);
    public native String fixedToString(double v, int decimals);
    public native Object statics(String phantomName);
    public native Object callByName(Object target, String key);
    public native phantom.internal.binary bufferAppend(phantom.internal.binary buffer, int length, String s);
    public native String bufferToString(phantom.internal.binary buffer, int length);
    public native Object javaArray(Object phantomArray, String descriptor);
    public native Object newArrayLike(Object array, int n);
    public native boolean isSubclass(String a, String b);
    public native void gc();
    public native boolean refersTo(phantom.internal.weakref ref, Object o);
    public native String nullMessage();
    public native int satellite(Object o);
    public native boolean setSatellite(Object o, int index);
}
