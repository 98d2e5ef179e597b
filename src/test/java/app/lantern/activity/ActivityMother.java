package app.lantern.activity;

import java.time.OffsetDateTime;
import java.util.List;

/** Activities for tests: {@code aVisit(customer).at(time).typedAt(later).input()}; defaults are a 30-minute visit. */
final class ActivityMother {

    private final ActivityType type;
    private final Long customerId;
    private OffsetDateTime occurredAt;
    private OffsetDateTime typedAt;
    private int minutes = 30;
    private String outcome = "谈了采购计划";

    private ActivityMother(ActivityType type, Long customerId) {
        this.type = type;
        this.customerId = customerId;
    }

    static ActivityMother aVisit(long customerId) {
        return new ActivityMother(ActivityType.VISIT, customerId);
    }

    static ActivityMother a(ActivityType type, long customerId) {
        return new ActivityMother(type, customerId);
    }

    ActivityMother at(OffsetDateTime occurredAt) {
        this.occurredAt = occurredAt;
        return this;
    }

    /** When it was typed (honoured for admins importing history). */
    ActivityMother typedAt(OffsetDateTime typedAt) {
        this.typedAt = typedAt;
        return this;
    }

    ActivityMother minutes(int minutes) {
        this.minutes = minutes;
        return this;
    }

    ActivityMother outcome(String outcome) {
        this.outcome = outcome;
        return this;
    }

    ActivityInput input() {
        return new ActivityInput(type, occurredAt, minutes, customerId, null, List.of(), null, outcome, null, typedAt);
    }
}
