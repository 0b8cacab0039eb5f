package java.lang.ref;

/** No reference is ever enqueued here (see Reference). */
public class ReferenceQueue<T> {
    public ReferenceQueue() {}

    public Reference<? extends T> poll() {
        return null;
    }

    public Reference<? extends T> remove(long timeout) throws InterruptedException {
        if (timeout > 0) {
            Thread.sleep(timeout);
        }
        return null;
    }
}
