package phantom.runtime;

/** What translated code calls: the launcher's steps, exceptions from the VM's, arrays, casts. */
public final class Rt {
    private Rt() {}

    static native phantom.internal.java natives();
    static native boolean isString(Object o);
    static native boolean isArray(Object o);
    static native boolean isJavaObject(Object o);
    static native String interfacesOf(Object o);
    static native Object same(Object o);
    static native phantom.internal.string asString(Object o);
    public static native Object currentPhantomThread();
    public static native long bits(double d);
    public static native double fromBits(long bits);
    public static native int floatBits(float f);
    public static native float floatFromBits(int bits);

    static phantom.internal.java N;
    static phantom.internal.boot boot;

    public static phantom.internal.java n() {
        phantom.internal.java n = N;
        if (n == null) {
            n = natives();
            N = n;
        }
        return n;
    }

    /**
     * What an array holds: the letter of its element type in its descriptor ('I', 'J', 'D',
     * 'F', 'C', 'Z', 'S', 'B', 'L' for objects, '[' for arrays), 0 if it is not an array.
     */
    public static char arrayElement(Object a) {
        if (a == null || !isArray(a)) {
            return 0;
        }
        return className(a).charAt(1);
    }

    /** An enum class's constants in order (its static values(), found by name). */
    public static Object[] enumValues(Class<?> type) {
        String javaName = type.getName();
        Object statics = statics(javaName);
        return (Object[]) n().callByName(statics, "values()[L" + javaName.replace('.', '/') + ";");
    }

    /** A Phantom array of strings (the program's arguments) as a Java String[]. */
    public static String[] stringArray(Object phantomArray) {
        return (String[]) n().javaArray(phantomArray, "[Ljava/lang/String;");
    }

    public static phantom.internal.boot boot() {
        return boot;
    }

    public static String[] start(Object bootObject) {
        boot = (phantom.internal.boot) bootObject;
        return stringArray(boot.getArguments());
    }

    public static void finish() {
        System.out.flush();
        System.err.flush();
    }

    public static void uncaught(Object x) {
        Throwable t = throwable(x);
        System.out.flush();
        printTrace(System.err, t, "Exception in thread \"main\" ");
        System.err.flush();
        n().exit(1);
    }

    /**
     * A throwable as the JVM prints its stack trace, without the frames: its line, its suppressed
     * ones indented, then its causes ("Caused by: ..."); a throwable met again is a circular reference.
     */
    public static void printTrace(java.io.PrintStream out, Throwable t, String first) {
        java.util.ArrayList<Throwable> seen = new java.util.ArrayList<Throwable>();
        out.println(first + t);
        seen.add(t);
        printEnclosed(out, t, "", seen);
    }

    private static void printEnclosed(java.io.PrintStream out, Throwable t, String prefix, java.util.ArrayList<Throwable> seen) {
        for (Throwable s : t.getSuppressed()) {
            printOne(out, s, "Suppressed: ", prefix + "\t", seen);
        }
        Throwable c = t.getCause();
        if (c != null) {
            printOne(out, c, "Caused by: ", prefix, seen);
        }
    }

    private static void printOne(java.io.PrintStream out, Throwable t, String caption, String prefix, java.util.ArrayList<Throwable> seen) {
        for (Throwable s : seen) {
            if (s == t) {
                out.println(prefix + caption + "[CIRCULAR REFERENCE: " + t + "]");
                return;
            }
        }
        seen.add(t);
        out.println(prefix + caption + t);
        printEnclosed(out, t, prefix, seen);
    }

