public class ProgMatrixLife {
    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length, m = b[0].length, k = b.length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int x = 0; x < k; x++) s += a[i][x] * b[x][j];
                c[i][j] = s;
            }
        return c;
    }

    static double checksum(double[][] m) {
        double s = 0;
        for (int i = 0; i < m.length; i++)
            for (int j = 0; j < m[i].length; j++) s += m[i][j] * (i + 1) / (j + 2);
        return s;
    }

    static boolean[][] step(boolean[][] g) {
        int rows = g.length, cols = g[0].length;
        boolean[][] next = new boolean[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int n = 0;
                for (int dr = -1; dr <= 1; dr++)
                    for (int dc = -1; dc <= 1; dc++) {
                        if (dr == 0 && dc == 0) continue;
                        int rr = (r + dr + rows) % rows, cc = (c + dc + cols) % cols;
                        if (g[rr][cc]) n++;
                    }
                next[r][c] = g[r][c] ? (n == 2 || n == 3) : n == 3;
            }
        }
        return next;
    }

    static int population(boolean[][] g) {
        int p = 0;
        for (boolean[] row : g) for (boolean b : row) if (b) p++;
        return p;
    }

    static String render(boolean[][] g) {
        StringBuilder sb = new StringBuilder();
        for (boolean[] row : g) {
            for (boolean b : row) sb.append(b ? '#' : '.');
            sb.append('\n');
        }
        return sb.toString();
    }

    public static void main(String[] args) {
        int n = 60;
        double[][] a = new double[n][n], b = new double[n][n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                a[i][j] = Math.sin(i * 0.1 + j * 0.07) + (i == j ? 2 : 0);
                b[i][j] = (i * 31 + j * 17) % 11 / 10.0 - 0.5;
            }
        double[][] c = multiply(a, b);
        System.out.println("c[0][0]=" + c[0][0] + " c[59][59]=" + c[59][59] + " c[12][34]=" + c[12][34]);
        System.out.println("checksum " + checksum(c));
        double[][] id = new double[n][n];
        for (int i = 0; i < n; i++) id[i][i] = 1;
        System.out.println("a*I == a: " + java.util.Arrays.deepEquals(multiply(a, id), a));
        double[][] rect = new double[3][5];
        double[][] rect2 = new double[5][2];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 5; j++) rect[i][j] = i - j * 0.5;
        for (int i = 0; i < 5; i++) for (int j = 0; j < 2; j++) rect2[i][j] = (i + 1) * (j + 1) * 0.25;
        double[][] r = multiply(rect, rect2);
        for (double[] row : r) System.out.println(java.util.Arrays.toString(row));
        double[][] p = a;
        for (int i = 0; i < 3; i++) p = multiply(p, a);
        System.out.printf("a^4 trace %.6f checksum %.3f%n", trace(p), checksum(p));
        boolean[][] g = new boolean[20][30];
        int[][] glider = {{0, 1}, {1, 2}, {2, 0}, {2, 1}, {2, 2}};
        for (int[] cell : glider) g[cell[0] + 1][cell[1] + 1] = true;
        int[][] rpent = {{0, 1}, {0, 2}, {1, 0}, {1, 1}, {2, 1}};
        for (int[] cell : rpent) g[cell[0] + 8][cell[1] + 14] = true;
        for (int i = 0; i < 3; i++) g[15][3 + i] = true;
        System.out.print(render(g));
        StringBuilder pops = new StringBuilder();
        for (int gen = 1; gen <= 50; gen++) {
            g = step(g);
            pops.append(population(g)).append(gen % 10 == 0 ? "\n" : " ");
        }
        System.out.print("populations:\n" + pops);
        System.out.print(render(g));
        long hash = 0;
        for (int rr = 0; rr < g.length; rr++) for (int cc = 0; cc < g[0].length; cc++) if (g[rr][cc]) hash = hash * 31 + rr * 100 + cc;
        System.out.println("final hash " + hash);
    }

    static double trace(double[][] m) {
        double t = 0;
        for (int i = 0; i < m.length; i++) t += m[i][i];
        return t;
    }
}
