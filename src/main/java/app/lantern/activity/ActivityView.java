package app.lantern.activity;

import java.time.Duration;
import java.time.OffsetDateTime;

/** An activity as lists and the API show it. {@code backfill}: LATE, BURST or null. */
public record ActivityView(
        long id,
        ActivityType type,
        long ownerId,
        String ownerName,
        Long customerId,
        String customerName,
        Long opportunityId,
        OffsetDateTime occurredAt,
        OffsetDateTime createdAt,
        int durationMinutes,
        String participants,
        String outcome,
        String nextStep,
        String backfill,
        int version) {

    public long lagHours() {
        return Duration.between(occurredAt, createdAt).toHours();
    }
}
