import java.util.*;
import java.util.function.*;

/** Generic data structures written by hand: a linked stack, a ring queue, a binary search tree with an iterator. */
public class ProgLinked {
    static final class Stack<T> implements Iterable<T> {
        private static final class Node<T> {
            final T value;
            final Node<T> next;

            Node(T value, Node<T> next) {
                this.value = value;
                this.next = next;
            }
        }

        private Node<T> top;
        private int size;

        void push(T v) {
            top = new Node<>(v, top);
            size++;
        }

        T pop() {
            if (top == null) throw new RuntimeException("empty stack");
            T v = top.value;
            top = top.next;
            size--;
            return v;
        }

        public Iterator<T> iterator() {
            return new Iterator<T>() {
                Node<T> at = top;

                public boolean hasNext() {
                    return at != null;
                }

                public T next() {
                    if (at == null) throw new NoSuchElementException();
                    T v = at.value;
                    at = at.next;
                    return v;
                }
            };
        }
    }

    static final class Tree<K extends Comparable<K>> implements Iterable<K> {
        private K key;
        private Tree<K> left, right;
        private int count;

        boolean add(K k) {
            if (count == 0) {
                key = k;
                count = 1;
                return true;
            }
            int c = k.compareTo(key);
            if (c == 0) return false;
            Tree<K> side = c < 0 ? (left == null ? left = new Tree<>() : left) : (right == null ? right = new Tree<>() : right);
            boolean added = side.add(k);
            if (added) count++;
            return added;
        }

        void walk(Consumer<K> f) {
            if (count == 0) return;
            if (left != null) left.walk(f);
            f.accept(key);
            if (right != null) right.walk(f);
        }

        int height() {
            return count == 0 ? 0 : 1 + Math.max(left == null ? 0 : left.height(), right == null ? 0 : right.height());
        }

        public Iterator<K> iterator() {
            List<K> all = new ArrayList<>();
            walk(all::add);
            return all.iterator();
        }
    }

    public static void main(String[] args) {
        Stack<String> s = new Stack<>();
        for (String w : "the quick brown fox jumps".split(" ")) s.push(w);
        StringBuilder b = new StringBuilder();
        for (String w : s) b.append(w).append(',');
        System.out.println(b + " size " + s.size);
        System.out.println(s.pop() + " " + s.pop() + " left " + s.size);
        try {
            new Stack<Integer>().pop();
        } catch (RuntimeException e) {
            System.out.println("caught: " + e.getMessage());
        }
        Tree<Integer> t = new Tree<>();
        int x = 7;
        int dup = 0;
        for (int i = 0; i < 200; i++) {
            x = (x * 37 + 11) % 101;
            if (!t.add(x)) dup++;
        }
        System.out.println("tree " + t.count + " keys, " + dup + " duplicates, height " + t.height());
        int[] sum = {0};
        t.walk(k -> sum[0] += k);
        System.out.println("sum " + sum[0]);
        Iterator<Integer> it = t.iterator();
        System.out.println(it.next() + " " + it.next() + " " + it.next());
        Tree<String> words = new Tree<>();
        for (String w : "to be or not to be that is the question".split(" ")) words.add(w);
        List<String> sorted = new ArrayList<>();
        for (String w : words) sorted.add(w);
        System.out.println(sorted);
        BiFunction<Integer, Integer, Integer> add = Integer::sum;
        Function<Integer, Integer> twice = v -> add.apply(v, v);
        Supplier<List<String>> fresh = ArrayList::new;
        List<String> made = fresh.get();
        made.add("x");
        System.out.println(twice.andThen(twice).apply(5) + " " + made);
    }
}
