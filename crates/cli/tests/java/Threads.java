public class Threads {
    static int shared = 0;
    static final Object LOCK = new Object();

    static class Account {
        private int balance;

        Account(int balance) {
            this.balance = balance;
        }

        synchronized void deposit(int amount) {
            balance += amount;
        }

        synchronized boolean withdraw(int amount) {
            if (balance < amount) return false;
            balance -= amount;
            return true;
        }

        synchronized int balance() {
            return balance;
        }
    }

    static class Queue {
        private final int[] items = new int[4];
        private int head, size;

        synchronized void put(int v) throws InterruptedException {
            while (size == items.length) wait();
            items[(head + size++) % items.length] = v;
            notifyAll();
        }

        synchronized int take() throws InterruptedException {
            while (size == 0) wait();
            int v = items[head];
            head = (head + 1) % items.length;
            size--;
            notifyAll();
            return v;
        }
    }

    public static void main(String[] args) throws Exception {
        Thread[] workers = new Thread[4];
        for (int t = 0; t < workers.length; t++) {
            workers[t] = new Thread(() -> {
                for (int i = 0; i < 1000; i++) {
                    synchronized (LOCK) {
                        shared++;
                    }
                }
            });
            workers[t].start();
        }
        for (Thread w : workers) w.join();
        System.out.println("shared " + shared);

        Account a = new Account(1000), b = new Account(1000);
        Thread[] movers = new Thread[3];
        for (int t = 0; t < movers.length; t++) {
            final int seed = t;
            movers[t] = new Thread(() -> {
                for (int i = 0; i < 300; i++) {
                    int amount = (i * 7 + seed) % 50;
                    if ((i + seed) % 2 == 0) {
                        if (a.withdraw(amount)) b.deposit(amount);
                    } else {
                        if (b.withdraw(amount)) a.deposit(amount);
                    }
                }
            }, "mover-" + t);
            movers[t].start();
        }
        for (Thread m : movers) m.join();
        System.out.println("total " + (a.balance() + b.balance()));

        Queue q = new Queue();
        Thread producer = new Thread(() -> {
            try {
                for (int i = 1; i <= 20; i++) q.put(i);
                q.put(-1);
            } catch (InterruptedException e) {
                System.out.println("interrupted");
            }
        });
        producer.start();
        int sum = 0;
        while (true) {
            int v = q.take();
            if (v < 0) break;
            sum += v;
        }
        producer.join();
        System.out.println("consumed " + sum + " alive " + producer.isAlive());
        long start = System.currentTimeMillis();
        Thread.sleep(50);
        System.out.println("slept " + (System.currentTimeMillis() - start >= 45));
        System.out.println(Thread.currentThread().getName() + " " + movers[1].getName());
    }
}
