package app.lantern.activity;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A new activity. Defaults: {@code occurredAt} now, {@code durationMinutes} by type. {@code createdAt} is honoured only
 * for admins importing history.
 */
public record ActivityInput(
        ActivityType type,
        OffsetDateTime occurredAt,
        Integer durationMinutes,
        Long customerId,
        Long opportunityId,
        List<Long> participantContactIds,
        String participants,
        String outcome,
        String nextStep,
        OffsetDateTime createdAt) {

    public static int defaultDuration(ActivityType type) {
        return switch (type) {
            case VISIT, DEMO, MEETING -> 60;
            case PROPOSAL, OBJECTION_HANDLING -> 30;
            case CALL, OTHER -> 15;
            case EMAIL, WECHAT -> 5;
        };
    }
}
