package app.lantern.pipeline;

import app.lantern.shared.Phrase;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The pure scoring rules: facts and weights in, an explained 0–100 score out. No Spring, no database. */
public final class HealthModel {

    /** Decision-chain roles that count for completeness, as bits. */
    public static final List<String> ROLE_BITS = List.of(
            DecisionRole.DECISION_MAKER.name(),
            DecisionRole.INFLUENCER.name(),
            DecisionRole.USER.name(),
            DecisionRole.SUPPORTER.name());

    /** Message keys of the rules; the values are under {@code pipeline.health.value.}. */
    private static final String WHY = "pipeline.health.why.";

    private HealthModel() {}

    public static Map<HealthFactor, Integer> defaultWeights() {
        Map<HealthFactor, Integer> w = new EnumMap<>(HealthFactor.class);
        for (HealthFactor f : HealthFactor.values()) {
            w.put(f, f.defaultWeight());
        }
        return w;
    }

    public static int roleBit(String role) {
        int i = ROLE_BITS.indexOf(role);
        return i < 0 ? 0 : 1 << i;
    }

    public static HealthReport score(HealthFacts f, Map<HealthFactor, Integer> weights, OffsetDateTime now) {
        int total = 0;
        for (HealthFactor factor : HealthFactor.values()) {
            total += Math.max(0, weights.getOrDefault(factor, factor.defaultWeight()));
        }
        List<FactorResult> results = new ArrayList<>(12);
        double sum = 0;
        LocalDate today = now.toLocalDate();
        for (HealthFactor factor : HealthFactor.values()) {
            int w = Math.max(0, weights.getOrDefault(factor, factor.defaultWeight()));
            double max = total == 0 ? 0 : 100.0 * w / total;
            Eval e = evaluate(factor, f, now, today);
            double points = max * e.ratio;
            sum += points;
            results.add(new FactorResult(factor, e.value, e.ratio, round1(points), round1(max), e.why));
        }
        return new HealthReport((int) Math.round(Math.min(100, Math.max(0, sum))), results, null);
    }

    /** Only the number, for the full recompute (no explanation strings). */
    public static int scoreOnly(HealthFacts f, int[] weightsByOrdinal, int totalWeight, OffsetDateTime now) {
        if (totalWeight <= 0) {
            return 0;
        }
        LocalDate today = now.toLocalDate();
        double sum = 0;
        for (HealthFactor factor : HealthFactor.values()) {
            int w = weightsByOrdinal[factor.ordinal()];
            if (w > 0) {
                sum += w * ratio(factor, f, now, today);
            }
        }
        return (int) Math.round(Math.min(100, Math.max(0, 100.0 * sum / totalWeight)));
    }

    private record Eval(double ratio, Phrase value, Phrase why) {}

    static double ratio(HealthFactor factor, HealthFacts f, OffsetDateTime now, LocalDate today) {
        return switch (factor) {
            case LAST_CONTACT -> recency(days(f.lastContactAt() == null ? f.createdAt() : f.lastContactAt(), now));
            case DECISION_MAKER_CONTACT -> dmRatio(f, now);
            case DECISION_CHAIN -> Integer.bitCount(f.decisionChainRoles() & 0xF) / 4.0;
            case BUDGET_CONFIRMED -> f.budgetConfirmed() ? 1 : f.stagePosition() < f.budgetRequiredFrom() ? 0.5 : 0;
            case COMPETITOR_DOC -> f.competitorDocUploaded() ? 1 : f.competitorsKnown() ? 0 : 0.3;
            case NEXT_STEP ->
                !f.nextStepSet()
                        ? 0
                        : f.nextStepDue() == null ? 0.5 : f.nextStepDue().isBefore(today) ? 0.2 : 1;
            case STAGE_DWELL -> dwellRatio(f);
            case REQUIRED_FIELDS -> f.requiredTotal() == 0 ? 1 : (double) f.requiredFilled() / f.requiredTotal();
            case ENGAGEMENT -> engagementRatio(f, now);
            case DEMO_PROPOSAL ->
                f.demoDelivered() && f.proposalDelivered()
                        ? 1
                        : f.demoDelivered() || f.proposalDelivered() ? 0.6 : f.stagePosition() <= 2 ? 0.5 : 0;
            case QUOTE -> quoteRatio(f.quote(), today);
            case CLOSE_SLIPPAGE -> slippageRatio(f, today);
        };
    }

