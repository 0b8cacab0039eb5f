import java.util.*;
import java.util.function.*;
import java.util.stream.*;

/** java.util.stream the ordinary way: pipelines over collections, arrays, ranges and strings. */
public class LibStreams {
    record Person(String name, String city, int age, double pay) {}

    public static void main(String[] args) {
        List<Integer> nums = List.of(5, 3, 8, 1, 9, 2, 8, 3);
        System.out.println(nums.stream().filter(n -> n % 2 == 1).map(n -> n * n).collect(Collectors.toList()));
        System.out.println(nums.stream().distinct().sorted().toList());
        System.out.println(nums.stream().sorted(Comparator.reverseOrder()).limit(3).collect(Collectors.toList()));
        System.out.println(nums.stream().skip(2).count() + " " + nums.stream().mapToInt(Integer::intValue).sum());
        System.out.println(nums.stream().reduce(0, Integer::sum) + " " + nums.stream().reduce(Integer::max).get());
        System.out.println(nums.stream().anyMatch(n -> n > 8) + " " + nums.stream().allMatch(n -> n > 0) + " " + nums.stream().noneMatch(n -> n == 4));
        System.out.println(nums.stream().findFirst().get() + " " + Stream.empty().findFirst().isPresent());
        System.out.println(nums.stream().min(Comparator.naturalOrder()).get() + " " + nums.stream().max(Integer::compare).get());

        System.out.println(IntStream.range(0, 5).sum() + " " + IntStream.rangeClosed(1, 5).map(x -> x * x).boxed().collect(Collectors.toList()));
        System.out.println(IntStream.of(3, 1, 2).max().getAsInt() + " " + IntStream.empty().max().isPresent() + " " + IntStream.of(1, 2).average().getAsDouble());
        System.out.println(Arrays.toString(IntStream.iterate(1, x -> x * 2).limit(8).toArray()));
        System.out.println(Arrays.toString(IntStream.iterate(1, x -> x < 100, x -> x * 3).toArray()));
        System.out.println(IntStream.rangeClosed(1, 4).summaryStatistics());
        System.out.println(DoubleStream.of(0.1, 0.2, 0.3).sum() + " " + DoubleStream.of(1.5, 2.5).average().getAsDouble());
        System.out.println(LongStream.rangeClosed(1, 20).reduce(1, (a, b) -> a * b));
        System.out.println(Arrays.stream(new int[] {4, 5, 6}).map(x -> -x).boxed().toList());
        System.out.println(Arrays.stream(new String[] {"b", "a", "c"}).sorted().collect(Collectors.joining(", ", "[", "]")));
        System.out.println(Arrays.stream(new double[] {1, 2, 3}, 1, 3).sum());
        System.out.println("hello".chars().filter(c -> c == 'l').count() + " " + "abc".chars().mapToObj(c -> String.valueOf((char) c)).collect(Collectors.joining("-")));
        System.out.println("one\ntwo\r\nthree".lines().map(String::toUpperCase).toList());

        List<Person> people = List.of(new Person("Ann", "Oslo", 31, 5200.5), new Person("Bob", "Rome", 25, 3100),
                new Person("Cid", "Oslo", 42, 6100.25), new Person("Dee", "Lima", 25, 2900), new Person("Eve", "Rome", 38, 4400));
        Map<String, List<String>> byCity = people.stream()
                .collect(Collectors.groupingBy(Person::city, TreeMap::new, Collectors.mapping(Person::name, Collectors.toList())));
        System.out.println(byCity);
        Map<String, Long> counts = people.stream().collect(Collectors.groupingBy(Person::city, Collectors.counting()));
        System.out.println(new TreeMap<>(counts));
        System.out.println(people.stream().collect(Collectors.partitioningBy(p -> p.age() > 30, Collectors.counting())));
        System.out.println(people.stream().collect(Collectors.averagingInt(Person::age)) + " " + people.stream().collect(Collectors.summingDouble(Person::pay)));
        System.out.println(people.stream().mapToDouble(Person::pay).max().getAsDouble() + " " + people.stream().mapToInt(Person::age).min().getAsInt());
        Map<String, Integer> ages = people.stream().collect(Collectors.toMap(Person::name, Person::age));
        System.out.println(new TreeMap<>(ages));
        TreeMap<String, Integer> ageByCity = people.stream().collect(Collectors.toMap(Person::city, Person::age, Integer::sum, TreeMap::new));
        System.out.println(ageByCity);
        System.out.println(people.stream().map(Person::name).collect(Collectors.joining("|")));
        System.out.println(people.stream().sorted(Comparator.comparingInt(Person::age).thenComparing(Person::name)).map(Person::name).toList());
        int size = people.stream().collect(Collectors.collectingAndThen(Collectors.toList(), List::size));
        System.out.println(size);
        System.out.println(people.stream().max(Comparator.comparingDouble(Person::pay)).map(Person::name).orElse("none"));
        try {
            people.stream().collect(Collectors.toMap(Person::city, Person::name));
        } catch (IllegalStateException e) {
            System.out.println("toMap: " + e.getMessage());
        }

        List<List<Integer>> nested = List.of(List.of(1, 2), List.of(3), List.of());
        System.out.println(nested.stream().flatMap(List::stream).map(x -> x * 10).toList());
        System.out.println(Stream.of("x", "yy", "zzz").collect(Collectors.toMap(String::length, Function.identity())));
        System.out.println(Stream.iterate(1, x -> x + 1).filter(x -> x % 7 == 0).limit(3).toList());
        System.out.println(Stream.generate(() -> "ab").limit(3).collect(Collectors.joining()));
        System.out.println(Stream.of(1, 2, 3, 4, 5, 1).takeWhile(x -> x < 4).toList() + " " + Stream.of(1, 2, 3, 4, 1).dropWhile(x -> x < 3).toList());
        System.out.println(Stream.concat(Stream.of(1), Stream.of(2, 3)).toList());
        String[] arr = Stream.of("p", "q").toArray(String[]::new);
        System.out.println(arr.length + arr[1] + " " + Stream.of(1, 2).toArray().length);
        List<String> seen = new ArrayList<>();
        long n = Stream.of("a", "b", "c").peek(seen::add).filter(s -> !s.equals("b")).count();
        System.out.println(n + " " + seen);
        Set<Integer> set = nums.stream().collect(Collectors.toCollection(TreeSet::new));
        System.out.println(set + " " + Optional.of(4).stream().toList());
        StringBuilder sb = new StringBuilder();
        IntStream.range(0, 4).forEach(sb::append);
        System.out.println(sb);
        Stream<Integer> once = Stream.of(1, 2);
        once.count();
        try {
            once.count();
        } catch (IllegalStateException e) {
            System.out.println(e.getMessage());
        }
        System.out.println(people.stream().collect(Collectors.summarizingInt(Person::age)).getMax());
    }
}
