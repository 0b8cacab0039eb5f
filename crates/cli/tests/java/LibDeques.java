import java.util.*;

public class LibDeques {
    static void drain(String label, Deque<Integer> d) {
        StringBuilder sb = new StringBuilder(label).append(':');
        Iterator<Integer> it = d.descendingIterator();
        while (it.hasNext()) sb.append(' ').append(it.next());
        System.out.println(sb + " | forward " + d);
    }

    static void exercise(String name, Deque<Integer> d) {
        System.out.println("== " + name);
        for (int i = 1; i <= 3; i++) d.push(i * 10);
        System.out.println("after push " + d + " peek=" + d.peek() + " size=" + d.size());
        System.out.println("pop " + d.pop() + " -> " + d);
        d.offer(5);
        d.offerFirst(1);
        d.offerLast(9);
        d.addFirst(0);
        d.addLast(99);
        System.out.println("after offers " + d);
        System.out.println("peekFirst " + d.peekFirst() + " peekLast " + d.peekLast() + " getFirst " + d.getFirst() + " getLast " + d.getLast());
        System.out.println("poll " + d.poll() + " pollFirst " + d.pollFirst() + " pollLast " + d.pollLast() + " -> " + d);
        System.out.println("removeFirst " + d.removeFirst() + " removeLast " + d.removeLast() + " -> " + d);
        System.out.println("contains 10 " + d.contains(10) + " contains 77 " + d.contains(77));
        d.add(10);
        d.add(3);
        d.add(10);
        System.out.println("removeFirstOccurrence " + d.removeFirstOccurrence(10) + " -> " + d);
        System.out.println("removeLastOccurrence " + d.removeLastOccurrence(10) + " -> " + d);
        drain("descending", d);
        d.clear();
        System.out.println("empty: poll=" + d.poll() + " peek=" + d.peek() + " pollLast=" + d.pollLast() + " peekLast=" + d.peekLast() + " isEmpty=" + d.isEmpty());
        try {
            d.pop();
        } catch (NoSuchElementException e) {
            System.out.println("pop on empty: NoSuchElementException");
        }
        try {
            d.removeFirst();
        } catch (NoSuchElementException e) {
            System.out.println("removeFirst on empty: NoSuchElementException");
        }
        try {
            d.getLast();
        } catch (NoSuchElementException e) {
            System.out.println("getLast on empty: NoSuchElementException");
        }
        try {
            d.element();
        } catch (NoSuchElementException e) {
            System.out.println("element on empty: NoSuchElementException");
        }
        for (int i = 0; i < 100; i++) {
            if (i % 2 == 0) d.addFirst(i); else d.addLast(i);
            if (i % 7 == 0) d.pollFirst();
            if (i % 11 == 0) d.pollLast();
        }
        int sum = 0;
        for (int v : d) sum += v;
        System.out.println("stress size " + d.size() + " sum " + sum + " first " + d.peekFirst() + " last " + d.peekLast());
    }

    public static void main(String[] args) {
        exercise("ArrayDeque", new ArrayDeque<>());
        exercise("LinkedList", new LinkedList<>());
        Queue<String> q = new LinkedList<>();
        q.add("a");
        q.offer("b");
        q.add("c");
        System.out.println(q.remove() + " " + q.peek() + " " + q + " " + q.size());
        Queue<String> aq = new ArrayDeque<>(List.of("x", "y", "z"));
        while (!aq.isEmpty()) System.out.print(aq.poll());
        System.out.println(" remove on empty queue:");
        try {
            aq.remove();
        } catch (NoSuchElementException e) {
            System.out.println("NoSuchElementException");
        }
        LinkedList<Integer> ll = new LinkedList<>();
        for (int i = 0; i < 10; i++) ll.add(i);
        ll.add(3, 33);
        ll.remove(Integer.valueOf(7));
        ll.remove(0);
        ll.set(1, 11);
        System.out.println(ll + " get(4)=" + ll.get(4) + " indexOf(33)=" + ll.indexOf(33) + " lastIndexOf(9)=" + ll.lastIndexOf(9));
        ListIterator<Integer> li = ll.listIterator();
        while (li.hasNext()) {
            int v = li.next();
            if (v % 2 == 0) li.remove();
            else if (v == 5) li.add(55);
        }
        System.out.println("after listIterator " + ll);
        try {
            new ArrayDeque<String>().add(null);
        } catch (NullPointerException e) {
            System.out.println("ArrayDeque rejects null");
        }
        Deque<Character> stack = new ArrayDeque<>();
        String expr = "{[()()]}([)]";
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if ("([{".indexOf(c) >= 0) stack.push(c);
            else {
                char open = stack.isEmpty() ? '?' : stack.pop();
                boolean ok = (open == '(' && c == ')') || (open == '[' && c == ']') || (open == '{' && c == '}');
                System.out.print(ok ? "+" : "-");
            }
        }
        System.out.println(" left on stack " + stack);
    }
}
