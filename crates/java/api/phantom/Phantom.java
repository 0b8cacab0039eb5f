package phantom;

/**
 * What Java programs compile against to use the Phantom system (javac -sourcepath
 * crates/java/api). In Phantom the runtime library's own phantom.Phantom takes its place; run
 * by a JVM, these stand-ins do what a system without persistence can.
 */
public final class Phantom {
    private Phantom() {}

    /** Phantom: returns once a snapshot holding this moment is durable, with its generation. */
    public static long commit() {
        return 0;
    }

    /** The program's arguments. */
    public static String[] arguments() {
        return new String[0];
    }

    public static void sleep(int ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
