import java.util.*;

public class LibRandomPQ {
    static class Task {
        final String name;
        final int priority;
        final int seq;

        Task(String name, int priority, int seq) {
            this.name = name;
            this.priority = priority;
            this.seq = seq;
        }

        public String toString() { return name + "(p" + priority + ")"; }
    }

    public static void main(String[] args) {
        Random r = new Random(42);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10; i++) sb.append(r.nextInt(100)).append(' ');
        System.out.println("nextInt(100): " + sb);
        sb.setLength(0);
        for (int i = 0; i < 6; i++) sb.append(r.nextInt(16)).append(' ').append(r.nextInt(1000000007)).append(' ');
        System.out.println("pow2/odd bounds: " + sb);
        System.out.println("nextInt: " + r.nextInt() + " " + r.nextInt() + " " + r.nextInt());
        System.out.println("nextLong: " + r.nextLong() + " " + r.nextLong());
        System.out.println("nextDouble: " + r.nextDouble() + " " + r.nextDouble());
        System.out.println("nextFloat: " + r.nextFloat() + " " + r.nextFloat());
        System.out.println("nextBoolean: " + r.nextBoolean() + " " + r.nextBoolean() + " " + r.nextBoolean());
        System.out.println("nextGaussian: " + r.nextGaussian() + " " + r.nextGaussian() + " " + r.nextGaussian());
        Random r2 = new Random(-7L);
        System.out.println("seed -7: " + r2.nextInt(10) + " " + r2.nextLong() + " " + r2.nextDouble() + " " + r2.nextGaussian());
        r2.setSeed(42);
        System.out.println("reseeded 42: " + r2.nextInt(100) + " (matches first above)");
        Random r3 = new Random(123456789L);
        System.out.println("ranged: " + r3.nextInt(5, 10) + " " + r3.nextInt(-100, 100) + " " + r3.nextInt(0, 1 << 20));
        Random r4 = new Random(99);
        int[] hist = new int[10];
        double sum = 0, sq = 0;
        for (int i = 0; i < 10000; i++) {
            hist[r4.nextInt(10)]++;
            double g = r4.nextGaussian();
            sum += g;
            sq += g * g;
        }
        System.out.println("hist " + Arrays.toString(hist) + " mean " + Math.round(sum / 10000 * 1e12) + "e-12 var " + sq / 10000);
        Random dice = new Random(2023);
        int[] rolls = new int[13];
        for (int i = 0; i < 600; i++) rolls[dice.nextInt(6) + 1 + dice.nextInt(6) + 1]++;
        System.out.println("dice " + Arrays.toString(rolls));
        try {
            r.nextInt(0);
        } catch (IllegalArgumentException e) {
            System.out.println("nextInt(0): " + e.getMessage());
        }
        PriorityQueue<Task> pq = new PriorityQueue<>(Comparator.comparingInt((Task t) -> t.priority).thenComparingInt(t -> t.seq));
        String[] names = {"write", "read", "compile", "test", "deploy", "lint", "review", "merge"};
        Random pr = new Random(5);
        for (int i = 0; i < names.length; i++) pq.add(new Task(names[i], pr.nextInt(4), i));
        System.out.println("size " + pq.size() + " peek " + pq.peek());
        StringBuilder order = new StringBuilder();
        while (!pq.isEmpty()) order.append(pq.poll()).append(' ');
        System.out.println("order: " + order);
        System.out.println("empty poll " + pq.poll() + " peek " + pq.peek());
        try {
            pq.remove();
        } catch (NoSuchElementException e) {
            System.out.println("remove on empty: NoSuchElementException");
        }
        try {
            pq.element();
        } catch (NoSuchElementException e) {
            System.out.println("element on empty: NoSuchElementException");
        }
        PriorityQueue<String> byLen = new PriorityQueue<>((x, y) -> x.length() != y.length() ? y.length() - x.length() : x.compareTo(y));
        Collections.addAll(byLen, "aa", "b", "cccc", "dd", "eee", "f", "gggg");
        System.out.println(byLen.contains("eee") + " " + byLen.remove("eee") + " " + byLen.contains("eee") + " " + byLen.size());
        List<String> drained = new ArrayList<>();
        while (byLen.size() > 0) drained.add(byLen.poll());
        System.out.println(drained);
        PriorityQueue<Integer> minHeap = new PriorityQueue<>();
        PriorityQueue<Integer> maxHeap = new PriorityQueue<>(Collections.reverseOrder());
        Random mr = new Random(11);
        StringBuilder medians = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            int v = mr.nextInt(1000);
            if (maxHeap.isEmpty() || v <= maxHeap.peek()) maxHeap.offer(v); else minHeap.offer(v);
            if (maxHeap.size() > minHeap.size() + 1) minHeap.offer(maxHeap.poll());
            else if (minHeap.size() > maxHeap.size()) maxHeap.offer(minHeap.poll());
            if (i % 5 == 4) medians.append(maxHeap.peek()).append(' ');
        }
        System.out.println("running medians: " + medians);
        PriorityQueue<Integer> fromList = new PriorityQueue<>(List.of(9, 4, 7, 1, 8));
        int total = 0;
        for (int v : fromList) total += v;
        System.out.println("iter sum " + total + " head " + fromList.peek());
        PriorityQueue<int[]> pairs = new PriorityQueue<>((p, q) -> p[0] != q[0] ? Integer.compare(p[0], q[0]) : Integer.compare(q[1], p[1]));
        for (int i = 0; i < 8; i++) pairs.add(new int[] {i % 3, i});
        StringBuilder ps = new StringBuilder();
        while (!pairs.isEmpty()) {
            int[] p = pairs.poll();
            ps.append('(').append(p[0]).append(',').append(p[1]).append(')');
        }
        System.out.println(ps);
    }
}
