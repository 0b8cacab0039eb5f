package java.util.stream;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** Where the collections and arrays of java.util start their streams (public here so that
 * they can; the JDK's own `Streams` is package-private, so no program names it). */
public final class Streams {
    private Streams() {}

    public static <T> Stream<T> of(Iterator<T> elements) {
        return new Pipeline<>(elements);
    }

    public static IntStream ofInts(int[] a, int from, int to) {
        return new IntPipeline(new Iterator<Integer>() {
            private int next = from;

            public boolean hasNext() {
                return next < to;
            }

            public Integer next() {
                if (next >= to) throw new NoSuchElementException();
                return a[next++];
            }
        });
    }

    public static LongStream ofLongs(long[] a, int from, int to) {
        return new LongPipeline(new Iterator<Long>() {
            private int next = from;

            public boolean hasNext() {
                return next < to;
            }

            public Long next() {
                if (next >= to) throw new NoSuchElementException();
                return a[next++];
            }
        });
    }

    public static DoubleStream ofDoubles(double[] a, int from, int to) {
        return new DoublePipeline(new Iterator<Double>() {
            private int next = from;

            public boolean hasNext() {
                return next < to;
            }

            public Double next() {
                if (next >= to) throw new NoSuchElementException();
                return a[next++];
            }
        });
    }
}
