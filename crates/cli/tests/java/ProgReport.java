import java.util.*;

/** Reads a CSV of sales from standard input with Scanner and prints a formatted report. */
public class ProgReport {
    public static void main(String[] args) {
        Scanner in = new Scanner(System.in);
        String header = in.nextLine();
        System.out.println("columns: " + Arrays.toString(header.split(",")));
        Map<String, double[]> byRegion = new TreeMap<>();
        Map<String, Integer> units = new HashMap<>();
        int rows = 0, bad = 0;
        while (in.hasNextLine()) {
            String line = in.nextLine().trim();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] f = line.split(",");
            try {
                String region = f[0].trim();
                String product = f[1].trim();
                int n = Integer.parseInt(f[2].trim());
                double price = Double.parseDouble(f[3].trim());
                double[] acc = byRegion.computeIfAbsent(region, k -> new double[2]);
                acc[0] += n * price;
                acc[1] += n;
                units.merge(product, n, Integer::sum);
                rows++;
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                bad++;
                System.out.println("skipped line: " + line + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        System.out.println(rows + " rows, " + bad + " skipped");
        for (Map.Entry<String, double[]> e : byRegion.entrySet()) {
            double[] acc = e.getValue();
            System.out.println(String.format("%-8s %10.2f %5d  avg %.3f", e.getKey(), acc[0], (int) acc[1], acc[0] / acc[1]));
        }
        List<String> products = new ArrayList<>(units.keySet());
        Collections.sort(products);
        for (String p : products) System.out.println(p + "=" + units.get(p));
    }
}
