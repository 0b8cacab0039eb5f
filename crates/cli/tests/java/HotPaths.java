import java.util.ArrayList;
import java.util.List;

/** The shapes the VM runs fastest: interface calls at one site on many classes, statics read
 * in loops, fields and elements of locals (null and out of range too), long loops with int
 * bounds, byte and short narrowing, negated tests. */
public class HotPaths {
    interface Shape {
        int area();

        default int twice() {
            return 2 * area();
        }
    }

    static class Square implements Shape {
        final int side;

        Square(int side) {
            this.side = side;
        }

        public int area() {
            return side * side;
        }
    }

    static class Rect implements Shape {
        int w, h;

        Rect(int w, int h) {
            this.w = w;
            this.h = h;
        }

        public int area() {
            return w * h;
        }
    }

    /** Inherits area() from Rect: the interface call finds it up the chain. */
    static class Banner extends Rect {
        Banner(int w) {
            super(w, 1);
        }

        public int twice() {
            return -area();
        }
    }

    static class Counter {
        static int calls;
        static long total;
        double x, y;
        Counter next;
    }

    static class Late {
        static int[] table = build();

        static int[] build() {
            System.out.println("Late initialised");
            int[] t = new int[4];
            for (int i = 0; i < t.length; i++) t[i] = i * i;
            return t;
        }
    }

    public static void main(String[] args) {
        List<Shape> shapes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            shapes.add(i % 3 == 0 ? new Square(i) : i % 3 == 1 ? new Rect(i, 2) : new Banner(i));
        }
        long sum = 0;
        for (int round = 0; round < 3; round++) {
            for (Shape s : shapes) {
                sum += s.area();
                sum += s.twice();
                Counter.calls++;
            }
        }
        System.out.println("shapes " + sum + " calls " + Counter.calls);

        int late = 0;
        for (int i = 0; i < 8; i++) {
            if (i == 5) late += Late.table[3];
            Counter.total += i;
        }
        System.out.println("late " + late + " total " + Counter.total);

        Counter a = new Counter();
        Counter b = new Counter();
        a.next = b;
        a.x = 1.5;
        b.y = -2.25;
        double acc = 0;
        for (int i = 0; i < 10; i++) {
            acc += a.x * i - a.next.y;
            a.x = a.x + b.y * 0.5;
        }
        System.out.println("fields " + acc + " " + a.x);
        Counter none = a.next.next;
        try {
            System.out.println(none.x);
        } catch (NullPointerException e) {
            System.out.println("caught NPE on a field of null");
        }

        int[] squares = new int[10];
        long[] longs = new long[10];
        double[] halves = new double[10];
        String[] names = new String[10];
        for (int i = 0; i < squares.length; i++) {
            squares[i] = i * i;
            longs[i] = (long) i << 40;
            halves[i] = i / 2.0;
            names[i] = "n" + i;
        }
        long total = 0;
        for (int i = 0; i < squares.length; i++) {
            total += squares[i] + (longs[i] >> 40) + (long) halves[i] + names[i].length();
        }
        System.out.println("arrays " + total);
        int k = 10;
        try {
            total += squares[k];
        } catch (ArrayIndexOutOfBoundsException e) {
            System.out.println("caught " + e.getMessage());
        }
        int[] missing = null;
        try {
            for (int i = 0; i < missing.length; i++) total++;
        } catch (NullPointerException e) {
            System.out.println("caught NPE on length of null");
        }

        int limit = 1000;
        long count = 0;
        for (long j = 7; j <= limit; j += k) count += j;
        for (long j = -5; j < limit / 10; j += 3) count ^= j;
        for (long j = 2; j >= -limit; j -= k) count -= j;
        System.out.println("longs " + count);

        byte[] bytes = new byte[8];
        short[] shorts = new short[8];
        boolean[] flags = new boolean[8];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (i * 77);
            shorts[i] = (short) (i * 20000);
            flags[i] = i % 3 == 0;
        }
        int mixed = 0;
        for (int i = 0; i < 8; i++) {
            if (!flags[i]) mixed += bytes[i];
            else mixed -= shorts[i];
            mixed += (byte) (mixed << 3) + (short) (mixed * 31) + (mixed >>> 7) + (mixed >> 2);
        }
        System.out.println("narrow " + mixed + " " + bytes[7] + " " + shorts[7]);

        int[] data = {5, 3, 9, 1, 7, 3, 8, 2};
        int pivot = 6, floor = 1, i = 0, j = data.length - 1, scans = 0;
        while (data[i] < pivot) { i++; scans++; }
        while (data[j] > floor) { j--; scans++; }
        int[] copy = new int[data.length];
        int n = 0, m = data.length - 1;
        while (n < data.length) copy[n++] = data[m--];
        long[] wide = new long[4];
        int[] marks = new int[12];
        for (long w = 1; w < 12; w += 2) marks[(int) w] = 7;
        for (int q = 0; q < wide.length; q++) wide[q] = -1;
        int marked = 0;
        for (int q = 0; q < marks.length; q++) marked += marks[q];
        System.out.println("scan " + i + " " + j + " " + scans + " copy " + copy[0] + copy[7] + " marked " + marked + " " + wide[3]);
        try {
            int r = 0;
            while (data[r] < 100) r++;
        } catch (ArrayIndexOutOfBoundsException e) {
            System.out.println("scan past the end: " + e.getMessage());
        }
        try {
            int r = 6;
            while (r < 20) copy[r++] = 4;
        } catch (ArrayIndexOutOfBoundsException e) {
            System.out.println("store past the end: " + e.getMessage());
        }
    }
}
