package java.lang;

/** A Java thread is a Phantom thread: started through the boot object, it persists. */
public class Thread implements Runnable {
    private static int created;
    private static Thread main;
    private static final phantom.internal.mutex LOCK = new phantom.internal.mutex();
    private static Object[] phantomThreads = new Object[16];
    private static Thread[] javaThreads = new Thread[16];
    private static int known;

    private final Runnable target;
    private String name;
    private boolean started;
    private boolean finished;
    private boolean daemon;
    private final long id;
    private final phantom.internal.mutex lock = new phantom.internal.mutex();
    private final phantom.internal.cond ended = new phantom.internal.cond();
    /** What sleep waits on, so interrupt can wake it. */
    private final phantom.internal.cond wake = new phantom.internal.cond();
    private boolean interruptFlag;
    /** The mutex and condition this thread waits on in sleep, join or wait, else null. */
    private phantom.internal.mutex blockedLock;
    private phantom.internal.cond blockedCond;

    public Thread() {
        this(null, null);
    }

    public Thread(Runnable target) {
        this(target, null);
    }

    public Thread(String name) {
        this(null, name);
    }

    public Thread(Runnable target, String name) {
        this.target = target;
        LOCK.lock();
        this.id = ++created;
        LOCK.unlock();
        this.name = name != null ? name : "Thread-" + (id - 1);
    }

    private Thread(String name, boolean isMain) {
        this.target = null;
        this.name = name;
        this.id = 1;
        this.started = true;
    }

    public void start() {
        if (started) {
            throw new IllegalThreadStateException();
        }
        started = true;
        phantom.runtime.Rt.boot().startThread(this);
    }

    public void run() {
        if (target != null) {
            target.run();
        }
    }

    /** What the Phantom thread runs (the launcher calls this through method 8). */
    public final void phantomMain() {
        register(this);
        try {
            run();
        } catch (Throwable t) {
            phantom.runtime.Rt.printTrace(System.err, t, "Exception in thread \"" + name + "\" ");
        } finally {
            lock.lock();
            finished = true;
            ended.broadcast();
            lock.unlock();
        }
    }

    private static void register(Thread t) {
        LOCK.lock();
        if (known == phantomThreads.length) {
            Object[] p = new Object[known * 2];
            Thread[] j = new Thread[known * 2];
            System.arraycopy(phantomThreads, 0, p, 0, known);
            System.arraycopy(javaThreads, 0, j, 0, known);
            phantomThreads = p;
            javaThreads = j;
        }
        phantomThreads[known] = phantom.runtime.Rt.currentPhantomThread();
        javaThreads[known] = t;
        known++;
        LOCK.unlock();
    }

    public static Thread currentThread() {
        Object me = phantom.runtime.Rt.currentPhantomThread();
        LOCK.lock();
        try {
            for (int i = 0; i < known; i++) {
                if (phantomThreads[i] == me) {
                    return javaThreads[i];
                }
            }
        } finally {
            LOCK.unlock();
        }
        if (main == null) {
            main = new Thread("main", true);
            register(main);
        }
        return main;
    }

    public final void join() throws InterruptedException {
        join(0);
    }

