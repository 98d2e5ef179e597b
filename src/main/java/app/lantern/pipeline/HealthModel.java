package app.lantern.pipeline;

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
    public static final List<String> ROLE_BITS = List.of("DECISION_MAKER", "INFLUENCER", "USER", "SUPPORTER");

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

    private record Eval(double ratio, String value, String why) {}

    static double ratio(HealthFactor factor, HealthFacts f, OffsetDateTime now, LocalDate today) {
        return switch (factor) {
            case LAST_CONTACT -> recency(days(f.lastContactAt() == null ? f.createdAt() : f.lastContactAt(), now));
            case DECISION_MAKER_CONTACT -> dmRatio(f, now);
            case DECISION_CHAIN -> Integer.bitCount(f.decisionChainRoles() & 0xF) / 4.0;
            case BUDGET_CONFIRMED -> f.budgetConfirmed() ? 1 : f.stagePosition() < f.budgetRequiredFrom() ? 0.5 : 0;
            case COMPETITOR_DOC -> f.competitorDocUploaded() ? 1 : f.competitorsKnown() ? 0 : 0.3;
            case NEXT_STEP -> !f.nextStepSet() ? 0 : f.nextStepDue() == null ? 0.5 : f.nextStepDue().isBefore(today) ? 0.2 : 1;
            case STAGE_DWELL -> dwellRatio(f);
            case REQUIRED_FIELDS -> f.requiredTotal() == 0 ? 1 : (double) f.requiredFilled() / f.requiredTotal();
            case ENGAGEMENT -> engagementRatio(f, now);
            case DEMO_PROPOSAL -> f.demoDelivered() && f.proposalDelivered() ? 1
                    : f.demoDelivered() || f.proposalDelivered() ? 0.6 : f.stagePosition() <= 2 ? 0.5 : 0;
            case QUOTE -> quoteRatio(f.quote(), today);
            case CLOSE_SLIPPAGE -> slippageRatio(f, today);
        };
    }

    private static Eval evaluate(HealthFactor factor, HealthFacts f, OffsetDateTime now, LocalDate today) {
        double r = ratio(factor, f, now, today);
        return switch (factor) {
            case LAST_CONTACT -> {
                long d = days(f.lastContactAt() == null ? f.createdAt() : f.lastContactAt(), now);
                yield new Eval(r, f.lastContactAt() == null ? "从未联系（创建于 " + d + " 天前）" : d + " 天前",
                        "≤3 天满分，≤7 天 70%，≤14 天 40%，≤30 天 15%，更久 0");
            }
            case DECISION_MAKER_CONTACT -> new Eval(r,
                    f.lastDecisionMakerContactAt() == null ? "从未接触决策人"
                            : "共 " + f.decisionMakerContacts() + " 次，最近 " + days(f.lastDecisionMakerContactAt(), now) + " 天前",
                    "14 天内接触且累计 ≥2 次满分；30 天内 60%；更早 30%；从未 0");
            case DECISION_CHAIN -> new Eval(r, Integer.bitCount(f.decisionChainRoles() & 0xF) + "/4 角色",
                    "决策人、影响者、使用者、支持者各占 1/4");
            case BUDGET_CONFIRMED -> new Eval(r, f.budgetConfirmed() ? "已填写预算区间" : "未填写",
                    f.budgetConfirmed() ? "预算已确认" : f.stagePosition() < f.budgetRequiredFrom() ? "尚未到必填阶段，记一半" : "已到必填阶段仍未确认，0 分");
            case COMPETITOR_DOC -> new Eval(r, f.competitorDocUploaded()
                    ? "已上传《" + f.competitorDocName() + "》（" + f.competitorDocUploadedAt().atZoneSameInstant(now.getOffset()).toLocalDate() + "）"
                    : f.competitorsKnown() ? "有竞品、未上传对比文档" : "未知竞品、未上传对比文档",
                    "已上传对比文档满分；未知竞品 30%；已知竞品却未上传 0");
            case NEXT_STEP -> new Eval(r, !f.nextStepSet() ? "未安排" : f.nextStepDue() == null ? "已安排、无日期" : "截止 " + f.nextStepDue(),
                    "已安排且未逾期满分；无日期 50%；已逾期 20%；未安排 0");
            case STAGE_DWELL -> new Eval(r, f.stageWorkingDays() + " 个工作日 / SLA " + (f.slaDays() <= 0 ? "无" : f.slaDays() + " 天"),
                    "不超 SLA 满分；≤1.5 倍 50%；≤2 倍 20%；更久 0");
            case REQUIRED_FIELDS -> new Eval(r, f.requiredFilled() + "/" + f.requiredTotal(), "本阶段及之前阶段要求的字段按填写比例计分");
            case ENGAGEMENT -> new Eval(r,
                    f.twoWayInteractions() + " 次双向互动" + (f.lastTwoWayAt() == null ? "" : "，最近 " + days(f.lastTwoWayAt(), now) + " 天前"),
                    "30 天内有互动且累计 ≥3 次满分；30 天内有互动 60%；更早 30%；无 0");
            case DEMO_PROPOSAL -> new Eval(r, (f.demoDelivered() ? "已演示" : "未演示") + "，" + (f.proposalDelivered() ? "已交方案" : "未交方案"),
                    "两者都有满分；其一 60%；都没有：前两阶段 50%，之后 0");
            case QUOTE -> new Eval(r, f.quote() == null ? "无报价信息" : f.quote().status()
                    + (f.quote().feedbackTag() == null ? "" : " / " + f.quote().feedbackTag()),
                    f.quote() == null ? "尚无报价，按中性 50% 计" : "接受/签署满分；正面反馈 80%；已发送待反馈 50%；过期无反馈 20%；拒绝 0");
            case CLOSE_SLIPPAGE -> new Eval(r, "推迟 " + f.closeDateChanges() + " 次" + (f.expectedClose() == null ? "，无预计成交日"
                    : f.expectedClose().isBefore(today) ? "，预计成交日已过" : ""),
                    "未推迟满分；1 次 60%；2 次 30%；3 次及以上或已过期 0");
        };
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
