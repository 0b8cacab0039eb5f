public class IntArith {
    public static void main(String[] args) {
        int a = Integer.MAX_VALUE, b = Integer.MIN_VALUE;
        System.out.println(a + 1);
        System.out.println(b - 1);
        System.out.println(a * 2);
        System.out.println(b / -1);
        System.out.println(b % -1);
        System.out.println(-7 / 2 + " " + -7 % 2 + " " + 7 / -2 + " " + 7 % -2);
        System.out.println((1 << 33) + " " + (1 << -1) + " " + (-16 >> 2) + " " + (-16 >>> 28));
        System.out.println((5 & 3) + " " + (5 | 3) + " " + (5 ^ 3) + " " + ~5);
        int x = 10;
        x += 5; x -= 3; x *= 7; x /= 4; x %= 6; x <<= 3; x >>= 1; x ^= 0xFF;
        System.out.println(x);
        byte by = (byte) 200; short sh = (short) 70000; char ch = (char) 65601;
        System.out.println(by + " " + sh + " " + (int) ch);
        byte inc = 127; inc++;
        System.out.println(inc);
        System.out.println(Integer.toHexString(-1) + " " + Integer.toBinaryString(10) + " " + Integer.toString(255, 16));
        System.out.println(Integer.parseInt("-12345") + Integer.parseInt("7f", 16));
        System.out.println(Math.abs(-5) + " " + Math.max(3, 9) + " " + Math.min(-3, 2));
        System.out.println(Integer.compare(3, 5) + " " + Integer.signum(-9) + " " + Integer.bitCount(255));
        int i = 0;
        i = i++ + ++i;
        System.out.println(i);
        try {
            System.out.println(1 / (i - i));
        } catch (ArithmeticException e) {
            System.out.println("caught " + e.getMessage());
        }
        try {
            System.out.println(5 % (i - i));
        } catch (ArithmeticException e) {
            System.out.println("caught " + e);
        }
    }
}
