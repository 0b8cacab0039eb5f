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

    public String getSimpleName() {
        int dot = name.lastIndexOf('.');
        String simple = dot < 0 ? name : name.substring(dot + 1);
        int dollar = simple.lastIndexOf('$');
        return dollar < 0 ? simple : simple.substring(dollar + 1);
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
