package app.lantern.insight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Exact Shapley values of a funnel identity {@code value = Π multiplicative factors + Σ additive factors}, moving every
 * factor from its plan to its actual value: each factor's part is its marginal effect averaged over every order in which
 * the factors could move, so the parts do not depend on an order and add up to {@code value(actual) - value(plan)}.
 * Parts are then rounded to the fen so that they add up to the given total exactly (largest remainder, ties to the
 * earlier factor).
 */
final class Shapley {

    /** A factor of the identity: {@code additive} factors are added, the others multiplied. */
    record Factor(double plan, double actual, boolean additive) {}

    /** At most this many factors (2^n coalitions are evaluated). */
    static final int MAX_FACTORS = 20;

    private Shapley() {}

    /** The parts in yuan (unrounded), in the order of {@code factors}. */
    static double[] values(List<Factor> factors) {
        int n = factors.size();
        if (n > MAX_FACTORS) {
            throw new IllegalArgumentException("too many factors: " + n);
        }
        int size = 1 << n;
        double[] v = new double[size];
        for (int mask = 0; mask < size; mask++) {
            double product = 1;
            double sum = 0;
            boolean anyMultiplicative = false;
            for (int i = 0; i < n; i++) {
                Factor f = factors.get(i);
                double x = (mask & (1 << i)) != 0 ? f.actual() : f.plan();
                if (f.additive()) {
                    sum += x;
                } else {
                    product *= x;
                    anyMultiplicative = true;
                }
            }
            v[mask] = (anyMultiplicative ? product : 0) + sum;
        }
        // weight of a coalition of size s not containing i: s! (n-s-1)! / n!
        double[] weight = new double[Math.max(n, 1)];
        for (int s = 0; s < n; s++) {
            weight[s] = 1.0 / (n * binomial(n - 1, s));
        }
        double[] phi = new double[n];
        for (int mask = 0; mask < size; mask++) {
            int s = Integer.bitCount(mask);
            for (int i = 0; i < n; i++) {
                int bit = 1 << i;
                if ((mask & bit) == 0) {
                    phi[i] += weight[s] * (v[mask | bit] - v[mask]);
                }
            }
        }
        return phi;
    }

    /** {@link #values} rounded to fen so that they add up to {@code totalFen} exactly. */
    static long[] fen(List<Factor> factors, long totalFen) {
        return roundToTotal(values(factors), totalFen);
    }

    /** Rounds yuan amounts to fen keeping their sum at {@code totalFen}: largest remainders first, ties to the earlier. */
    static long[] roundToTotal(double[] yuan, long totalFen) {
        int n = yuan.length;
        long[] fen = new long[n];
        if (n == 0) {
            return fen;
        }
        double[] fraction = new double[n];
        long sum = 0;
        for (int i = 0; i < n; i++) {
            double cents = yuan[i] * 100;
            fen[i] = (long) Math.floor(cents);
            fraction[i] = cents - fen[i];
            sum += fen[i];
        }
        long remainder = totalFen - sum;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        if (remainder > 0) {
            order.sort(Comparator.comparingDouble((Integer i) -> -fraction[i]).thenComparing(i -> i));
        } else {
            order.sort(Comparator.comparingDouble((Integer i) -> fraction[i]).thenComparing(i -> i));
        }
        for (int k = 0; remainder != 0; k = (k + 1) % n) {
            int i = order.get(k);
            fen[i] += Long.signum(remainder);
            remainder -= Long.signum(remainder);
        }
        return fen;
    }

    private static double binomial(int n, int k) {
        double r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }
}
