import java.util.ArrayList;
import java.util.List;

public class NpeAioobe {
    static class Node {
        int value;
        Node next;

        Node(int v) {
            value = v;
        }

        int sum() {
            return value + (next == null ? 0 : next.sum());
        }
    }

    static String field;
    static int[] nullArray;

    interface Action {
        void run() throws Exception;
    }

    static void attempt(String label, Action a) {
        try {
            a.run();
            System.out.println(label + ": no exception");
        } catch (NullPointerException e) {
            System.out.println(label + ": " + e.getClass().getName());
        } catch (ArrayIndexOutOfBoundsException e) {
            System.out.println(label + ": " + e.getClass().getName() + " " + e.getMessage());
        } catch (IndexOutOfBoundsException e) {
            System.out.println(label + ": " + e.getClass().getName() + " " + e.getMessage());
        } catch (Exception e) {
            System.out.println(label + ": other " + e);
        }
    }

    public static void main(String[] args) {
        int[] arr = new int[3];
        String[] strs = {"a", null};
        attempt("field.length()", () -> field.length());
        attempt("nullArray[0]", () -> System.out.println(nullArray[0]));
        attempt("nullArray.length", () -> System.out.println(nullArray.length));
        attempt("nullArray store", () -> nullArray[1] = 5);
        attempt("strs[1].trim()", () -> strs[1].trim());
        attempt("node.next.value", () -> System.out.println(new Node(1).next.value));
        attempt("node.next.next =", () -> new Node(1).next.next = null);
        attempt("unboxing null", () -> {
            Integer boxed = null;
            int x = boxed + 1;
            System.out.println(x);
        });
        attempt("throw null", () -> {
            RuntimeException r = null;
            throw r;
        });
        attempt("synchronized null", () -> {
            Object lock = null;
            synchronized (lock) {
                System.out.println("inside");
            }
        });
        attempt("string switch on null", () -> {
            String s = null;
            switch (s) {
                case "a": System.out.println("a"); break;
                default: System.out.println("default");
            }
        });
        attempt("concat null ok", () -> System.out.println("null concat: " + field + strs[1]));
        attempt("equals with null ok", () -> System.out.println("a".equals(null) + " " + java.util.Objects.equals(null, null)));
        attempt("arr[3]", () -> arr[3] = 1);
        attempt("arr[-1]", () -> System.out.println(arr[-1]));
        attempt("arr[MIN]", () -> System.out.println(arr[Integer.MIN_VALUE]));
        attempt("strs[2]", () -> System.out.println(strs[2]));
        attempt("long[10][5]", () -> {
            long[][] m = new long[10][4];
            m[9][5] = 1;
        });
        attempt("char[] read", () -> System.out.println("abc".toCharArray()[3]));
        attempt("empty[0]", () -> System.out.println((new double[0])[0]));
        attempt("list.get(5)", () -> new ArrayList<>(List.of(1, 2)).get(5));
        attempt("charAt(10)", () -> "abc".charAt(10));
        attempt("substring(2,9)", () -> "abc".substring(2, 9));
        int[] counts = new int[4];
        int i = 0;
        try {
            while (true) counts[i++]++;
        } catch (ArrayIndexOutOfBoundsException e) {
            System.out.println("stopped at i=" + i + " msg=" + e.getMessage());
        }
        Node head = new Node(1);
        head.next = new Node(2);
        head.next.next = new Node(3);
        System.out.println("sum " + head.sum());
        try {
            head.next.next.next.value = 4;
        } catch (NullPointerException e) {
            System.out.println("NPE deep chain, still sum " + head.sum());
        }
        RuntimeException r = new ArrayIndexOutOfBoundsException("Index 7");
        System.out.println(r.getMessage() + " | " + new ArrayIndexOutOfBoundsException("custom").getMessage() + " | " + new ArrayIndexOutOfBoundsException().getMessage());
        System.out.println((r instanceof IndexOutOfBoundsException) + " " + new NullPointerException("mine").getMessage() + " " + new NullPointerException().getClass().getName());
    }
}
