package phantom.runtime;

/**
 * The monitor of an object a Java program synchronizes on, waits or notifies on: made on first
 * use and reached from the object's header (its satellite index), so ordinary objects pay
 * nothing and a lookup is an array read. An object synchronized on is collected as any other;
 * its index is given again once its weak reference is cleared. Values without a header (ints)
 * and objects past the index limit are found in a table keyed by identity instead. The state is
 * in the heap, so a thread blocked on it stays blocked across a restart.
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

    /** Monitors by satellite index (0 is no index), each with a weak reference to its object,
     * so that the index of a collected object can be given again. */
    private static Monitor[] bySatellite = new Monitor[64];
    private static phantom.internal.weakref[] satelliteOwners = new phantom.internal.weakref[64];
    private static int nextSatellite = 1;
    private static int[] freeSatellites = new int[0];
    private static int freeCount;
    /** Satellite indexes stop here (the header has 22 bits for them). */
    private static final int MAX_SATELLITES = 1 << 22;

    /** The object's monitor: reached through the satellite index in its header, made on
     * first use. Ints have no header and, past the index limit, objects get one from a table
     * keyed by identity. */
    static Monitor of(Object o) {
        if (o == null) {
            throw new NullPointerException("Cannot enter synchronized block because the object is null");
        }
        int k = Rt.n().satellite(o);
        if (k > 0) {
            Monitor[] table = bySatellite;
            Monitor m = k < table.length ? table[k] : null;
            if (m != null) {
                return m;
            }
        }
        TABLE_LOCK.lock();
        try {
            k = Rt.n().satellite(o);
            if (k > 0) {
                return bySatellite[k];
            }
            if (k == 0) {
                int index = freeSatellite();
                if (index > 0) {
                    Monitor m = new Monitor();
                    phantom.internal.weakref owner = new phantom.internal.weakref();
                    owner.set(o);
                    bySatellite[index] = m;
                    satelliteOwners[index] = owner;
                    if (Rt.n().setSatellite(o, index)) {
                        return m;
                    }
                    bySatellite[index] = null;
                    satelliteOwners[index] = null;
                }
            }
            return hashed(o);
        } finally {
            TABLE_LOCK.unlock();
        }
    }

    /** A satellite index no live object has, or 0 when all are taken. */
    private static int freeSatellite() {
        if (nextSatellite < bySatellite.length) {
            return nextSatellite++;
        }
        if (freeCount == 0) {
            // Indexes whose objects were collected.
            int[] found = new int[bySatellite.length];
            for (int k = 1; k < bySatellite.length; k++) {
                if (satelliteOwners[k] != null && Rt.n().refersTo(satelliteOwners[k], null)) {
                    bySatellite[k] = null;
                    satelliteOwners[k] = null;
                    found[freeCount++] = k;
                }
            }
            freeSatellites = found;
        }
        if (freeCount > 0 && freeCount * 4 >= bySatellite.length || freeCount > 0 && bySatellite.length >= MAX_SATELLITES) {
            return freeSatellites[--freeCount];
        }
        if (bySatellite.length < MAX_SATELLITES) {
            int size = bySatellite.length * 2;
            Monitor[] monitors = new Monitor[size];
            phantom.internal.weakref[] owners = new phantom.internal.weakref[size];
            System.arraycopy(bySatellite, 0, monitors, 0, bySatellite.length);
            System.arraycopy(satelliteOwners, 0, owners, 0, satelliteOwners.length);
            satelliteOwners = owners;
            bySatellite = monitors;
            return nextSatellite++;
        }
        return freeCount > 0 ? freeSatellites[--freeCount] : 0;
    }

    /** The monitor of an object without a satellite index, from the identity table (the
     * caller holds TABLE_LOCK). */
    private static Monitor hashed(Object o) {
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
