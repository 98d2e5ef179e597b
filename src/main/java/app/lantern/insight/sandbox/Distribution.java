package app.lantern.insight.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * The outcome of a simulation for one rep or a team: its P10, P50 and P90 in yuan and the chance of reaching the
 * target (the share of trials at or above it; 1 without a target).
 */
public record Distribution(BigDecimal p10, BigDecimal p50, BigDecimal p90, double probability) {

    static Distribution of(double[] totals, BigDecimal target) {
        double[] sorted = totals.clone();
        Arrays.sort(sorted);
        return new Distribution(
                yuan(quantile(sorted, 0.1)),
                yuan(quantile(sorted, 0.5)),
                yuan(quantile(sorted, 0.9)),
                probability(sorted, target.doubleValue()));
    }

    /** The nearest-rank quantile of sorted values. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** The share of sorted values at or above {@code target}, rounded to 0.1 %. */
    static double probability(double[] sorted, double target) {
        if (sorted.length == 0 || target <= 0) {
            return 1;
        }
        int below = lowerBound(sorted, target - 0.005);
        return Math.round((double) (sorted.length - below) / sorted.length * 1000) / 1000.0;
    }

    private static int lowerBound(double[] sorted, double value) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static BigDecimal yuan(double value) {
        return BigDecimal.valueOf(value).setScale(0, RoundingMode.HALF_UP).setScale(2);
    }
}
