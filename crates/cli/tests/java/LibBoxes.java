public class LibBoxes {
    static void nfe(String what, String s, int radix) {
        try {
            System.out.println(what + " -> " + Integer.parseInt(s, radix));
        } catch (NumberFormatException e) {
            System.out.println(what + " NFE: " + e.getMessage());
        }
    }

    static void nfeLong(String s) {
        try {
            System.out.println("long " + s + " -> " + Long.parseLong(s));
        } catch (NumberFormatException e) {
            System.out.println("long NFE: " + e.getMessage());
        }
    }

    static void nfeDouble(String s) {
        try {
            System.out.println("double " + s + " -> " + Double.parseDouble(s));
        } catch (NumberFormatException e) {
            System.out.println("double NFE: " + e.getMessage());
        }
    }

    public static void main(String[] args) {
        Integer a = 127, b = 127, c = 128, d = 128;
        System.out.println("Integer 127==127 " + (a == b) + ", 128==128 " + (c == d) + ", equals " + c.equals(d));
        Integer m1 = -128, m2 = -128, m3 = -129, m4 = -129;
        System.out.println("Integer -128 " + (m1 == m2) + ", -129 " + (m3 == m4));
        Long l1 = 100L, l2 = 100L, l3 = 1000L, l4 = 1000L;
        System.out.println("Long 100 " + (l1 == l2) + ", 1000 " + (l3 == l4) + ", equals " + l3.equals(l4) + ", Long.equals(Integer) " + l1.equals(100));
        Character c1 = 'a', c2 = 'a', c3 = '\u0200', c4 = '\u0200';
        System.out.println("Character a " + (c1 == c2) + ", 0x200 " + (c3 == c4));
        Short s1 = 5, s2 = 5, s3 = 500, s4 = 500;
        System.out.println("Short 5 " + (s1 == s2) + ", 500 " + (s3 == s4));
        Byte b1 = 1, b2 = 1, b3 = -128, b4 = -128;
        System.out.println("Byte " + (b1 == b2) + " " + (b3 == b4));
        Boolean t1 = true, t2 = Boolean.valueOf("TRUE"), f1 = Boolean.valueOf("yes");
        System.out.println("Boolean " + (t1 == t2) + " " + f1 + " " + (t1 == Boolean.TRUE) + " " + Boolean.parseBoolean("True"));
        System.out.println("Integer.valueOf(1000)==valueOf(1000) " + (Integer.valueOf(1000) == Integer.valueOf(1000)) + ", valueOf(10) " + (Integer.valueOf(10) == Integer.valueOf(10)));
        System.out.println(Integer.parseInt("-123") + " " + Integer.parseInt("+77") + " " + Integer.parseInt("ff", 16) + " " + Integer.parseInt("-1010", 2) + " " + Integer.parseInt("zz", 36) + " " + Integer.valueOf("0042"));
        System.out.println(Long.parseLong("9223372036854775807") + " " + Long.parseLong("-9223372036854775808") + " " + Long.parseLong("7fffffff", 16) + " " + Long.valueOf("12"));
        System.out.println(Integer.toString(255) + " " + Integer.toString(255, 16) + " " + Integer.toString(-255, 2) + " " + Integer.toString(35, 36) + " " + Long.toString(-99L) + " " + Long.toString(255L, 8));
        System.out.println(Integer.toBinaryString(10) + " " + Integer.toBinaryString(-1) + " " + Integer.toHexString(-256) + " " + Integer.toHexString(48879) + " " + Integer.toOctalString(64) + " " + Integer.toOctalString(-1));
        System.out.println(Long.toBinaryString(5L) + " " + Long.toHexString(-1L) + " " + Long.toHexString(1L << 40) + " " + Long.toOctalString(511L));
        System.out.println(Integer.MIN_VALUE + " " + Integer.MAX_VALUE + " " + Long.MIN_VALUE + " " + Long.MAX_VALUE);
        System.out.println(Short.MIN_VALUE + " " + Short.MAX_VALUE + " " + Byte.MIN_VALUE + " " + Byte.MAX_VALUE + " " + (int) Character.MAX_VALUE);
        System.out.println(Double.MAX_VALUE + " " + Double.MIN_VALUE + " " + Float.MAX_VALUE + " " + Float.MIN_VALUE);
        System.out.println(Integer.compare(3, 7) + " " + Integer.compare(7, 3) + " " + Integer.compare(5, 5) + " " + Long.compare(-1L, 1L) + " " + Character.compare('b', 'a') + " " + Boolean.compare(true, false));
        System.out.println(Integer.bitCount(255) + " " + Integer.bitCount(-1) + " " + Long.bitCount(-1L) + " " + Integer.reverse(1) + " " + Integer.reverse(0x0F0F0F0F) + " " + Integer.reverseBytes(0x01020304));
        System.out.println(Integer.highestOneBit(100) + " " + Integer.highestOneBit(0) + " " + Integer.highestOneBit(-5) + " " + Integer.lowestOneBit(100) + " " + Long.highestOneBit(1000L));
        System.out.println(Integer.numberOfLeadingZeros(1) + " " + Integer.numberOfLeadingZeros(0) + " " + Integer.numberOfLeadingZeros(-1) + " " + Integer.numberOfTrailingZeros(8) + " " + Long.numberOfLeadingZeros(1L) + " " + Long.numberOfTrailingZeros(0L));
        System.out.println(Integer.rotateLeft(1, 33) + " " + Integer.rotateRight(1, 1) + " " + Integer.signum(-9) + " " + Integer.sum(2, 3) + " " + Integer.max(4, 9) + " " + Long.signum(0L));
        System.out.println(Double.compare(0.0, -0.0) + " " + Double.compare(Double.NaN, 1.0) + " " + Double.compare(1.0, 2.0) + " " + (0.0 == -0.0) + " " + Double.valueOf(0.0).equals(-0.0) + " " + Double.valueOf(Double.NaN).equals(Double.NaN));
        System.out.println(Double.isNaN(0.0 / 0.0) + " " + Double.isNaN(1.0) + " " + Double.isInfinite(1 / 0.0) + " " + Double.isInfinite(-1 / 0.0) + " " + Double.isFinite(1e308) + " " + Double.isInfinite(1e308 * 10));
        System.out.println(Double.parseDouble("3.25") + " " + Double.parseDouble("-1e3") + " " + Double.valueOf("  2.5  ") + " " + Double.parseDouble("Infinity") + " " + Double.parseDouble("1") + " " + Float.parseFloat("0.1"));
        System.out.println(Double.toString(100.0) + " " + Double.toString(1e-5) + " " + Double.toString(123456789.0) + " " + Double.toString(1e7) + " " + Double.toString(0.001));
        System.out.println(Integer.hashCode(42) + " " + Long.hashCode(1L << 32) + " " + Double.hashCode(1.5) + " " + Boolean.hashCode(true) + " " + Character.hashCode('A') + " " + Long.valueOf(-1L).hashCode());
        Integer boxed = 41;
        boxed++;
        int unboxed = boxed + 1;
        Double dd = 2.0 * boxed;
        System.out.println(boxed + " " + unboxed + " " + dd + " " + boxed.compareTo(50) + " " + boxed.doubleValue() + " " + dd.intValue() + " " + boxed.byteValue() + " " + Integer.valueOf(300).byteValue());
        Object[] objs = {1, 2L, 3.0, 4.0f, 'c', true, (short) 7, (byte) 8};
        for (Object o : objs) System.out.print(o + ":" + (o instanceof Number) + " ");
        System.out.println();
        nfe("empty", "", 10);
        nfe("abc", "abc", 10);
        nfe("overflow", "2147483648", 10);
        nfe("min", "-2147483648", 10);
        nfe("radix2", "102", 2);
        nfe("minus only", "-", 10);
        nfe("spaces", " 12", 10);
        nfe("hex", "1F", 16);
        nfeLong("12L");
        nfeLong("99999999999999999999");
        nfeDouble("abc");
        nfeDouble("1.5.2");
        try {
            Integer.parseInt(null);
        } catch (NumberFormatException e) {
            System.out.println("null NFE: " + e.getMessage());
        }
    }
}
