import java.util.*;

public class ProgGraph {
    static class Edge {
        final String to;
        final int w;

        Edge(String to, int w) {
            this.to = to;
            this.w = w;
        }
    }

    static final Map<String, List<Edge>> graph = new TreeMap<>();

    static void edge(String a, String b, int w) {
        graph.computeIfAbsent(a, k -> new ArrayList<>()).add(new Edge(b, w));
        graph.computeIfAbsent(b, k -> new ArrayList<>()).add(new Edge(a, w));
    }

    static List<String> bfs(String start) {
        List<String> order = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(start);
        seen.add(start);
        while (!queue.isEmpty()) {
            String cur = queue.poll();
            order.add(cur);
            for (Edge e : graph.get(cur)) {
                if (seen.add(e.to)) queue.add(e.to);
            }
        }
        return order;
    }

    static void dfs(String cur, Set<String> seen, List<String> order) {
        seen.add(cur);
        order.add(cur);
        for (Edge e : graph.get(cur)) if (!seen.contains(e.to)) dfs(e.to, seen, order);
    }

    static List<String> dfsIterative(String start) {
        List<String> order = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> stack = new ArrayDeque<>();
        stack.push(start);
        while (!stack.isEmpty()) {
            String cur = stack.pop();
            if (!seen.add(cur)) continue;
            order.add(cur);
            List<Edge> es = graph.get(cur);
            for (int i = es.size() - 1; i >= 0; i--) if (!seen.contains(es.get(i).to)) stack.push(es.get(i).to);
        }
        return order;
    }

    static Map<String, Integer> dijkstra(String src, Map<String, String> prev) {
        Map<String, Integer> dist = new HashMap<>();
        for (String v : graph.keySet()) dist.put(v, Integer.MAX_VALUE);
        dist.put(src, 0);
        PriorityQueue<Object[]> pq = new PriorityQueue<>((a, b) -> {
            int c = Integer.compare((Integer) a[1], (Integer) b[1]);
            return c != 0 ? c : ((String) a[0]).compareTo((String) b[0]);
        });
        pq.add(new Object[] {src, 0});
        while (!pq.isEmpty()) {
            Object[] top = pq.poll();
            String u = (String) top[0];
            int d = (Integer) top[1];
            if (d > dist.get(u)) continue;
            for (Edge e : graph.get(u)) {
                int nd = d + e.w;
                if (nd < dist.get(e.to)) {
                    dist.put(e.to, nd);
                    prev.put(e.to, u);
                    pq.add(new Object[] {e.to, nd});
                }
            }
        }
        return dist;
    }

    static String path(Map<String, String> prev, String target) {
        LinkedList<String> p = new LinkedList<>();
        for (String at = target; at != null; at = prev.get(at)) p.addFirst(at);
        return String.join(" -> ", p);
    }

    public static void main(String[] args) {
        String[][] roads = {
            {"Amsterdam", "Berlin", "655"}, {"Amsterdam", "Brussels", "210"}, {"Brussels", "Paris", "315"},
            {"Paris", "Lyon", "465"}, {"Lyon", "Milan", "445"}, {"Berlin", "Prague", "350"},
            {"Prague", "Vienna", "330"}, {"Vienna", "Milan", "860"}, {"Berlin", "Munich", "585"},
            {"Munich", "Vienna", "435"}, {"Munich", "Milan", "490"}, {"Paris", "Munich", "840"},
            {"Milan", "Rome", "575"}, {"Vienna", "Budapest", "245"}, {"Oslo", "Stockholm", "520"},
        };
        for (String[] r : roads) edge(r[0], r[1], Integer.parseInt(r[2]));
        System.out.println("cities " + graph.size() + " " + graph.keySet());
        System.out.println("BFS from Amsterdam: " + bfs("Amsterdam"));
        List<String> order = new ArrayList<>();
        dfs("Amsterdam", new HashSet<>(), order);
        System.out.println("DFS from Amsterdam: " + order);
        System.out.println("DFS iterative: " + dfsIterative("Amsterdam"));
        Map<String, String> prev = new HashMap<>();
        Map<String, Integer> dist = dijkstra("Amsterdam", prev);
        for (String city : new TreeSet<>(dist.keySet())) {
            int d = dist.get(city);
            System.out.println(String.format("  %-10s %s", city, d == Integer.MAX_VALUE ? "unreachable" : d + " km via " + path(prev, city)));
        }
        Set<String> unvisited = new TreeSet<>(graph.keySet());
        int components = 0;
        while (!unvisited.isEmpty()) {
            String s = unvisited.iterator().next();
            List<String> comp = bfs(s);
            unvisited.removeAll(comp);
            components++;
            Collections.sort(comp);
            System.out.println("component " + components + ": " + comp);
        }
        int[][] grid = new int[12][12];
        for (int i = 0; i < 12; i++) for (int j = 0; j < 12; j++) grid[i][j] = ((i * 7 + j * 3) % 5 == 0 && !(i == 0 && j == 0)) ? 1 : 0;
        int[][] steps = new int[12][12];
        for (int[] row : steps) Arrays.fill(row, -1);
        Deque<int[]> q = new ArrayDeque<>();
        q.add(new int[] {0, 0});
        steps[0][0] = 0;
        int[][] dirs = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
        while (!q.isEmpty()) {
            int[] c = q.poll();
            for (int[] d : dirs) {
                int r = c[0] + d[0], cc = c[1] + d[1];
                if (r < 0 || cc < 0 || r >= 12 || cc >= 12 || grid[r][cc] == 1 || steps[r][cc] >= 0) continue;
                steps[r][cc] = steps[c[0]][c[1]] + 1;
                q.add(new int[] {r, cc});
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 12; j++) sb.append(grid[i][j] == 1 ? " ##" : String.format("%3d", steps[i][j]));
            sb.append('\n');
        }
        System.out.print(sb);
        System.out.println("steps to corner: " + steps[11][11]);
    }
}