    public final void join(long ms) throws InterruptedException {
        if (ms < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        Thread me = currentThread();
        long deadline = deadline(ms);
        lock.lock();
        try {
            while (started && !finished) {
                if (me.phantomBlocking(lock, ended)) {
                    throw new InterruptedException();
                }
                if (ms == 0) {
                    ended.wait(lock);
                } else {
                    long left = deadline - System.currentTimeMillis();
                    if (left <= 0) {
                        break;
                    }
                    ended.twait(lock, (int) Math.min(left, Integer.MAX_VALUE));
                }
            }
        } finally {
            me.phantomUnblocked();
            lock.unlock();
        }
    }

    /** Now plus ms on the wall clock, saturated (sleep(Long.MAX_VALUE) sleeps for ever). */
    private static long deadline(long ms) {
        long now = System.currentTimeMillis();
        return ms > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + ms;
    }

    /** Sleeps on the thread's own condition until the time is up or interrupt signals it. */
    public static void sleep(long ms) throws InterruptedException {
        if (ms < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        Thread me = currentThread();
        if (ms == 0) {
            if (me.phantomBlocking(me.lock, me.wake)) {
                throw new InterruptedException("sleep interrupted");
            }
            me.phantomUnblocked();
            phantom.runtime.Rt.boot().sleep(0);
            return;
        }
        // The deadline is on the wall clock, which a restart from an image keeps.
        long deadline = deadline(ms);
        me.lock.lock();
        try {
            while (true) {
                if (me.phantomBlocking(me.lock, me.wake)) {
                    throw new InterruptedException("sleep interrupted");
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return;
                }
                me.wake.twait(me.lock, (int) Math.min(left, Integer.MAX_VALUE));
            }
        } finally {
            me.phantomUnblocked();
            me.lock.unlock();
        }
    }

    public static void sleep(long ms, int nanos) throws InterruptedException {
        sleep(ms + (nanos >= 500000 ? 1 : 0));
    }

    /**
     * For the runtime's blocking calls (sleep, join, Object.wait), called holding m before each
     * wait on c: records them so interrupt can signal c, and tells (clearing it) whether this
     * thread has been interrupted, in which case the caller throws instead of waiting.
     */
    public final boolean phantomBlocking(phantom.internal.mutex m, phantom.internal.cond c) {
        blockedLock = m;
        blockedCond = c;
        if (interruptFlag) {
            interruptFlag = false;
            blockedLock = null;
            blockedCond = null;
            return true;
        }
        return false;
    }

    public final void phantomUnblocked() {
        blockedLock = null;
        blockedCond = null;
    }

    public static void yield() {
        phantom.runtime.Rt.boot().sleep(0);
    }

    public static void onSpinWait() {}

    public final boolean isAlive() {
        return started && !finished;
    }

    public final String getName() {
        return name;
    }

    public final void setName(String name) {
        this.name = name;
    }

    public long getId() {
        return id;
    }

    public static final int MIN_PRIORITY = 1;
    public static final int NORM_PRIORITY = 5;
    public static final int MAX_PRIORITY = 10;
    private int priority = NORM_PRIORITY;

    /** Kept and reported; Phantom's scheduler does not use it. */
    public final void setPriority(int p) {
        if (p < MIN_PRIORITY || p > MAX_PRIORITY) {
            throw new IllegalArgumentException();
        }
        priority = p;
    }

    public final int getPriority() {
        return priority;
    }

    public enum State { NEW, RUNNABLE, BLOCKED, WAITING, TIMED_WAITING, TERMINATED }

    /** NEW, TERMINATED, WAITING in sleep, join or wait, else RUNNABLE. */
    public State getState() {
        if (!started) {
            return State.NEW;
        }
        if (finished) {
            return State.TERMINATED;
        }
        if (blockedCond == wake && wake != null) {
            return State.TIMED_WAITING;
        }
        return blockedCond != null ? State.WAITING : State.RUNNABLE;
    }

    public static boolean holdsLock(Object o) {
        return phantom.runtime.Rt.holdsLock(o);
    }

    public final void setDaemon(boolean on) {
        daemon = on;
    }

    public final boolean isDaemon() {
        return daemon;
    }

    /** Sets the flag; a thread in sleep, join or wait wakes and throws InterruptedException. */
    public void interrupt() {
        interruptFlag = true;
        phantom.internal.mutex m = blockedLock;
        phantom.internal.cond c = blockedCond;
        if (m != null && c != null) {
            // Taking the mutex waits until the thread is inside its wait, so the signal reaches it.
            m.lock();
            c.broadcast();
            m.unlock();
        }
    }

    public boolean isInterrupted() {
        return interruptFlag;
    }

    public static boolean interrupted() {
        Thread me = currentThread();
        boolean was = me.interruptFlag;
        me.interruptFlag = false;
        return was;
    }

    public String toString() {
        return "Thread[" + name + ",5,main]";
    }
}
