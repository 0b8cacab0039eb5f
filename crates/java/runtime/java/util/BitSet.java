package java.util;

/** Bits in 64-bit words, growing as bits past the end are set. */
public class BitSet implements Cloneable, java.io.Serializable {
    private long[] words;
    /** Words up to the highest one in use (the rest are zero). */
    private int used;

    public BitSet() {
        words = new long[1];
    }

    public BitSet(int nbits) {
        if (nbits < 0) throw new NegativeArraySizeException("nbits < 0: " + nbits);
        words = new long[nbits == 0 ? 0 : (nbits - 1) / 64 + 1];
    }

    public static BitSet valueOf(long[] longs) {
        BitSet b = new BitSet(0);
        b.words = Arrays.copyOf(longs, longs.length);
        b.recount();
        return b;
    }

    public long[] toLongArray() {
        return Arrays.copyOf(words, used);
    }

    private void recount() {
        int n = words.length;
        while (n > 0 && words[n - 1] == 0) n--;
        used = n;
    }

    /** Room for word index w: doubles, or to w + 1 if that is more. */
    private void room(int w) {
        if (w >= words.length) {
            words = Arrays.copyOf(words, Math.max(2 * words.length, w + 1));
        }
        if (w >= used) used = w + 1;
    }

    private static void check(int i) {
        if (i < 0) throw new IndexOutOfBoundsException("bitIndex < 0: " + i);
    }

    private static void checkRange(int from, int to) {
        if (from < 0) throw new IndexOutOfBoundsException("fromIndex < 0: " + from);
        if (to < 0) throw new IndexOutOfBoundsException("toIndex < 0: " + to);
        if (from > to) throw new IndexOutOfBoundsException("fromIndex: " + from + " > toIndex: " + to);
    }

    public boolean get(int i) {
        check(i);
        int w = i >> 6;
        return w < used && (words[w] & (1L << i)) != 0;
    }

    public BitSet get(int from, int to) {
        checkRange(from, to);
        BitSet b = new BitSet();
        for (int i = nextSetBit(from); i >= 0 && i < to; i = nextSetBit(i + 1)) b.set(i - from);
        return b;
    }

    public void set(int i) {
        check(i);
        room(i >> 6);
        words[i >> 6] |= 1L << i;
    }

    public void set(int i, boolean value) {
        if (value) set(i); else clear(i);
    }

    public void set(int from, int to) {
        checkRange(from, to);
        for (int i = from; i < to; i++) set(i);
    }

    public void set(int from, int to, boolean value) {
        if (value) set(from, to); else clear(from, to);
    }

    public void clear(int i) {
        check(i);
        int w = i >> 6;
        if (w < used) {
            words[w] &= ~(1L << i);
            recount();
        }
    }

    public void clear(int from, int to) {
        checkRange(from, to);
        for (int i = from; i < to && (i >> 6) < used; i++) words[i >> 6] &= ~(1L << i);
        recount();
    }

    public void clear() {
        for (int i = 0; i < used; i++) words[i] = 0;
        used = 0;
    }

    public void flip(int i) {
        if (get(i)) clear(i); else set(i);
    }

    public void flip(int from, int to) {
        checkRange(from, to);
        for (int i = from; i < to; i++) flip(i);
    }

    public int cardinality() {
        int n = 0;
        for (int i = 0; i < used; i++) n += Long.bitCount(words[i]);
        return n;
    }

    /** One past the highest set bit. */
    public int length() {
        return used == 0 ? 0 : 64 * (used - 1) + (64 - Long.numberOfLeadingZeros(words[used - 1]));
    }

    public int size() {
        return words.length * 64;
    }

    public boolean isEmpty() {
        return used == 0;
    }

    public int nextSetBit(int from) {
        if (from < 0) throw new IndexOutOfBoundsException("fromIndex < 0: " + from);
        int w = from >> 6;
        if (w >= used) return -1;
        long word = words[w] & (-1L << from);
        while (true) {
            if (word != 0) return w * 64 + Long.numberOfTrailingZeros(word);
            if (++w == used) return -1;
            word = words[w];
        }
    }

    public int nextClearBit(int from) {
        if (from < 0) throw new IndexOutOfBoundsException("fromIndex < 0: " + from);
        int i = from;
        while (get(i)) i++;
        return i;
    }

    public int previousSetBit(int from) {
        if (from < -1) throw new IndexOutOfBoundsException("fromIndex < -1: " + from);
        for (int i = from; i >= 0; i--) if (get(i)) return i;
        return -1;
    }

    public int previousClearBit(int from) {
        if (from < -1) throw new IndexOutOfBoundsException("fromIndex < -1: " + from);
        for (int i = from; i >= 0; i--) if (!get(i)) return i;
        return -1;
    }

    public boolean intersects(BitSet o) {
        for (int i = Math.min(used, o.used) - 1; i >= 0; i--) if ((words[i] & o.words[i]) != 0) return true;
        return false;
    }

    public void and(BitSet o) {
        for (int i = 0; i < used; i++) words[i] &= i < o.used ? o.words[i] : 0;
        recount();
    }

    public void or(BitSet o) {
        if (o.used > 0) room(o.used - 1);
        for (int i = 0; i < o.used; i++) words[i] |= o.words[i];
        recount();
    }

    public void xor(BitSet o) {
        if (o.used > 0) room(o.used - 1);
        for (int i = 0; i < o.used; i++) words[i] ^= o.words[i];
        recount();
    }

    public void andNot(BitSet o) {
        for (int i = Math.min(used, o.used) - 1; i >= 0; i--) words[i] &= ~o.words[i];
        recount();
    }

    public boolean equals(Object o) {
        if (!(o instanceof BitSet)) return false;
        BitSet b = (BitSet) o;
        if (b.used != used) return false;
        for (int i = 0; i < used; i++) if (words[i] != b.words[i]) return false;
        return true;
    }

    /** As the JDK documents it: 1234 xor each word times its index plus one, folded to 32 bits. */
    public int hashCode() {
        long h = 1234;
        for (int i = used; --i >= 0; ) h ^= words[i] * (i + 1);
        return (int) ((h >> 32) ^ h);
    }

    public Object clone() {
        BitSet b = new BitSet(0);
        b.words = Arrays.copyOf(words, words.length);
        b.used = used;
        return b;
    }

    public String toString() {
        StringBuilder b = new StringBuilder("{");
        for (int i = nextSetBit(0); i >= 0; i = nextSetBit(i + 1)) {
            if (b.length() > 1) b.append(", ");
            b.append(i);
        }
        return b.append('}').toString();
    }
}
