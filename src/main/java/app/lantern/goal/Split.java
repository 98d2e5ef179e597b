package app.lantern.goal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Splits an amount in proportion to weights, to the fen, so that the parts add up to the whole exactly. */
final class Split {

    private Split() {}

    static List<BigDecimal> proportional(BigDecimal total, List<BigDecimal> weights) {
        BigDecimal sum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.signum() <= 0) {
            throw new IllegalArgumentException("weights must sum to more than zero");
        }
        List<BigDecimal> parts = new ArrayList<>();
        BigDecimal allocated = BigDecimal.ZERO;
        int last = -1;
        for (int i = 0; i < weights.size(); i++) {
            if (weights.get(i).signum() > 0) {
                last = i;
            }
        }
        for (int i = 0; i < weights.size(); i++) {
            BigDecimal part = i == last
                    ? total.subtract(allocated)
                    : total.multiply(weights.get(i)).divide(sum, 2, RoundingMode.DOWN);
            parts.add(part.setScale(2, RoundingMode.HALF_UP));
            allocated = allocated.add(part);
        }
        return parts;
    }

    static List<BigDecimal> equal(BigDecimal total, int n) {
        List<BigDecimal> ones = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ones.add(BigDecimal.ONE);
        }
        return proportional(total, ones);
    }
}
