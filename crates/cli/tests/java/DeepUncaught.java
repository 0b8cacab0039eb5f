public class DeepUncaught {
    static class ValidationException extends RuntimeException {
        final int depth;

        ValidationException(String message, int depth, Throwable cause) {
            super(message, cause);
            this.depth = depth;
        }
    }

    static class RootCause extends Exception {
        RootCause(String m) {
            super(m);
        }
    }

    static int depth(int n) {
        return n == 0 ? 0 : 1 + depth(n - 1);
    }

    static long sumTo(long n) {
        if (n == 0) return 0;
        return n + sumTo(n - 1);
    }

    static boolean isEven(int n) {
        return n == 0 || isOdd(n - 1);
    }

    static boolean isOdd(int n) {
        return n != 0 && isEven(n - 1);
    }

    static String build(int n, StringBuilder acc) {
        if (n == 0) return acc.toString();
        if (n % 1000 == 0) acc.append(n / 1000);
        return build(n - 1, acc);
    }

    static int ackermann(int m, int n) {
        if (m == 0) return n + 1;
        if (n == 0) return ackermann(m - 1, 1);
        return ackermann(m - 1, ackermann(m, n - 1));
    }

    static int throwAtBottom(int n) throws RootCause {
        if (n == 0) throw new RootCause("bottom reached");
        try {
            return throwAtBottom(n - 1) + 1;
        } finally {
            unwound++;
        }
    }

    static int unwound;

    static void fail(int n) {
        if (n > 0) {
            fail(n - 1);
            return;
        }
        try {
            throwAtBottom(50);
        } catch (RootCause e) {
            ValidationException v = new ValidationException("validation failed after unwinding " + unwound, n, e);
            throw v;
        }
    }

    public static void main(String[] args) {
        System.out.println("depth " + depth(6000));
        System.out.println("sum " + sumTo(5000));
        System.out.println("even " + isEven(2999) + " " + isEven(3000));
        System.out.println("build " + build(4000, new StringBuilder()));
        System.out.println("ackermann " + ackermann(2, 300) + " " + ackermann(3, 5));
        try {
            throwAtBottom(3000);
        } catch (RootCause e) {
            System.out.println("caught " + e.getMessage() + " unwound " + unwound);
        }
        unwound = 0;
        int[] memo = new int[3001];
        System.out.println("memo " + memoFib(3000, memo));
        System.out.println("about to fail");
        System.err.println("stderr line before the failure");
        fail(2000);
    }

    static int memoFib(int n, int[] memo) {
        if (n < 2) return n;
        if (memo[n] != 0) return memo[n];
        return memo[n] = (memoFib(n - 1, memo) + memoFib(n - 2, memo)) % 1000007;
    }
}
