/** Number theory the ordinary way: gcd, modular powers, primes, Collatz, digit sums, factorials. */
public class ProgNumbers {
    static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return Math.abs(a);
    }

    static long powMod(long base, long exp, long mod) {
        long result = 1;
        base %= mod;
        while (exp > 0) {
            if ((exp & 1) == 1) result = result * base % mod;
            base = base * base % mod;
            exp >>= 1;
        }
        return result;
    }

    static boolean isPrime(long n) {
        if (n < 2) return false;
        for (long d = 2; d * d <= n; d++) if (n % d == 0) return false;
        return true;
    }

    static int collatz(long n) {
        int steps = 0;
        while (n != 1) {
            n = (n % 2 == 0) ? n / 2 : 3 * n + 1;
            steps++;
        }
        return steps;
    }

    public static void main(String[] args) {
        System.out.println(gcd(1071, 462) + " " + gcd(-48, 18) + " " + gcd(0, 7));
        System.out.println(powMod(2, 1_000_000, 1_000_000_007L) + " " + powMod(7, 123456789, 998244353));
        int count = 0;
        long sum = 0;
        for (long n = 1_000_000_000L; count < 10; n++) {
            if (isPrime(n)) {
                count++;
                sum += n;
            }
        }
        System.out.println("10 primes from 1e9 sum to " + sum);
        int best = 0;
        long arg = 0;
        for (long n = 1; n < 100_000; n++) {
            int s = collatz(n);
            if (s > best) {
                best = s;
                arg = n;
            }
        }
        System.out.println("longest Collatz below 100000: " + arg + " with " + best + " steps");
        long fact = 1;
        for (int i = 1; i <= 25; i++) {
            fact *= i;
            if (i % 5 == 0) System.out.println(i + "! = " + fact + " (overflowed: " + (i > 20) + ")");
        }
        int digits = 0;
        for (int n = 0; n <= 99999; n++) {
            for (int m = n; m > 0; m /= 10) digits += m % 10;
        }
        System.out.println("digit sum 0..99999 = " + digits);
        System.out.println(Long.MAX_VALUE / 3 + " " + Long.MIN_VALUE % 7 + " " + (Long.MAX_VALUE + 1) + " " + Integer.toBinaryString(-8 >>> 28));
        System.out.println(Math.floorMod(-7, 3) + " " + (-7 % 3) + " " + Math.floorDiv(-7, 3) + " " + (-7 / 3));
    }
}
