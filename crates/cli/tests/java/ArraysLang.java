import java.util.Arrays;

public class ArraysLang {
    static class Animal {
        public String toString() {
            return "animal";
        }
    }

    static class Cat extends Animal {
        public String toString() {
            return "cat";
        }
    }

    public static void main(String[] args) {
        boolean[] z = new boolean[2];
        byte[] b = new byte[2];
        short[] s = new short[2];
        char[] c = new char[2];
        int[] i = new int[2];
        long[] l = new long[2];
        float[] f = new float[2];
        double[] d = new double[2];
        Object[] o = new Object[2];
        System.out.println(z[1] + " " + b[1] + " " + s[1] + " " + (int) c[1] + " " + i[1] + " " + l[1] + " " + f[1] + " " + d[1] + " " + o[1]);
        z[0] = true;
        b[0] = (byte) 255;
        s[0] = (short) 65535;
        c[0] = 'Z';
        i[0] = -7;
        l[0] = 1L << 50;
        f[0] = 0.1f;
        d[0] = 1e-10;
        o[0] = "str";
        System.out.println(Arrays.toString(z) + b[0] + "," + b[1] + " " + s[0] + "," + s[1] + " " + c[0] + "," + (int) c[1] + Arrays.toString(i));
        System.out.println(Arrays.toString(l) + f[0] + "," + f[1] + Arrays.toString(d) + Arrays.toString(o));
        b[1] = b[0];
        b[1] += 200;
        s[1]--;
        c[1] = c[0];
        c[1]++;
        i[1] = i[0]++ * 2;
        l[1] = l[0] >>> 3;
        System.out.println(b[1] + " " + s[1] + " " + c[1] + " " + i[0] + " " + i[1] + " " + l[1]);
        int[][] grid = new int[3][4];
        for (int r = 0; r < 3; r++) for (int k = 0; k < 4; k++) grid[r][k] = r * 10 + k;
        System.out.println(Arrays.deepToString(grid) + " " + grid.length + " " + grid[0].length);
        long[][][] cube = new long[2][3][4];
        cube[1][2][3] = 99;
        System.out.println(cube[1][2][3] + " " + cube[0][0][0] + " " + cube.length + cube[0].length + cube[0][0].length);
        double[][] partial = new double[3][];
        System.out.println(partial[0] == null);
        for (int r = 0; r < partial.length; r++) {
            partial[r] = new double[r + 1];
            Arrays.fill(partial[r], r + 0.5);
        }
        System.out.println(Arrays.deepToString(partial));
        char[][] jag = {{'a'}, {}, {'b', 'c'}};
        System.out.println(jag[0].length + " " + jag[1].length + " " + jag[2][1] + " " + new String(jag[2]));
        int[][] shallow = grid.clone();
        shallow[0][0] = -1;
        shallow[1] = new int[] {5};
        System.out.println(grid[0][0] + " " + grid[1].length + " " + shallow[1].length + " " + (shallow[2] == grid[2]));
        int[] deep = grid[2].clone();
        deep[0] = 1000;
        System.out.println(grid[2][0] + " " + deep[0] + " " + Arrays.equals(grid[2], deep) + " " + (grid[2] == shallow[2]));
        Animal[] animals = new Cat[2];
        animals[0] = new Cat();
        System.out.println(animals[0] + " " + animals[1]);
        Object[] objs = animals;
        try {
            objs[1] = new Animal();
            System.out.println("stored animal?!");
        } catch (ArrayStoreException e) {
            System.out.println("ASE " + e.getMessage());
        }
        try {
            objs[1] = "text";
        } catch (ArrayStoreException e) {
            System.out.println("ASE " + e);
        }
        objs[1] = null;
        Object[] strs = new String[1];
        try {
            strs[0] = Integer.valueOf(1);
        } catch (ArrayStoreException e) {
            System.out.println("ASE " + e.getMessage());
        }
        System.out.println((objs instanceof Cat[]) + " " + (objs instanceof Animal[]) + " " + (strs instanceof String[]) + " " + (strs instanceof Integer[]));
        Object arr = new int[0];
        System.out.println((arr instanceof int[]) + " " + (arr instanceof Object[]) + " " + (grid instanceof Object[]));
        System.out.println(new int[0].getClass().getName() + " " + new double[1][1].getClass().getName() + " " + animals.getClass().getName() + " " + new String[0][0].getClass().getName());
        System.out.println(new boolean[0].getClass().getName() + new byte[0].getClass().getName() + new char[0].getClass().getName() + new short[0].getClass().getName() + new long[0].getClass().getName() + new float[0].getClass().getName());
        try {
            int[] neg = new int[args.length - 5];
            System.out.println(neg.length);
        } catch (NegativeArraySizeException e) {
            System.out.println("NASE " + e.getMessage());
        }
        int[] empty = {};
        System.out.println(empty.length + " " + Arrays.toString(empty) + " " + new Object[0].length);
    }
}