    private static Eval evaluate(HealthFactor factor, HealthFacts f, OffsetDateTime now, LocalDate today) {
        double r = ratio(factor, f, now, today);
        Phrase why = new Phrase(WHY + factor);
        return switch (factor) {
            case LAST_CONTACT -> {
                long d = days(f.lastContactAt() == null ? f.createdAt() : f.lastContactAt(), now);
                yield new Eval(r, f.lastContactAt() == null ? value("neverContacted", d) : value("daysAgo", d), why);
            }
            case DECISION_MAKER_CONTACT ->
                new Eval(
                        r,
                        f.lastDecisionMakerContactAt() == null
                                ? value("decisionMakerNever")
                                : value(
                                        "decisionMakerContacts",
                                        f.decisionMakerContacts(),
                                        days(f.lastDecisionMakerContactAt(), now)),
                        why);
            case DECISION_CHAIN -> new Eval(r, value("roles", Integer.bitCount(f.decisionChainRoles() & 0xF)), why);
            case BUDGET_CONFIRMED ->
                new Eval(
                        r,
                        value(f.budgetConfirmed() ? "budgetFilled" : "budgetMissing"),
                        new Phrase(WHY
                                + factor
                                + (f.budgetConfirmed()
                                        ? ".confirmed"
                                        : f.stagePosition() < f.budgetRequiredFrom()
                                                ? ".notYetRequired"
                                                : ".missing")));
            case COMPETITOR_DOC ->
                new Eval(
                        r,
                        f.competitorDocUploaded()
                                ? value(
                                        "competitorDocUploaded",
                                        f.competitorDocName(),
                                        f.competitorDocUploadedAt()
                                                .atZoneSameInstant(now.getOffset())
                                                .toLocalDate())
                                : value(f.competitorsKnown() ? "competitorDocMissing" : "competitorsUnknown"),
                        why);
            case NEXT_STEP ->
                new Eval(
                        r,
                        !f.nextStepSet()
                                ? value("nextStepNone")
                                : f.nextStepDue() == null
                                        ? value("nextStepNoDate")
                                        : value("nextStepDue", f.nextStepDue()),
                        why);
            case STAGE_DWELL ->
                new Eval(
                        r,
                        f.slaDays() <= 0
                                ? value("dwellNoSla", f.stageWorkingDays())
                                : value("dwell", f.stageWorkingDays(), f.slaDays()),
                        why);
            case REQUIRED_FIELDS -> new Eval(r, value("fraction", f.requiredFilled(), f.requiredTotal()), why);
            case ENGAGEMENT ->
                new Eval(
                        r,
                        f.lastTwoWayAt() == null
                                ? value("interactions", f.twoWayInteractions())
                                : value("interactionsLatest", f.twoWayInteractions(), days(f.lastTwoWayAt(), now)),
                        why);
            case DEMO_PROPOSAL ->
                new Eval(
                        r,
                        value("demo" + (f.demoDelivered() ? "Given" : "Missing") + ".proposal"
                                + (f.proposalDelivered() ? "Given" : "Missing")),
                        why);
            case QUOTE ->
                new Eval(
                        r,
                        f.quote() == null
                                ? value("noQuote")
                                : f.quote().feedbackTag() == null
                                        ? value("quote", f.quote().status())
                                        : value(
                                                "quoteFeedback",
                                                f.quote().status(),
                                                f.quote().feedbackTag()),
                        f.quote() == null ? new Phrase(WHY + factor + ".none") : why);
            case CLOSE_SLIPPAGE ->
                new Eval(
                        r,
                        value(
                                f.expectedClose() == null
                                        ? "postponedNoDate"
                                        : f.expectedClose().isBefore(today) ? "postponedPassed" : "postponed",
                                f.closeDateChanges()),
                        why);
        };
    }

    private static Phrase value(String name, Object... args) {
        return new Phrase("pipeline.health.value." + name, args);
    }

    private static double recency(long days) {
        return days <= 3 ? 1 : days <= 7 ? 0.7 : days <= 14 ? 0.4 : days <= 30 ? 0.15 : 0;
    }

    private static double dmRatio(HealthFacts f, OffsetDateTime now) {
        if (f.lastDecisionMakerContactAt() == null) {
            return 0;
        }
        long d = days(f.lastDecisionMakerContactAt(), now);
        return d <= 14 && f.decisionMakerContacts() >= 2 ? 1 : d <= 30 ? 0.6 : 0.3;
    }

    private static double dwellRatio(HealthFacts f) {
        if (f.slaDays() <= 0) {
            return 1;
        }
        double x = (double) f.stageWorkingDays() / f.slaDays();
        return x <= 1 ? 1 : x <= 1.5 ? 0.5 : x <= 2 ? 0.2 : 0;
    }

    private static double engagementRatio(HealthFacts f, OffsetDateTime now) {
        if (f.twoWayInteractions() == 0 || f.lastTwoWayAt() == null) {
            return 0;
        }
        boolean recent = days(f.lastTwoWayAt(), now) <= 30;
        return recent && f.twoWayInteractions() >= 3 ? 1 : recent ? 0.6 : 0.3;
    }

    private static double quoteRatio(QuoteSignal q, LocalDate today) {
        if (q == null || q.status() == null) {
            return 0.5;
        }
        String s = q.status().toUpperCase(Locale.ROOT);
        String fb = q.feedbackTag() == null ? "" : q.feedbackTag().toUpperCase(Locale.ROOT);
        if (s.equals("ACCEPTED") || s.equals("SIGNED")) {
            return 1;
        }
        if (s.equals("REJECTED")) {
            return 0;
        }
        if (fb.equals("POSITIVE")) {
            return 0.8;
        }
        if (s.equals("EXPIRED") || (q.validUntil() != null && q.validUntil().isBefore(today) && fb.isEmpty())) {
            return 0.2;
        }
        return 0.5;
    }

    private static double slippageRatio(HealthFacts f, LocalDate today) {
        if (f.expectedClose() != null && f.expectedClose().isBefore(today)) {
            return 0;
        }
        return switch (f.closeDateChanges()) {
            case 0 -> 1;
            case 1 -> 0.6;
            case 2 -> 0.3;
            default -> 0;
        };
    }

    private static long days(OffsetDateTime from, OffsetDateTime now) {
        if (from == null) {
            return 0;
        }
        return Math.max(0, Duration.between(from, now).toDays());
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
