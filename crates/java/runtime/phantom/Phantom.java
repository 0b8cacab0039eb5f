package phantom;

/**
 * The Phantom system as a Java program sees it. Everything a program holds is persistent
 * already; commit() is how it knows a state is safe before it tells the outside world.
 */
public final class Phantom {
    private Phantom() {}

    /**
     * Waits until a snapshot holding the calling thread inside this call is durable, and
     * returns its generation. After a crash the program resumes from such a snapshot at the
     * latest: whatever it did before commit() returned is never lost.
     */
    public static long commit() {
        return phantom.runtime.Rt.boot().commit();
    }

    /** The program's arguments, as main(String[]) received them. */
    public static String[] arguments() {
        return phantom.runtime.Rt.stringArray(phantom.runtime.Rt.boot().getArguments());
    }

    /** Sleeps without holding a host thread. */
    public static void sleep(int ms) {
        phantom.runtime.Rt.boot().sleep(ms);
    }
}
