import java.util.ArrayList;
import java.util.List;

public class ThreadsMore {
    static class Counter {
        private long value;

        synchronized void add(long d) {
            value += d;
        }

        long get() {
            synchronized (this) {
                return value;
            }
        }
    }

    static class BoundedBuffer {
        private final int[] buf;
        private int head, tail, size;
        int maxSeen;

        BoundedBuffer(int cap) {
            buf = new int[cap];
        }

        synchronized void put(int v) throws InterruptedException {
            while (size == buf.length) wait();
            buf[tail] = v;
            tail = (tail + 1) % buf.length;
            size++;
            if (size > maxSeen) maxSeen = size;
            notifyAll();
        }

        synchronized int take() throws InterruptedException {
            while (size == 0) wait();
            int v = buf[head];
            head = (head + 1) % buf.length;
            size--;
            notifyAll();
            return v;
        }
    }

    static class PingPong {
        private boolean pingTurn = true;
        final List<String> log = new ArrayList<>();

        synchronized void play(boolean isPing, int rounds) throws InterruptedException {
            for (int i = 0; i < rounds; i++) {
                while (pingTurn != isPing) wait();
                String line = (isPing ? "ping " : "pong ") + i + " by " + Thread.currentThread().getName();
                log.add(line);
                System.out.println(line);
                pingTurn = !pingTurn;
                notifyAll();
            }
        }
    }

    interface Act {
        void run() throws InterruptedException;
    }

    static Runnable safe(Act a) {
        return () -> {
            try {
                a.run();
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
        };
    }

    static int fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }

    public static void main(String[] args) throws Exception {
        Counter counter = new Counter();
        Thread[] ts = new Thread[4];
        for (int t = 0; t < ts.length; t++) {
            final int id = t;
            ts[t] = new Thread(() -> {
                for (int i = 1; i <= 500; i++) counter.add(i * (id + 1));
            }, "adder-" + t);
        }
        for (Thread t : ts) t.start();
        for (Thread t : ts) t.join();
        System.out.println("counter " + counter.get() + " expected " + (125250L * 10));
        BoundedBuffer bb = new BoundedBuffer(3);
        long[] consumed = new long[2];
        Thread producer = new Thread(safe(() -> {
            for (int i = 1; i <= 100; i++) bb.put(i);
            bb.put(-1);
            bb.put(-1);
        }), "producer");
        Thread[] consumers = new Thread[2];
        for (int c = 0; c < 2; c++) {
            final int idx = c;
            consumers[c] = new Thread(safe(() -> {
                while (true) {
                    int v = bb.take();
                    if (v < 0) break;
                    synchronized (consumed) {
                        consumed[0] += v;
                        consumed[1]++;
                    }
                }
            }), "consumer-" + idx);
            consumers[c].start();
        }
        producer.start();
        producer.join();
        for (Thread c : consumers) c.join();
        System.out.println("consumed sum " + consumed[0] + " count " + consumed[1] + " maxSeen<=3 " + (bb.maxSeen <= 3));
        PingPong pp = new PingPong();
        Thread ping = new Thread(safe(() -> pp.play(true, 4)), "T-ping");
        Thread pong = new Thread(safe(() -> pp.play(false, 4)), "T-pong");
        pong.start();
        ping.start();
        ping.join();
        pong.join();
        System.out.println("pingpong lines " + pp.log.size());
        String[] results = new String[3];
        Thread[] workers = new Thread[3];
        for (int i = 0; i < 3; i++) {
            final int n = 20 + i;
            workers[i] = new Thread(() -> results[n - 20] = Thread.currentThread().getName() + "=" + fib(n));
            workers[i].setName("fib" + n);
            workers[i].start();
        }
        for (Thread w : workers) w.join();
        System.out.println(String.join(", ", results));
        Thread sleeper = new Thread(() -> {
            try {
                Thread.sleep(3000);
                results[0] = "woke normally";
            } catch (InterruptedException e) {
                results[0] = "interrupted, flag now " + Thread.currentThread().isInterrupted();
            }
        });
        sleeper.start();
        Thread.sleep(50);
        sleeper.interrupt();
        sleeper.join();
        System.out.println(results[0] + " alive " + sleeper.isAlive());
        Thread notStarted = new Thread(() -> {});
        System.out.println("not started alive " + notStarted.isAlive());
        final Object lock = new Object();
        final boolean[] ready = {false};
        Thread waiter = new Thread(() -> {
            synchronized (lock) {
                while (!ready[0]) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                results[1] = "waiter saw ready";
            }
        });
        waiter.start();
        Thread.sleep(10);
        synchronized (lock) {
            ready[0] = true;
            lock.notify();
        }
        waiter.join();
        System.out.println(results[1] + " main=" + Thread.currentThread().getName());
        try {
            lock.notify();
        } catch (IllegalMonitorStateException e) {
            System.out.println("IMSE " + e.getClass().getName());
        }
    }
}
