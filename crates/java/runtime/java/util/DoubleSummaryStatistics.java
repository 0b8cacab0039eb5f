package java.util;

import java.util.function.DoubleConsumer;

/** Count, sum, least, greatest and mean of doubles seen; the sum compensated for rounding as
 * the JDK does (Kahan's summation), so that results agree to the last bit. */
public class DoubleSummaryStatistics implements DoubleConsumer {
    private long count;
    private double sum;
    private double sumCompensation;
    private double simpleSum;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    public void accept(double value) {
        count++;
        simpleSum += value;
        sumWithCompensation(value);
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    public void combine(DoubleSummaryStatistics other) {
        count += other.count;
        simpleSum += other.simpleSum;
        sumWithCompensation(other.sum);
        sumWithCompensation(-other.sumCompensation);
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    private void sumWithCompensation(double value) {
        double tmp = value - sumCompensation;
        double velvel = sum + tmp;
        sumCompensation = (velvel - sum) - tmp;
        sum = velvel;
    }

    public final long getCount() { return count; }

    public final double getSum() {
        double tmp = sum - sumCompensation;
        if (Double.isNaN(tmp) && Double.isInfinite(simpleSum)) return simpleSum;
        return tmp;
    }

    public final double getMin() { return min; }
    public final double getMax() { return max; }
    public final double getAverage() { return count > 0 ? getSum() / getCount() : 0.0; }

    public String toString() {
        return "DoubleSummaryStatistics{count=" + count + ", sum=" + String.format("%f", getSum()) + ", min="
                + String.format("%f", min) + ", average=" + String.format("%f", getAverage()) + ", max="
                + String.format("%f", max) + "}";
    }
}
