public class ControlFlow2 {
    static String fallthrough(int n) {
        StringBuilder b = new StringBuilder();
        switch (n) {
            case 0:
                b.append("zero ");
            case 1:
                b.append("one ");
            case 2:
                b.append("two ");
                break;
            case 3: {
                b.append("three ");
            }
            case 4:
                b.append("four ");
                return b.append("(returned)").toString();
            case 100:
                b.append("hundred ");
                break;
            default:
                b.append("default ");
            case -1:
                b.append("minus-one ");
        }
        return b.toString().trim();
    }

    static int arrowYield(int n) {
        return switch (n % 5) {
            case 0 -> 0;
            case 1, 2 -> n * 10;
            case 3 -> {
                int acc = 0;
                for (int i = 0; i <= n; i++) acc += i;
                yield acc;
            }
            default -> {
                if (n < 0) yield -1;
                yield switch (n) {
                    case 4 -> 44;
                    case 9 -> 99;
                    default -> n;
                };
            }
        };
    }

    static long sparse(long key) {
        switch ((int) key) {
            case Integer.MIN_VALUE: return 1;
            case -5: return 2;
            case 1 << 20: return 3;
            case Integer.MAX_VALUE: return 4;
            default: return 0;
        }
    }

    public static void main(String[] args) {
        for (int n : new int[] {0, 1, 2, 3, 4, 5, 100, -1, 77}) System.out.println(n + ": " + fallthrough(n));
        StringBuilder ys = new StringBuilder();
        for (int n = -3; n < 15; n++) ys.append(arrowYield(n)).append(' ');
        System.out.println(ys);
        System.out.println(sparse(Integer.MIN_VALUE) + " " + sparse(-5) + " " + sparse(1 << 20) + " " + sparse(Integer.MAX_VALUE) + " " + sparse(6));
        StringBuilder out = new StringBuilder();
        outer:
        for (int i = 0; i < 6; i++) {
            inner:
            for (int j = 0; j < 6; j++) {
                if (j > i) continue outer;
                if ((i + j) % 4 == 3) continue inner;
                if (i * j == 12) break outer;
                out.append(i).append(j).append(' ');
            }
        }
        System.out.println(out);
        int found = -1;
        search:
        {
            for (int i = 2; i < 100; i++) {
                if (i * i > 300 && i % 7 == 0) {
                    found = i;
                    break search;
                }
            }
            found = -999;
        }
        System.out.println("found " + found);
        int k = 0;
        block:
        {
            k++;
            if (k > 0) break block;
            k = 100;
        }
        System.out.println("k " + k);
        int count = 0;
        do {
            count++;
        } while (count < 0);
        int x = 100;
        do {
            x -= 17;
            if (x % 2 == 0) continue;
            x--;
        } while (x > 0);
        System.out.println("do-while " + count + " " + x);
        int w = 0;
        while (true) {
            if (++w >= 5) break;
        }
        System.out.println("while-true " + w);
        StringBuilder multi = new StringBuilder();
        for (int i = 0, j = 10; i < j; i += 2, j--) multi.append(i).append(':').append(j).append(' ');
        System.out.println(multi);
        int total = 0;
        int[][] grid = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
        rows:
        for (int[] row : grid) {
            for (int v : row) {
                if (v == 5) continue rows;
                if (v == 8) break rows;
                total += v;
            }
        }
        System.out.println("grid total " + total);
        int loops = 0;
        for (;;) {
            loops++;
            switch (loops) {
                case 1:
                    continue;
                case 2:
                    break;
                default:
                    loops += 10;
            }
            if (loops > 10) break;
        }
        System.out.println("loops " + loops);
        String s = "";
        for (char ch = 'a'; ch < 'f'; ch++) {
            s += switch (ch) {
                case 'a', 'e' -> "V";
                default -> {
                    char up = (char) (ch - 32);
                    yield String.valueOf(up);
                }
            };
        }
        System.out.println(s);
        long acc = 1;
        int iter = 0;
        while (acc < 1_000_000_000_000L) {
            acc *= 3;
            iter++;
        }
        System.out.println(acc + " after " + iter);
    }
}
