package app.lantern.insight.sandbox;

import app.lantern.shared.ValidationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a scenario's targets follow from a request: a rep given an amount gets it; when weights or a team total are
 * given, what remains of the team total after those amounts is shared by weight among the other reps (a rep without a
 * weight counts 1; with only a team total, the current targets are the weights); otherwise a rep keeps the current
 * target. Amounts are rounded to the fen and the rounding remainder goes to the last weighted rep, so the targets add up
 * to the team total exactly.
 */
final class Allocation {

    private Allocation() {}

    /**
     * @param current the reps' current targets, in display order
     * @param weightsUsed filled with the weight each weighted rep got
     */
    static Map<Long, BigDecimal> allocate(
            Map<Long, BigDecimal> current,
            Map<Long, Sandbox.RepInput> inputs,
            BigDecimal teamTarget,
            Map<Long, BigDecimal> weightsUsed) {
        boolean anyWeight = inputs.values().stream().anyMatch(in -> in.weight() != null);
        Map<Long, BigDecimal> targets = new LinkedHashMap<>();
        if (!anyWeight && teamTarget == null) {
            current.forEach((rep, amount) -> {
                Sandbox.RepInput in = inputs.get(rep);
                targets.put(rep, in != null && in.target() != null ? money(in.target()) : amount);
            });
            return targets;
        }
        BigDecimal total =
                teamTarget != null ? teamTarget : current.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal explicit = BigDecimal.ZERO;
        boolean allCurrentZero = current.values().stream().allMatch(a -> a.signum() == 0);
        for (Map.Entry<Long, BigDecimal> e : current.entrySet()) {
            Sandbox.RepInput in = inputs.get(e.getKey());
            if (in != null && in.target() != null) {
                explicit = explicit.add(money(in.target()));
            } else if (anyWeight) {
                weightsUsed.put(e.getKey(), in != null && in.weight() != null ? in.weight() : BigDecimal.ONE);
            } else {
                weightsUsed.put(e.getKey(), allCurrentZero ? BigDecimal.ONE : e.getValue());
            }
        }
        BigDecimal pool = total.subtract(explicit).max(BigDecimal.ZERO);
        BigDecimal weightSum = weightsUsed.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (pool.signum() > 0 && !weightsUsed.isEmpty() && weightSum.signum() == 0) {
            throw ValidationException.field("reps", "the weights must not all be zero");
        }
        BigDecimal shared = BigDecimal.ZERO;
        Long last = null;
        for (Map.Entry<Long, BigDecimal> e : current.entrySet()) {
            Sandbox.RepInput in = inputs.get(e.getKey());
            if (in != null && in.target() != null) {
                targets.put(e.getKey(), money(in.target()));
            } else {
                BigDecimal share = weightSum.signum() == 0
                        ? BigDecimal.ZERO
                        : pool.multiply(weightsUsed.get(e.getKey())).divide(weightSum, 2, RoundingMode.HALF_UP);
                targets.put(e.getKey(), share);
                shared = shared.add(share);
                if (weightsUsed.get(e.getKey()).signum() > 0) {
                    last = e.getKey();
                }
            }
        }
        if (last != null) {
            targets.put(last, targets.get(last).add(pool.subtract(shared)));
        }
        return targets;
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
