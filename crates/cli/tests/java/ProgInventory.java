import java.util.*;

/** A small inventory: records, maps of lists, sorting with comparators, Optional, totals. */
public class ProgInventory {
    record Item(String sku, String category, int quantity, double price) {
        double value() {
            return quantity * price;
        }
    }

    static final class Inventory {
        private final Map<String, Item> bySku = new LinkedHashMap<>();

        void add(Item item) {
            Item old = bySku.putIfAbsent(item.sku(), item);
            if (old != null) {
                bySku.put(item.sku(), new Item(old.sku(), old.category(), old.quantity() + item.quantity(), item.price()));
            }
        }

        Item take(String sku, int n) {
            Item it = bySku.get(sku);
            if (it == null) throw new NoSuchElementException("no item " + sku);
            if (it.quantity() < n) throw new IllegalStateException("only " + it.quantity() + " of " + sku);
            Item left = new Item(sku, it.category(), it.quantity() - n, it.price());
            bySku.put(sku, left);
            return left;
        }

        Map<String, List<Item>> byCategory() {
            Map<String, List<Item>> out = new TreeMap<>();
            for (Item it : bySku.values()) out.computeIfAbsent(it.category(), k -> new ArrayList<>()).add(it);
            return out;
        }

        Optional<Item> mostValuable() {
            Item best = null;
            for (Item it : bySku.values()) if (best == null || it.value() > best.value()) best = it;
            return Optional.ofNullable(best);
        }
    }

    public static void main(String[] args) {
        Inventory inv = new Inventory();
        String[] cats = {"tools", "garden", "kitchen"};
        for (int i = 0; i < 12; i++) {
            inv.add(new Item("S" + (i % 9), cats[i % 3], 3 + i * 2, 1.25 * (i + 1)));
        }
        System.out.println(inv.bySku.size() + " skus");
        for (Map.Entry<String, List<Item>> e : inv.byCategory().entrySet()) {
            List<Item> items = new ArrayList<>(e.getValue());
            items.sort(Comparator.comparingDouble(Item::value).reversed().thenComparing(Item::sku));
            double total = 0;
            for (Item it : items) total += it.value();
            System.out.println(e.getKey() + ": " + items.size() + " items, total " + total);
            for (Item it : items) System.out.println("  " + it + " value=" + it.value());
        }
        System.out.println("best: " + inv.mostValuable().map(Item::sku).orElse("none"));
        System.out.println("after take: " + inv.take("S3", 5));
        try {
            inv.take("S3", 1000);
        } catch (IllegalStateException e) {
            System.out.println("refused: " + e.getMessage());
        }
        try {
            inv.take("X1", 1);
        } catch (NoSuchElementException e) {
            System.out.println("refused: " + e.getMessage());
        }
        System.out.println(new Inventory().mostValuable().isPresent());
        System.out.println(new Item("A", "b", 2, 0.5).equals(new Item("A", "b", 2, 0.5)));
    }
}
