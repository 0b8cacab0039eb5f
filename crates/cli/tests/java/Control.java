public class Control {
    static int collatz(long n) {
        int steps = 0;
        while (n != 1) {
            n = (n % 2 == 0) ? n / 2 : 3 * n + 1;
            steps++;
        }
        return steps;
    }

    static String grade(int score) {
        if (score >= 90) return "A";
        else if (score >= 80) return "B";
        else if (score >= 70) return "C";
        return "F";
    }

    static int days(int month) {
        switch (month) {
            case 1: case 3: case 5: case 7: case 8: case 10: case 12:
                return 31;
            case 2:
                return 28;
            default:
                return 30;
        }
    }

    static int sparse(int k) {
        switch (k) {
            case -1000: return 1;
            case 7: return 2;
            case 123456: return 3;
            default: return 0;
        }
    }

    public static void main(String[] args) {
        int best = 0, arg = 0;
        for (int i = 1; i < 10000; i++) {
            int s = collatz(i);
            if (s > best) {
                best = s;
                arg = i;
            }
        }
        System.out.println(arg + " " + best);
        System.out.println(grade(95) + grade(85) + grade(75) + grade(5));
        int total = 0;
        for (int m = 1; m <= 12; m++) total += days(m);
        System.out.println(total + " " + sparse(-1000) + sparse(7) + sparse(123456) + sparse(8));
        outer:
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                if (j == 3) continue outer;
                if (i == 3) break outer;
                System.out.print(i * 10 + j + " ");
            }
        }
        System.out.println();
        int n = 0;
        do {
            n += 3;
        } while (n < 20);
        System.out.println(n);
        boolean flag = n > 10 && n < 30 || n == 0;
        System.out.println(flag + " " + (!flag ^ true) + " " + (n > 5 ? n > 25 ? "big" : "mid" : "small"));
        int x = 5;
        String kind = switch (x) {
            case 1, 2 -> "small";
            case 5 -> {
                String t = "five";
                yield t.toUpperCase();
            }
            default -> "other";
        };
        System.out.println(kind);
        long fib1 = 0, fib2 = 1;
        for (int i = 0; i < 90; i++) {
            long t = fib1 + fib2;
            fib1 = fib2;
            fib2 = t;
        }
        System.out.println(fib1);
    }
}
