package app.lantern.activity;

import java.time.OffsetDateTime;

public record ActivityLogged(
        long activityId,
        long ownerId,
        ActivityType type,
        Long customerId,
        Long opportunityId,
        OffsetDateTime occurredAt) {}
