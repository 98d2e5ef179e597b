package app.lantern.pipeline;

import app.lantern.shared.Phrase;
import java.util.Arrays;
import java.util.List;

/**
 * The twelve factors of the opportunity health score, with their default weights (summing to 100). The label is the
 * Chinese name stored with an intervention's weak factors; pages show {@code pipeline.factor.<NAME>} in the reader's
 * language.
 */
public enum HealthFactor {
    LAST_CONTACT("最近联系", 12),
    DECISION_MAKER_CONTACT("决策人接触频率", 10),
    DECISION_CHAIN("决策链完整度", 9),
    BUDGET_CONFIRMED("预算已确认", 8),
    COMPETITOR_DOC("竞品对比文档", 5),
    NEXT_STEP("下一步已安排且未逾期", 10),
    STAGE_DWELL("阶段停留 vs SLA", 10),
    REQUIRED_FIELDS("必填字段完整度", 7),
    ENGAGEMENT("客户互动（双向）", 9),
    DEMO_PROPOSAL("演示/方案已交付", 8),
    QUOTE("报价状态与反馈", 5),
    CLOSE_SLIPPAGE("预计成交日推迟", 7);

    private final String label;
    private final int defaultWeight;

    HealthFactor(String label, int defaultWeight) {
        this.label = label;
        this.defaultWeight = defaultWeight;
    }

    public String label() {
        return label;
    }

    public int defaultWeight() {
        return defaultWeight;
    }

    /** The factors named one after the other ("最近联系、决策链完整度", "Last contact, Decision chain coverage"), for a message. */
    public static Phrase listPhrase(List<HealthFactor> factors) {
        if (factors.isEmpty()) {
            return new Phrase("pipeline.factor.none");
        }
        Phrase first = new Phrase("pipeline.factor." + factors.getFirst());
        return factors.size() == 1
                ? first
                : new Phrase("pipeline.factor.list", first, listPhrase(factors.subList(1, factors.size())));
    }

    /** The factors of a stored list of labels ("最近联系、决策链完整度"), in their order; unknown parts are left out. */
    public static List<HealthFactor> ofLabels(String labels) {
        if (labels == null || labels.isBlank()) {
            return List.of();
        }
        return Arrays.stream(labels.split("、"))
                .map(String::strip)
                .flatMap(l -> Arrays.stream(values())
                        .filter(f -> f.label.equals(l) || f.name().equals(l)))
                .toList();
    }
}
