public class NarrowingLogic {
    static StringBuilder trace = new StringBuilder();

    static boolean t(String name) {
        trace.append(name);
        return true;
    }

    static boolean f(String name) {
        trace.append(name);
        return false;
    }

    static int v(int x) {
        trace.append(x);
        return x;
    }

    static String flush() {
        String s = trace.toString();
        trace.setLength(0);
        return s;
    }

    public static void main(String[] args) {
        char c = 'A';
        c += 2;
        c++;
        char d = (char) (c + 1);
        int sum = c + d;
        System.out.println(c + " " + d + " " + sum + " " + (char) (sum - 60) + " " + (int) 'z' + " " + ('a' + 1) + " " + (char) ('a' + 1));
        char wrap = 0;
        wrap--;
        System.out.println((int) wrap + " " + (int) (char) -2 + " " + (int) (char) 65536 + " " + (int) (char) 65601 + " " + (char) 65601);
        StringBuilder alpha = new StringBuilder();
        for (char ch = 'a'; ch <= 'z'; ch += 5) alpha.append(ch);
        System.out.println(alpha + " " + ('z' - 'a') + " " + Character.getNumericValue('7') + " " + ('7' - '0') + " " + (char) ('0' + 9));
        char cmp = 'm';
        System.out.println((cmp > 'a') + " " + (cmp == 109) + " " + "abc".indexOf(99) + " " + Character.isUpperCase((char) (cmp - 32)));
        byte b = 127;
        b++;
        byte b2 = (byte) 200;
        b2 += 300;
        byte b3 = -128;
        b3 -= 1;
        byte b4 = 10;
        b4 *= 30;
        byte b5 = 64;
        b5 <<= 1;
        byte b6 = -1;
        b6 >>>= 1;
        System.out.println(b + " " + b2 + " " + b3 + " " + b4 + " " + b5 + " " + b6 + " " + (b6 & 0xff) + " " + (byte) 0x1ff);
        short s = Short.MAX_VALUE;
        s++;
        short s2 = 1000;
        s2 *= 1000;
        short s3 = (short) 0x8000;
        s3 >>= 4;
        short s4 = -1;
        s4 >>>= 10;
        System.out.println(s + " " + s2 + " " + s3 + " " + s4 + " " + (short) 65535 + " " + (short) -32769 + " " + Short.MIN_VALUE);
        int i = 5;
        i += 3.7;
        i -= 'a';
        long l = 10;
        l /= 0.3;
        System.out.println(i + " " + l + " " + (byte) 'A' + " " + (byte) (char) 200 + " " + (short) 'x');
        byte bb = 5;
        int promoted = bb + bb;
        System.out.println(promoted + " " + (bb << 5) + " " + (byte) (bb << 5) + " " + (~bb) + " " + (-bb) + " " + (bb >> 10));
        System.out.println((f("a") && t("b")) + " " + flush());
        System.out.println((t("a") || f("b")) + " " + flush());
        System.out.println((f("a") & t("b")) + " " + flush());
        System.out.println((t("a") | f("b")) + " " + flush());
        System.out.println((t("a") ^ t("b")) + " " + flush());
        System.out.println((f("a") || t("b") && f("c") || t("d")) + " " + flush());
        System.out.println((t("a") && (f("b") || t("c")) && !f("d")) + " " + flush());
        System.out.println((v(1) + v(2) * v(3)) + " " + flush());
        System.out.println((f("c") ? v(1) : v(2)) + " " + flush());
        System.out.println((t("c") ? t("x") ? "xx" : "xy" : "z") + " " + flush());
        int k = 0;
        boolean r = (k++ > 0) && (k++ > 0);
        System.out.println(r + " " + k);
        r = (k++ > 0) || (k++ > 0);
        System.out.println(r + " " + k);
        boolean flag = false;
        flag |= true;
        flag &= !flag;
        flag ^= true;
        System.out.println(flag + " " + (flag ? 1 : 0) + " " + (!flag == false) + " " + Boolean.logicalXor(true, flag));
        int x = 7;
        String size = x > 10 ? "big" : x > 5 ? "medium" : "small";
        long mixedTernary = x > 5 ? 1 : 2L;
        Object boxed = x > 5 ? Integer.valueOf(1) : "string";
        double dt = true ? 1 : 2.0;
        char ct = false ? 'a' : 98;
        System.out.println(size + " " + mixedTernary + " " + boxed + " " + dt + " " + ct);
        int[] arr = {0, 0, 0};
        int idx = 0;
        arr[idx++] = idx++;
        arr[idx] += idx++ * 10;
        System.out.println(arr[0] + " " + arr[1] + " " + arr[2] + " " + idx);
        int q = 3;
        q = q++ + q++ * --q;
        System.out.println(q);
    }
}
