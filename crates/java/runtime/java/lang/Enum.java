package java.lang;

public abstract class Enum<E extends Enum<E>> implements Comparable<E> {
    private final String name;
    private final int ordinal;

    protected Enum(String name, int ordinal) {
        this.name = name;
        this.ordinal = ordinal;
    }

    public final String name() {
        return name;
    }

    public final int ordinal() {
        return ordinal;
    }

    public String toString() {
        return name;
    }

    public final boolean equals(Object other) {
        return this == other;
    }

    public final int hashCode() {
        return super.hashCode();
    }

    public final int compareTo(E other) {
        return ordinal - ((Enum<?>) other).ordinal;
    }

    @SuppressWarnings("unchecked")
    public final Class<E> getDeclaringClass() {
        // A constant with a body is an anonymous subclass, named Enum$N: its enum is Enum.
        String name = getClass().getName();
        int i = name.length();
        while (i > 0 && Character.isDigit(name.charAt(i - 1))) {
            i--;
        }
        if (i < name.length() && i > 0 && name.charAt(i - 1) == '$') {
            return (Class<E>) phantom.runtime.Rt.classFor(name.substring(0, i - 1).replace('.', '/'));
        }
        return (Class<E>) getClass();
    }

    public static <T extends Enum<T>> T valueOf(Class<T> type, String name) {
        String javaName = type.getName();
        Object statics = phantom.runtime.Rt.statics(javaName);
        Object[] values = (Object[]) phantom.runtime.Rt.n().callByName(statics, "values()[L" + javaName.replace('.', '/') + ";");
        for (Object v : values) {
            if (((Enum<?>) v).name.equals(name)) {
                @SuppressWarnings("unchecked")
                T t = (T) v;
                return t;
            }
        }
        if (name == null) {
            throw new NullPointerException("Name is null");
        }
        throw new IllegalArgumentException("No enum constant " + type.getName().replace('$', '.') + "." + name);
    }
}