    /** A thrown value as a Java throwable: the VM's own errors are strings. */
    public static Throwable throwable(Object x) {
        if (x instanceof Throwable) {
            return (Throwable) x;
        }
        String s = isString(x) ? (String) x : String.valueOf(x);
        if (s.startsWith("java.lang.")) {
            int colon = s.indexOf(": ");
            String name = colon < 0 ? s : s.substring(0, colon);
            String message = colon < 0 ? null : s.substring(colon + 2);
            Throwable t = named(name, message);
            if (t != null) {
                return t;
            }
        }
        if (s.equals("division by zero")) {
            return new ArithmeticException("/ by zero");
        }
        if (s.startsWith("array index ")) {
            // "array index I out of range (size N)"
            int end = s.indexOf(' ', 12);
            String index = s.substring(12, end);
            int size = s.indexOf("(size ");
            String length = s.substring(size + 6, s.length() - 1);
            return new ArrayIndexOutOfBoundsException("Index " + index + " out of bounds for length " + length);
        }
        if (s.equals("negative array index")) {
            return new ArrayIndexOutOfBoundsException("Index is negative");
        }
        if (s.endsWith("called on null") || s.endsWith(" of null") || s.equals("o2i of null") || s.equals("not an array") && x == null) {
            return new NullPointerException(n().nullMessage());
        }
        if (s.startsWith("cast to not parent: ")) {
            // "cast to not parent: FROM to TO", Phantom class names.
            int to = s.indexOf(" to ", 20);
            return new ClassCastException(castMessage(javaName(s.substring(20, to)), javaName(s.substring(to + 4))));
        }
        if (s.startsWith("stack overflow")) {
            return new StackOverflowError();
        }
        if (s.startsWith("out of heap memory")) {
            return new OutOfMemoryError("Java heap space");
        }
        if (s.startsWith("charAt: index") || s.startsWith("substring:")) {
            return new StringIndexOutOfBoundsException(s);
        }
        return new Error(s);
    }

    private static Throwable named(String name, String message) {
        switch (name) {
            case "java.lang.NumberFormatException": return new NumberFormatException(message);
            case "java.lang.ArrayIndexOutOfBoundsException": return new ArrayIndexOutOfBoundsException(message);
            case "java.lang.StringIndexOutOfBoundsException": return new StringIndexOutOfBoundsException(message);
            case "java.lang.NegativeArraySizeException": return new NegativeArraySizeException(message);
            case "java.lang.ArithmeticException": return new ArithmeticException(message);
            case "java.lang.NullPointerException": return new NullPointerException(message);
            case "java.lang.IllegalArgumentException": return new IllegalArgumentException(message);
            case "java.lang.ArrayStoreException": return new ArrayStoreException(message == null ? null : javaName(message));
            default: return null;
        }
    }

    /** new T[d0][d1]...: the lengths in a Phantom array, the innermost arrays' check class. */
    public static Object newMultiArray(Object dims, String descriptor, String check) {
        int[] d = (int[]) n().javaArray(dims, "[I");
        for (int k = 0; k < d.length; k++) {
            if (d[k] < 0) {
                throw new NegativeArraySizeException(String.valueOf(d[k]));
            }
        }
        return build(d, 0, descriptor, check);
    }

    private static Object build(int[] d, int k, String descriptor, String check) {
        if (k == d.length - 1) {
            return n().newArray(d[k], descriptor, check);
        }
        Object[] a = (Object[]) n().newArray(d[k], descriptor, null);
        for (int i = 0; i < a.length; i++) {
            a[i] = build(d, k + 1, descriptor.substring(1), check);
        }
        return a;
    }

    public static Object cloneArray(Object a) {
        return n().cloneArray(a);
    }

    /** Java's name of an object's class. */
    public static String className(Object o) {
        if (isString(o)) {
            return "java.lang.String";
        }
        // A Java array's is its descriptor, dotted ("[I", "[Ljava.lang.String;").
        String p = n().className(o);
        if (p.startsWith(".java.")) {
            return p.substring(6);
        }
        return p;
    }

