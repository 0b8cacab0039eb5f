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
            System.err.println("Exception in thread \"" + name + "\" " + t);
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
        lock.lock();
        while (started && !finished) {
            ended.wait(lock);
        }
        lock.unlock();
    }

    public final void join(long ms) throws InterruptedException {
        lock.lock();
        if (started && !finished) {
            ended.twait(lock, (int) ms);
        }
        lock.unlock();
    }

    public static void sleep(long ms) throws InterruptedException {
        if (ms < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        phantom.runtime.Rt.boot().sleep((int) Math.min(ms, Integer.MAX_VALUE));
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

    public final void setDaemon(boolean on) {
        daemon = on;
    }

    public final boolean isDaemon() {
        return daemon;
    }

    public void interrupt() {}

    public boolean isInterrupted() {
        return false;
    }

    public static boolean interrupted() {
        return false;
    }

    public String toString() {
        return "Thread[" + name + ",5,main]";
    }
}
