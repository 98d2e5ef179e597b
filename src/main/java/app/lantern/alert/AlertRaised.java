package app.lantern.alert;

import java.time.OffsetDateTime;

/** A new alert was opened (not an update of one already open) for {@code ownerId}; {@code message} is in Chinese. */
public record AlertRaised(
        long alertId,
        String ruleCode,
        String subjectType,
        long subjectId,
        long ownerId,
        String severity,
        String message,
        OffsetDateTime openedAt) {}