    public static boolean isInstance(Object o, String type) {
        if (o == null) {
            return false;
        }
        if (isArray(o)) {
            return type.startsWith("[") ? arrayAssignable(className(o), type.replace('/', '.'))
                    : type.equals("java/lang/Cloneable") || type.equals("java/io/Serializable");
        }
        if (type.startsWith("[")) {
            return false;
        }
        if (isString(o)) {
            return type.equals("java/lang/Comparable") || type.equals("java/lang/CharSequence") || type.equals("java/io/Serializable");
        }
        String list = interfacesOf(o);
        return list != null && list.indexOf("," + type + ",") >= 0;
    }

    /**
     * Whether an array of descriptor `from` is one of `to`: the same, or arrays of references
     * where `to`'s elements are Object (at the same depth or shallower). Class and interface
     * element types are matched exactly.
     */
    static boolean arrayAssignable(String from, String to) {
        while (from.startsWith("[") && to.startsWith("[")) {
            from = from.substring(1);
            to = to.substring(1);
        }
        if (from.equals(to)) {
            return true;
        }
        boolean reference = from.startsWith("L") || from.startsWith("[");
        if (reference && to.equals("Ljava.lang.Object;")) {
            return true;
        }
        if (from.startsWith("[") && (to.equals("Ljava.lang.Cloneable;") || to.equals("Ljava.io.Serializable;"))) {
            return true;
        }
        if (from.startsWith("L") && to.startsWith("L")) {
            String a = from.substring(1, from.length() - 1), b = to.substring(1, to.length() - 1);
            return n().isSubclass(phantomName(a), phantomName(b));
        }
        return false;
    }

    public static void checkCast(Object o, String type) {
        if (o != null && !isInstance(o, type)) {
            throw new ClassCastException(castMessage(className(o), type.replace('/', '.')));
        }
    }

    /** The JVM's message: which classes, and where they were loaded from. */
    static String castMessage(String from, String to) {
        String where;
        boolean fromJdk = from.startsWith("java.") || from.startsWith("["), toJdk = to.startsWith("java.") || to.startsWith("[");
        if (fromJdk == toJdk) {
            where = from + " and " + to + " are in " + loader(fromJdk);
        } else {
            where = from + " is in " + loader(fromJdk) + "; " + to + " is in " + loader(toJdk);
        }
        return "class " + from + " cannot be cast to class " + to + " (" + where + ")";
    }

    private static String loader(boolean jdk) {
        return jdk ? "module java.base of loader 'bootstrap'" : "unnamed module of loader 'app'";
    }

    /** The Phantom name of a Java class name (a.b.C is ".java.a.b.C"). */
    static String phantomName(String java) {
        return java.equals("java.lang.String") ? ".internal.string" : ".java." + java;
    }

    /** A Java class name for a Phantom one (".java.a.b.C" is a.b.C). */
    static String javaName(String phantom) {
        if (phantom.equals(".internal.string")) {
            return "java.lang.String";
        }
        if (phantom.equals(".internal.int")) {
            return "java.lang.Integer";
        }
        return phantom.startsWith(".java.") ? phantom.substring(6) : phantom;
    }

    private static String[] classNames = new String[16];
    private static Class<?>[] classes = new Class<?>[16];
    private static int classCount;

    /** The one Class object of a class, by its internal name. */
    public static Class<?> classFor(String name) {
        for (int i = 0; i < classCount; i++) {
            if (classNames[i].equals(name)) {
                return classes[i];
            }
        }
        if (classCount == classNames.length) {
            String[] n = new String[classCount * 2];
            Class<?>[] c = new Class<?>[classCount * 2];
            System.arraycopy(classNames, 0, n, 0, classCount);
            System.arraycopy(classes, 0, c, 0, classCount);
            classNames = n;
            classes = c;
        }
        Class<?> c = Class.named(name.replace('/', '.'));
        classNames[classCount] = name;
        classes[classCount] = c;
        classCount++;
        return c;
    }

    public static Class<?> getClass(Object o) {
        return classFor(className(o).replace('.', '/'));
    }

