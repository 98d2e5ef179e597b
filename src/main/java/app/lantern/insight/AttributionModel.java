package app.lantern.insight;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The funnel identity behind a month's signed amount, and its exact decomposition (see ADR 0010):
 *
 * <pre>signed = leads × Π stage conversion × deal size × in-period closing share + unexplained</pre>
 *
 * The plan takes the team's conversions, deal size and closing share of the same month and the leads that would have
 * reached the target with them; the actual takes the rep's. Stages without an ended entry keep the plan (no evidence
 * either way), so a month with no leads still decomposes. Every factor's part is its Shapley value.
 */
final class AttributionModel {

    /** The team's (or organisation's) rates the plan is built from; a missing stage has no norm. */
    record Norms(Map<Integer, Double> conversion, double dealSize, double closingShare) {}

    /** One part of a gap: which factor moved, by how much, and what it is worth in fen. */
    record Part(Cause cause, String key, Integer position, SlipReason reason, long fen, double plan, double actual) {}

    private AttributionModel() {}

    /** Rates of a group of reps added up; {@code fallback} fills what the group has no evidence for. */
    static Norms norms(Collection<RepFacts> group, Norms fallback) {
        Map<Integer, int[]> outcomes = new TreeMap<>();
        BigDecimal signed = BigDecimal.ZERO;
        int won = 0;
        int slipped = 0;
        for (RepFacts r : group) {
            r.outcomes().forEach((p, o) -> {
                int[] sum = outcomes.computeIfAbsent(p, k -> new int[2]);
                sum[0] += o[0];
                sum[1] += o[1];
            });
            signed = signed.add(r.actual());
            won += r.won();
            slipped += r.slippedDeals();
        }
        Map<Integer, Double> conversion = new TreeMap<>(fallback == null ? Map.of() : fallback.conversion());
        outcomes.forEach((p, o) -> {
            if (o[0] + o[1] > 0) {
                conversion.put(p, (double) o[0] / (o[0] + o[1]));
            }
        });
        double dealSize = won > 0 ? signed.doubleValue() / won : fallback == null ? 0 : fallback.dealSize();
        double share =
                won + slipped > 0 ? (double) won / (won + slipped) : fallback == null ? 1 : fallback.closingShare();
        return new Norms(conversion, dealSize, share);
    }

    static List<Part> decompose(RepFacts rep, Norms norms) {
        List<Shapley.Factor> factors = new ArrayList<>();
        List<Part> parts = new ArrayList<>();
        double planProduct = 1;
        double actualProduct = 1;
        for (var e : norms.conversion().entrySet()) {
            int p = e.getKey();
            double plan = e.getValue();
            int ended = rep.advanced(p) + rep.lost(p);
            double actual = ended > 0 ? (double) rep.advanced(p) / ended : plan;
            factors.add(new Shapley.Factor(plan, actual, false));
            parts.add(new Part(Cause.CAPABILITY, "STAGE:" + p, p, null, 0, plan, actual));
            planProduct *= plan;
            actualProduct *= actual;
        }
        double dealPlan = norms.dealSize();
        double dealActual = rep.won() > 0 ? rep.actual().doubleValue() / rep.won() : dealPlan;
        double sharePlan = norms.closingShare();
        int due = rep.won() + rep.slippedDeals();
        double shareActual = due > 0 ? (double) rep.won() / due : sharePlan;
        double perLead = planProduct * dealPlan * sharePlan;
        double target = rep.target().doubleValue();
        double leadsPlan = perLead > 0 ? target / perLead : 0;
        double leadsActual = rep.created();
        factors.addFirst(new Shapley.Factor(leadsPlan, leadsActual, false));
        parts.addFirst(new Part(Cause.LEAD_SHORTAGE, "LEADS", null, null, 0, leadsPlan, leadsActual));
        factors.add(new Shapley.Factor(dealPlan, dealActual, false));
        parts.add(new Part(Cause.OTHER, "DEAL_SIZE", null, null, 0, dealPlan, dealActual));
        factors.add(new Shapley.Factor(sharePlan, shareActual, false));
        parts.add(new Part(Cause.PROCESS, "PROCESS", null, null, 0, sharePlan, shareActual));
        double residualPlan = target - leadsPlan * planProduct * dealPlan * sharePlan;
        double residualActual = rep.actual().doubleValue() - leadsActual * actualProduct * dealActual * shareActual;
        factors.add(new Shapley.Factor(residualPlan, residualActual, true));
        parts.add(new Part(Cause.OTHER, "UNEXPLAINED", null, null, 0, residualPlan, residualActual));

        long gapFen = toFen(rep.actual()) - toFen(rep.target());
        long[] fen = Shapley.fen(factors, gapFen);
        List<Part> result = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            if (p.cause() == Cause.PROCESS) {
                result.addAll(splitByReason(p, fen[i], rep));
            } else {
                result.add(new Part(p.cause(), p.key(), p.position(), null, fen[i], p.plan(), p.actual()));
            }
        }
        return result;
    }

    /** The process part shared among the reasons by the value each let slip (all to approvals when none slipped). */
    private static List<Part> splitByReason(Part process, long fen, RepFacts rep) {
        List<SlipReason> reasons = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (SlipReason r : SlipReason.values()) {
            RepFacts.Slip s = rep.slipped().get(r);
            if (s != null && s.deals() > 0) {
                reasons.add(r);
                values.add(s.value().doubleValue() + 1e-9);
            }
        }
        if (reasons.isEmpty()) {
            return List.of(new Part(
                    Cause.PROCESS,
                    "PROCESS:" + SlipReason.APPROVAL,
                    null,
                    SlipReason.APPROVAL,
                    fen,
                    process.plan(),
                    process.actual()));
        }
        double total = values.stream().mapToDouble(Double::doubleValue).sum();
        double[] yuan = new double[reasons.size()];
        for (int i = 0; i < yuan.length; i++) {
            yuan[i] = fen / 100.0 * values.get(i) / total;
        }
        long[] split = Shapley.roundToTotal(yuan, fen);
        List<Part> result = new ArrayList<>();
        for (int i = 0; i < reasons.size(); i++) {
            result.add(new Part(
                    Cause.PROCESS,
                    "PROCESS:" + reasons.get(i),
                    null,
                    reasons.get(i),
                    split[i],
                    process.plan(),
                    process.actual()));
        }
        return result;
    }

    static long toFen(BigDecimal yuan) {
        return yuan.movePointRight(2)
                .setScale(0, java.math.RoundingMode.HALF_UP)
                .longValueExact();
    }
}
