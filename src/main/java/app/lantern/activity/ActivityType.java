package app.lantern.activity;

/**
 * Kinds of sales activity; their names are in the bundles ({@code activity.type.VISIT}). {@code twoWay}: the customer
 * takes part (not a one-way message).
 */
public enum ActivityType {
    VISIT(true),
    CALL(true),
    DEMO(true),
    PROPOSAL(true),
    OBJECTION_HANDLING(true),
    MEETING(true),
    EMAIL(false),
    WECHAT(false),
    OTHER(false);

    private final boolean twoWay;

    ActivityType(boolean twoWay) {
        this.twoWay = twoWay;
    }

    public boolean twoWay() {
        return twoWay;
    }
}
