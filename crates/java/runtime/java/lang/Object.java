package java.lang;

public class Object {
    public Object() {}

    public boolean equals(Object o) {
        return this == o;
    }

    public int hashCode() {
        return phantom.runtime.Rt.n().identityHash(this);
    }

    public String toString() {
        return phantom.runtime.Rt.className(this) + "@" + Integer.toHexString(hashCode());
    }

    public final Class<?> getClass() {
        return phantom.runtime.Rt.getClass(this);
    }

    protected Object clone() throws CloneNotSupportedException {
        throw new CloneNotSupportedException(phantom.runtime.Rt.className(this));
    }

    public final void notify() {
        phantom.runtime.Rt.notify(this);
    }

    public final void notifyAll() {
        phantom.runtime.Rt.notifyAll(this);
    }

    public final void wait() throws InterruptedException {
        phantom.runtime.Rt.wait(this);
    }

    public final void wait(long ms) throws InterruptedException {
        phantom.runtime.Rt.wait(this, ms);
    }
}
