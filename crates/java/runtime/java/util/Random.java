package java.util;

/** Java's linear congruential generator, bit for bit, so seeded sequences match. */
public class Random {
    private static long seedUniquifier = 8682522807148012L;
    private long seed;
    private double nextNextGaussian;
    private boolean haveNextNextGaussian;

    public Random() {
        this(++seedUniquifier + System.nanoTime());
    }

    public Random(long seed) {
        setSeed(seed);
    }

    public void setSeed(long seed) {
        this.seed = (seed ^ 0x5DEECE66DL) & ((1L << 48) - 1);
        haveNextNextGaussian = false;
    }

    protected int next(int bits) {
        seed = (seed * 0x5DEECE66DL + 0xBL) & ((1L << 48) - 1);
        return (int) (seed >>> (48 - bits));
    }

    public int nextInt() {
        return next(32);
    }

    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        int r = next(31);
        int m = bound - 1;
        if ((bound & m) == 0) {
            return (int) ((bound * (long) r) >> 31);
        }
        for (int u = r; u - (r = u % bound) + m < 0; u = next(31)) {
        }
        return r;
    }

    /**
     * JDK 17's bounded draws (RandomGenerator's defaults) take whole nextInt()/nextLong() values,
     * unlike nextInt(bound): a power-of-two range keeps the low bits, another range takes the top
     * 31 (63) bits modulo the range and draws again when the value falls in the incomplete last
     * stretch, and a range wider than the type draws until the value lies in it.
     */
    public int nextInt(int origin, int bound) {
        if (origin >= bound) {
            throw new IllegalArgumentException("bound must be greater than origin");
        }
        int r = nextInt();
        int n = bound - origin;
        if (n > 0) {
            int m = n - 1;
            if ((n & m) == 0) {
                return origin + (r & m);
            }
            int u = r >>> 1;
            while (u - (r = u % n) > Integer.MAX_VALUE - m) {
                u = nextInt() >>> 1;
            }
            return origin + r;
        }
        while (r < origin || r >= bound) {
            r = nextInt();
        }
        return r;
    }

    public long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        return bounded(nextLong(), 0, bound);
    }

    public long nextLong(long origin, long bound) {
        if (origin >= bound) {
            throw new IllegalArgumentException("bound must be greater than origin");
        }
        return bounded(nextLong(), origin, bound);
    }

    private long bounded(long r, long origin, long bound) {
        long n = bound - origin;
        if (n > 0) {
            long m = n - 1;
            if ((n & m) == 0) {
                return origin + (r & m);
            }
            long u = r >>> 1;
            while (u - (r = u % n) > Long.MAX_VALUE - m) {
                u = nextLong() >>> 1;
            }
            return origin + r;
        }
        while (r < origin || r >= bound) {
            r = nextLong();
        }
        return r;
    }

    public double nextDouble(double bound) {
        return nextDouble(0.0, bound);
    }

    public double nextDouble(double origin, double bound) {
        if (!(origin < bound && bound - origin < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("bound must be greater than origin");
        }
        double r = nextDouble() * (bound - origin) + origin;
        // Rounding can reach the bound, which is excluded.
        return r < bound ? r : Math.nextDown(bound);
    }

    public void nextBytes(byte[] bytes) {
        for (int i = 0; i < bytes.length; ) {
            for (int r = nextInt(), n = Math.min(bytes.length - i, 4); n-- > 0; r >>= 8) {
                bytes[i++] = (byte) r;
            }
        }
    }

    public long nextLong() {
        return ((long) next(32) << 32) + next(32);
    }

    public boolean nextBoolean() {
        return next(1) != 0;
    }

    public float nextFloat() {
        return next(24) / ((float) (1 << 24));
    }

    public double nextDouble() {
        return (((long) next(26) << 27) + next(27)) * 0x1.0p-53;
    }

    public double nextGaussian() {
        if (haveNextNextGaussian) {
            haveNextNextGaussian = false;
            return nextNextGaussian;
        }
        double v1, v2, s;
        do {
            v1 = 2 * nextDouble() - 1;
            v2 = 2 * nextDouble() - 1;
            s = v1 * v1 + v2 * v2;
        } while (s >= 1 || s == 0);
        // The JDK uses StrictMath (fdlibm); our log can differ from it in the last bit.
        double multiplier = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        nextNextGaussian = v2 * multiplier;
        haveNextNextGaussian = true;
        return v1 * multiplier;
    }
}