    public static int hashCode(Object o) {
        return o.hashCode();
    }

    public static NullPointerException nullPointer() {
        return new NullPointerException();
    }

    public static NullPointerException nullPointer(String message) {
        return new NullPointerException(message);
    }

    // CharSequence's methods: a string answers them as well as the classes implementing it.

    public static int length(Object s) {
        return isString(s) ? ((String) s).length() : ((CharSequence) s).length();
    }

    public static char charAt(Object s, int index) {
        return isString(s) ? ((String) s).charAt(index) : ((CharSequence) s).charAt(index);
    }

    public static CharSequence subSequence(Object s, int start, int end) {
        return isString(s) ? ((String) s).substring(start, end) : ((CharSequence) s).subSequence(start, end);
    }

    public static boolean isEmpty(Object s) {
        return isString(s) ? ((String) s).isEmpty() : ((CharSequence) s).isEmpty();
    }

    public static int compareTo(Object a, Object b) {
        if (isString(a)) {
            return ((String) a).compareTo((String) b);
        }
        return ((Comparable) a).compareTo(b);
    }

    public static void wait(Object o) throws InterruptedException {
        Monitor.of(o).await(0);
    }

    public static void wait(Object o, long ms) throws InterruptedException {
        Monitor.of(o).await(ms <= 0 ? 0 : ms);
    }

    public static void notify(Object o) {
        Monitor.of(o).notifyOne(false);
    }

    public static void notifyAll(Object o) {
        Monitor.of(o).notifyOne(true);
    }

    public static boolean holdsLock(Object o) {
        return Monitor.of(o).heldByCurrent();
    }

    public static void monitorEnter(Object o) {
        Monitor.of(o).enter();
    }

    public static void monitorExit(Object o) {
        Monitor.of(o).exit();
    }

    /** A thread's first frame (method 8 of java.lang.Thread, which the translator adds). */
    public static void runThread(Thread t) {
        t.phantomMain();
    }

    public static int hash(Object o) { return o == null ? 0 : o.hashCode(); }
    public static int hash(int v) { return v; }
    public static int hash(long v) { return (int) (v ^ (v >>> 32)); }
    public static int hash(float v) { return Float.hashCode(v); }
    public static int hash(double v) { return Double.hashCode(v); }
    public static int hash(boolean v) { return v ? 1231 : 1237; }
    public static int hash(char v) { return v; }
    public static int hash(byte v) { return v; }
    public static int hash(short v) { return v; }

    public static boolean same(Object a, Object b) { return a == b || a != null && a.equals(b); }
    public static boolean same(int a, int b) { return a == b; }
    public static boolean same(long a, long b) { return a == b; }
    public static boolean same(float a, float b) { return Float.compare(a, b) == 0; }
    public static boolean same(double a, double b) { return Double.compare(a, b) == 0; }
    public static boolean same(boolean a, boolean b) { return a == b; }
    public static boolean same(char a, char b) { return a == b; }
    public static boolean same(byte a, byte b) { return a == b; }
    public static boolean same(short a, short b) { return a == b; }

    /** The statics object of a Java class, by its Java name (initialising it). */
    public static Object statics(String javaName) {
        return n().statics(".java." + javaName + "#static");
    }

    public static String str(Object o) {
        return o == null ? "null" : o.toString();
    }

    public static String str(String s) {
        return s == null ? "null" : s;
    }

    public static String str(int v) {
        return n().longToString(v, 10);
    }

    public static String str(byte v) {
        return n().longToString(v, 10);
    }

    public static String str(short v) {
        return n().longToString(v, 10);
    }

    public static String str(long v) {
        return n().longToString(v, 10);
    }

    public static String str(char c) {
        return n().charToString(c);
    }

    public static String str(boolean b) {
        return b ? "true" : "false";
    }

    public static String str(float f) {
        return n().floatToString(f);
    }

    public static String str(double d) {
        return n().doubleToString(d);
    }
}
