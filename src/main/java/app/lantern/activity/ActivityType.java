package app.lantern.activity;

/** Kinds of sales activity. {@code twoWay}: the customer takes part (not a one-way message). */
public enum ActivityType {
    VISIT("拜访", true),
    CALL("电话", true),
    DEMO("方案演示", true),
    PROPOSAL("方案/建议书", true),
    OBJECTION_HANDLING("异议处理", true),
    MEETING("会议", true),
    EMAIL("邮件", false),
    WECHAT("微信", false),
    OTHER("其他", false);

    private final String label;
    private final boolean twoWay;

    ActivityType(String label, boolean twoWay) {
        this.label = label;
        this.twoWay = twoWay;
    }

    public String label() {
        return label;
    }

    public boolean twoWay() {
        return twoWay;
    }
}
