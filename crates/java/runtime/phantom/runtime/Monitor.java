package phantom.runtime;

/**
 * The monitor of an object a Java program synchronizes on, waits or notifies on: made on first
 * use and found by the object's identity in a table that holds the objects weakly, so an
 * object synchronized on is collected as any other, and its monitor with it. Its state is in
 * the heap, so a thread blocked on it stays blocked across a restart.
 */
final class Monitor {
    private static final phantom.internal.mutex TABLE_LOCK = new phantom.internal.mutex();
    private static phantom.internal.weakref[] keys = new phantom.internal.weakref[64];
    private static Monitor[] monitors = new Monitor[64];
    /** Slots taken, those whose object was collected included (until the table is rebuilt). */
    private static int used;

    private final phantom.internal.mutex lock = new phantom.internal.mutex();
    private final phantom.internal.cond free = new phantom.internal.cond();
    private final phantom.internal.cond notified = new phantom.internal.cond();
    private Object owner;
    private int depth;
    private int notifications;

    static Monitor of(Object o) {
        if (o == null) {
            throw new NullPointerException("Cannot enter synchronized block because the object is null");
        }
        TABLE_LOCK.lock();
        try {
            int mask = keys.length - 1;
            int i = Rt.n().identityHash(o) & mask;
            while (keys[i] != null) {
                if (Rt.n().refersTo(keys[i], o)) {
                    return monitors[i];
                }
                i = (i + 1) & mask;
            }
            Monitor m = new Monitor();
            phantom.internal.weakref key = new phantom.internal.weakref();
            key.set(o);
            keys[i] = key;
            monitors[i] = m;
            if (++used * 2 > keys.length) {
                rebuild();
            }
            return m;
        } finally {
            TABLE_LOCK.unlock();
        }
    }

    /** The live entries into a table a quarter full: larger, or smaller after many were collected. */
    private static void rebuild() {
        phantom.internal.weakref[] oldKeys = keys;
        Monitor[] oldMonitors = monitors;
        int live = 0;
        for (phantom.internal.weakref k : oldKeys) {
            if (k != null && k.get() != null) {
                live++;
            }
        }
        int size = 64;
        while (size < live * 4) {
            size *= 2;
        }
        keys = new phantom.internal.weakref[size];
        monitors = new Monitor[size];
        used = 0;
        int mask = size - 1;
        for (int k = 0; k < oldKeys.length; k++) {
            Object o = oldKeys[k] == null ? null : oldKeys[k].get();
            if (o != null) {
                int i = Rt.n().identityHash(o) & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[k];
                monitors[i] = oldMonitors[k];
                used++;
            }
        }
    }

    void enter() {
        Object me = Rt.currentPhantomThread();
        lock.lock();
        while (owner != null && owner != me) {
            free.wait(lock);
        }
        owner = me;
        depth++;
        lock.unlock();
    }

    boolean heldByCurrent() {
        lock.lock();
        boolean mine = owner == Rt.currentPhantomThread();
        lock.unlock();
        return mine;
    }

    void exit() {
        lock.lock();
        if (owner != Rt.currentPhantomThread()) {
            lock.unlock();
            throw new IllegalMonitorStateException("current thread is not owner");
        }
        if (--depth == 0) {
            owner = null;
            free.signal();
        }
        lock.unlock();
    }

    void await(long ms) throws InterruptedException {
        Object me = Rt.currentPhantomThread();
        Thread self = Thread.currentThread();
        lock.lock();
        if (owner != me) {
            lock.unlock();
            throw new IllegalMonitorStateException("current thread is not owner");
        }
        int saved = depth;
        owner = null;
        depth = 0;
        free.signal();
        int seen = notifications;
        // Thread.interrupt signals `notified` too: the wait ends, the monitor is taken back, and
        // InterruptedException is thrown.
        boolean interrupted = self.phantomBlocking(lock, notified);
        if (!interrupted) {
            if (ms > 0) {
                notified.twait(lock, (int) Math.min(ms, Integer.MAX_VALUE));
                interrupted = self.phantomBlocking(lock, notified);
            } else {
                while (notifications == seen) {
                    notified.wait(lock);
                    if (self.phantomBlocking(lock, notified)) {
                        interrupted = true;
                        break;
                    }
                }
            }
        }
        self.phantomUnblocked();
        while (owner != null) {
            free.wait(lock);
        }
        owner = me;
        depth = saved;
        lock.unlock();
        if (interrupted) {
            throw new InterruptedException();
        }
    }

    void notifyOne(boolean all) {
        lock.lock();
        if (owner != Rt.currentPhantomThread()) {
            lock.unlock();
            throw new IllegalMonitorStateException("current thread is not owner");
        }
        notifications++;
        if (all) {
            notified.broadcast();
        } else {
            notified.signal();
        }
        lock.unlock();
    }
}
