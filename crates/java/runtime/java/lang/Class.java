package java.lang;

public final class Class<T> {
    private final String name;

    private Class(String name) {
        this.name = name;
    }

    public static Class<?> named(String name) {
        return new Class<Object>(name);
    }

    public String getName() {
        return name;
    }

    /** The name in the source: "" for an anonymous class, Local for Outer$1Local, int[] for [I. */
    public String getSimpleName() {
        if (name.startsWith("[")) {
            return simpleOfDescriptor(name.substring(1)) + "[]";
        }
        int dot = name.lastIndexOf('.');
        String simple = dot < 0 ? name : name.substring(dot + 1);
        int dollar = simple.lastIndexOf('$');
        if (dollar < 0) {
            return simple;
        }
        int i = dollar + 1;
        while (i < simple.length() && Character.isDigit(simple.charAt(i))) {
            i++;
        }
        return simple.substring(i);
    }

    private static String simpleOfDescriptor(String d) {
        switch (d.charAt(0)) {
            case 'I': return "int";
            case 'J': return "long";
            case 'D': return "double";
            case 'F': return "float";
            case 'Z': return "boolean";
            case 'C': return "char";
            case 'S': return "short";
            case 'B': return "byte";
            case '[': return simpleOfDescriptor(d.substring(1)) + "[]";
            default: return named(d.substring(1, d.length() - 1)).getSimpleName();
        }
    }

    public boolean isArray() {
        return name.startsWith("[");
    }

    public boolean isAnonymousClass() {
        return !name.startsWith("[") && getSimpleName().isEmpty();
    }

    public String toString() {
        return "class " + name;
    }

    public boolean equals(Object o) {
        return o instanceof Class && ((Class<?>) o).name.equals(name);
    }

    public int hashCode() {
        return name.hashCode();
    }
}
