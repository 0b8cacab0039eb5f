import java.util.Random;

/** Tellers move money between accounts under the bank's monitor; an auditor prints the total. */
public class JBank {
    static final int ACCOUNTS = 10;
    static final long[] balances = new long[ACCOUNTS];
    static final Object bank = new Object();
    static long transfers;

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < ACCOUNTS; i++) balances[i] = 1000;
        for (int t = 0; t < 3; t++) {
            final int seed = t;
            new Thread(() -> {
                Random r = new Random(seed);
                while (true) {
                    int from = r.nextInt(ACCOUNTS), to = r.nextInt(ACCOUNTS);
                    long amount = r.nextInt(100);
                    synchronized (bank) {
                        if (balances[from] >= amount) {
                            balances[from] -= amount;
                            Thread.yield();
                            balances[to] += amount;
                            transfers++;
                        }
                    }
                }
            }).start();
        }
        while (true) {
            long total = 0, seen;
            synchronized (bank) {
                for (long b : balances) total += b;
                seen = transfers;
            }
            System.out.println("total " + total + " after " + seen);
            Thread.sleep(20);
        }
    }
}
