package app.lantern.activity;

import java.time.OffsetDateTime;

/** What other modules may know about an activity. */
public record ActivityRef(
        long id,
        ActivityType type,
        long ownerId,
        Long customerId,
        Long opportunityId,
        OffsetDateTime occurredAt,
        OffsetDateTime createdAt,
        int durationMinutes,
        String outcome) {}
