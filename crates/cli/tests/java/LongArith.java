public class LongArith {
    static long fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); }

    public static void main(String[] args) {
        long a = Long.MAX_VALUE;
        System.out.println(a + 1);
        System.out.println(Long.MIN_VALUE / -1);
        System.out.println(fact(20) + " " + fact(21));
        long x = 1L << 62;
        System.out.println(x + " " + (x << 1) + " " + (x >> 61) + " " + (-1L >>> 60) + " " + (1L << 65));
        System.out.println((0xF0F0L & 0xFF00L) + " " + (0xF0L | 0x0FL) + " " + (0xFFL ^ 0x0FL) + " " + ~0L);
        int i = 1_000_000;
        long m = (long) i * i;
        System.out.println(m + " " + (int) m + " " + (i * i));
        long c = 0;
        for (long k = 0; k < 100000; k++) c += k * k % 7;
        System.out.println(c);
        System.out.println(Long.parseLong("-9223372036854775808") + " " + Long.toHexString(255L) + " " + Long.toString(-255L, 2));
        System.out.println(Long.compare(5L, 3L) + " " + (a > 0) + " " + (Long.MIN_VALUE < 0L) + " " + (3L == 3L) + " " + (3L != 4L));
        long neg = -5;
        System.out.println(neg / 2 + " " + neg % 2 + " " + -neg + " " + Math.abs(neg));
        try {
            System.out.println(5L / (neg - neg));
        } catch (ArithmeticException e) {
            System.out.println("caught " + e.getMessage());
        }
    }
}
