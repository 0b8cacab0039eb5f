public class IntOverflow {
    static int divide(int a, int b) {
        return a / b;
    }

    static long lmod(long a, long b) {
        return a % b;
    }

    public static void main(String[] args) {
        int max = Integer.MAX_VALUE, min = Integer.MIN_VALUE;
        System.out.println((max + 1) + " " + (min - 1) + " " + (max * max) + " " + (min * -1) + " " + (-min) + " " + Math.abs(min));
        System.out.println((min / -1) + " " + (min % -1) + " " + (max / -1) + " " + (min / 2) + " " + (min >> 31) + " " + (min >>> 31));
        long lmax = Long.MAX_VALUE, lmin = Long.MIN_VALUE;
        System.out.println((lmax + 1) + " " + (lmin - 1) + " " + (lmin / -1) + " " + (lmin % -1) + " " + (lmax * 3) + " " + Math.abs(lmin));
        int[] shifts = {0, 1, 31, 32, 33, 63, 64, -1, -31, -32, 100, Integer.MIN_VALUE};
        for (int s : shifts) {
            System.out.println("shift " + s + ": " + (1 << s) + " " + (-8 >> s) + " " + (-8 >>> s) + " " + (1L << s) + " " + (-8L >> s) + " " + (-8L >>> s));
        }
        System.out.println((-1 >>> 1) + " " + (-1L >>> 1) + " " + (-256 >>> 4) + " " + (0x80000000 >> 4) + " " + (0x80000000 >>> 4));
        int[][] pairs = {{7, 3}, {-7, 3}, {7, -3}, {-7, -3}, {0, 5}, {min, 3}, {max, -2}};
        for (int[] p : pairs) {
            int a = p[0], b = p[1];
            System.out.println(a + " / " + b + " = " + (a / b) + ", % = " + (a % b) + ", floorDiv " + Math.floorDiv(a, b) + ", floorMod " + Math.floorMod(a, b));
        }
        System.out.println((-7L / 2) + " " + (-7L % 2) + " " + lmod(-9, 4) + " " + lmod(9, -4) + " " + lmod(lmin, 7));
        int x = max;
        x += 1;
        int y = min;
        y -= 1;
        int z = 1 << 30;
        z *= 4;
        System.out.println(x + " " + y + " " + z + " " + (x == min) + " " + (y == max));
        long mixed = max + 1L;
        long wrong = max + 1;
        System.out.println(mixed + " " + wrong + " " + (int) mixed + " " + (int) 4294967296L + " " + (int) 4294967297L + " " + (int) -2147483649L);
        int h = 0;
        for (int i = 0; i < 50; i++) h = 31 * h + i * 7919;
        long lh = 0;
        for (int i = 0; i < 50; i++) lh = 1000003L * lh ^ i;
        System.out.println(h + " " + lh);
        System.out.println(Integer.MAX_VALUE + Integer.MAX_VALUE + " " + (Long.MAX_VALUE + Long.MAX_VALUE) + " " + (0x7fffffff + 0x7fffffff));
        System.out.println(Integer.toBinaryString(min) + " " + Integer.toHexString(min >> 4) + " " + Long.toHexString(lmin >>> 4) + " " + (-1 & 0xFFFFFFFFL));
        System.out.println(Integer.compare(-1 + min, 1 + min) + " " + (int) ((-1 & 0xFFFFFFFFL) / 2) + " " + Integer.numberOfLeadingZeros(min >>> 3) + " " + Integer.highestOneBit(max));
        int cnt = 0;
        for (int i = max - 5; i > 0 && cnt < 10; i++) cnt++;
        System.out.println("loop wrapped after " + cnt);
        try {
            System.out.println(divide(1, 0));
        } catch (ArithmeticException e) {
            System.out.println("caught " + e.getMessage() + " / " + e);
        }
        try {
            System.out.println(lmod(5, 0));
        } catch (ArithmeticException e) {
            System.out.println("caught long " + e.getMessage());
        }
        try {
            int zero = 0;
            zero /= zero;
        } catch (ArithmeticException e) {
            System.out.println("caught compound " + e.getMessage());
        }
        System.out.println(5.0 / 0 + " " + 5 % 0.0 + " " + -5 / 0.0);
        System.out.println("about to divide by zero, uncaught");
        System.out.println(divide(args.length, args.length - 2));
        System.out.println("never printed");
    }
}
