import java.util.*;

public class ProgSieveQueens {
    static boolean[] sieve(int n) {
        boolean[] composite = new boolean[n + 1];
        composite[0] = composite[1] = true;
        for (int i = 2; (long) i * i <= n; i++) {
            if (!composite[i]) {
                for (int j = i * i; j <= n; j += i) composite[j] = true;
            }
        }
        return composite;
    }

    static int solutions;
    static int[] firstSolution;

    static void place(int row, int n, int[] cols, boolean[] usedCol, boolean[] diag1, boolean[] diag2) {
        if (row == n) {
            solutions++;
            if (firstSolution == null) firstSolution = cols.clone();
            return;
        }
        for (int c = 0; c < n; c++) {
            if (usedCol[c] || diag1[row + c] || diag2[row - c + n - 1]) continue;
            usedCol[c] = diag1[row + c] = diag2[row - c + n - 1] = true;
            cols[row] = c;
            place(row + 1, n, cols, usedCol, diag1, diag2);
            usedCol[c] = diag1[row + c] = diag2[row - c + n - 1] = false;
        }
    }

    static int queensBits(int n, int row, int cols, int d1, int d2) {
        if (row == n) return 1;
        int count = 0;
        int avail = ~(cols | d1 | d2) & ((1 << n) - 1);
        while (avail != 0) {
            int bit = avail & -avail;
            avail -= bit;
            count += queensBits(n, row + 1, cols | bit, (d1 | bit) << 1, (d2 | bit) >> 1);
        }
        return count;
    }

    public static void main(String[] args) {
        int limit = 100000;
        boolean[] composite = sieve(limit);
        List<Integer> primes = new ArrayList<>();
        for (int i = 2; i <= limit; i++) if (!composite[i]) primes.add(i);
        System.out.println("primes below " + limit + ": " + primes.size());
        System.out.println("first 20: " + primes.subList(0, 20));
        System.out.println("last 5: " + primes.subList(primes.size() - 5, primes.size()));
        long sum = 0;
        for (int p : primes) sum += p;
        System.out.println("sum: " + sum);
        int twins = 0, maxGap = 0, gapAt = 0;
        for (int i = 1; i < primes.size(); i++) {
            int gap = primes.get(i) - primes.get(i - 1);
            if (gap == 2) twins++;
            if (gap > maxGap) {
                maxGap = gap;
                gapAt = primes.get(i - 1);
            }
        }
        System.out.println("twin pairs: " + twins + ", max gap " + maxGap + " after " + gapAt);
        int[] decades = new int[10];
        for (int p : primes) decades[p % 10]++;
        System.out.println("last digit counts: " + Arrays.toString(decades));
        int goldbachFails = 0;
        for (int even = 4; even <= 10000; even += 2) {
            boolean found = false;
            for (int p : primes) {
                if (p > even / 2) break;
                if (!composite[even - p]) {
                    found = true;
                    break;
                }
            }
            if (!found) goldbachFails++;
        }
        System.out.println("goldbach failures up to 10000: " + goldbachFails);
        for (int n = 1; n <= 8; n++) {
            solutions = 0;
            firstSolution = null;
            place(0, n, new int[n], new boolean[n], new boolean[2 * n - 1], new boolean[2 * n - 1]);
            System.out.println(n + "-queens: " + solutions + " solutions, bitwise " + queensBits(n, 0, 0, 0, 0) + (firstSolution != null ? " first " + Arrays.toString(firstSolution) : ""));
        }
        solutions = 0;
        firstSolution = null;
        place(0, 8, new int[8], new boolean[8], new boolean[15], new boolean[15]);
        StringBuilder board = new StringBuilder();
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 8; c++) board.append(firstSolution[r] == c ? 'Q' : '.');
            board.append('\n');
        }
        System.out.print(board);
        System.out.println("10-queens bitwise: " + queensBits(10, 0, 0, 0, 0));
    }
}
