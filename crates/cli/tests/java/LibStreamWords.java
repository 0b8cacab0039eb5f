import java.util.*;
import java.util.stream.*;

/** Stream idioms: word frequencies, entries by value, joining, averages. */
public class LibStreamWords {
    public static void main(String[] args) {
        String text = "the quick brown fox jumps over the lazy dog the fox";
        Map<String, Long> freq = Arrays.stream(text.split(" ")).collect(Collectors.groupingBy(w -> w, Collectors.counting()));
        freq.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
            .limit(3)
            .forEach(e -> System.out.println(e.getKey() + " " + e.getValue()));
        System.out.println(Stream.of("a", "bb", "cc").collect(Collectors.groupingBy(String::length)));
        List<String> sorted = freq.keySet().stream().sorted(Comparator.comparing(String::length).thenComparing(Comparator.reverseOrder())).collect(Collectors.toList());
        System.out.println(sorted);
        System.out.println(IntStream.rangeClosed(1, 5).mapToObj(Integer::toString).collect(Collectors.joining("+")) + "=" + IntStream.rangeClosed(1, 5).sum());
        double avg = freq.values().stream().mapToLong(Long::longValue).average().orElse(0);
        System.out.printf("%.3f%n", avg);
        System.out.println("Hello World".chars().filter(Character::isUpperCase).count());
    }
}
