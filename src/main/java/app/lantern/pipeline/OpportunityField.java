package app.lantern.pipeline;

import java.util.Arrays;
import java.util.Optional;

/** Fields a stage can require on entry (entry criteria). {@code key} is the JSON/form field name. */
public enum OpportunityField {
    AMOUNT("amount", "金额"),
    BUDGET_RANGE("budgetRange", "客户预算区间"),
    EXPECTED_CLOSE("expectedClose", "预计成交日"),
    CORE_NEED("coreNeed", "客户核心诉求"),
    BLOCKER("blocker", "当前卡点"),
    COMPETITORS("competitors", "竞争对手"),
    COMPETITOR_DOC("competitorDoc", "竞品对比文档"),
    NEXT_STEP("nextStep", "下一步"),
    NEXT_STEP_DUE("nextStepDue", "下一步截止日"),
    SOURCE("source", "来源"),
    CONTACTS("contacts", "联系人"),
    DECISION_MAKER("decisionMaker", "决策人");

    private final String key;
    private final String label;

    OpportunityField(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static Optional<OpportunityField> byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }
}
