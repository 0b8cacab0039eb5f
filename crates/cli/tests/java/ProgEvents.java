import java.util.*;

/** A discrete-event simulation of a shop with two tills: a priority queue of timed events, seeded randomness. */
public class ProgEvents {
    static final class Event implements Comparable<Event> {
        final int time;
        final String kind;
        final int customer;

        Event(int time, String kind, int customer) {
            this.time = time;
            this.kind = kind;
            this.customer = customer;
        }

        public int compareTo(Event o) {
            return time != o.time ? Integer.compare(time, o.time) : Integer.compare(customer, o.customer);
        }

        public String toString() {
            return "t=" + time + " " + kind + " #" + customer;
        }
    }

    public static void main(String[] args) {
        Random random = new Random(2024);
        PriorityQueue<Event> events = new PriorityQueue<>();
        int t = 0;
        for (int c = 1; c <= 30; c++) {
            t += 1 + random.nextInt(6);
            events.add(new Event(t, "arrive", c));
        }
        Deque<Integer> line = new ArrayDeque<>();
        int freeTills = 2, served = 0, longestLine = 0;
        long waitTotal = 0;
        Map<Integer, Integer> arrived = new HashMap<>();
        List<String> log = new ArrayList<>();
        while (!events.isEmpty()) {
            Event e = events.poll();
            switch (e.kind) {
                case "arrive" -> {
                    arrived.put(e.customer, e.time);
                    line.addLast(e.customer);
                }
                case "leave" -> {
                    freeTills++;
                    served++;
                }
                default -> throw new IllegalStateException(e.kind);
            }
            while (freeTills > 0 && !line.isEmpty()) {
                int c = line.pollFirst();
                freeTills--;
                waitTotal += e.time - arrived.get(c);
                events.add(new Event(e.time + 3 + random.nextInt(8), "leave", c));
            }
            longestLine = Math.max(longestLine, line.size());
            if (log.size() < 12) log.add(e.toString());
        }
        for (String s : log) System.out.println(s);
        System.out.println("served " + served + ", longest line " + longestLine + ", mean wait " + (double) waitTotal / served);
        System.out.println(random.nextInt(1000) + " " + random.nextLong() + " " + random.nextBoolean() + " " + random.nextDouble());
    }
}
