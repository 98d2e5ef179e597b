package app.lantern.alert;

import java.time.OffsetDateTime;

/** An alert as the board and API show it. */
public record AlertView(long id, String ruleCode, String subjectType, long subjectId, long ownerId, String ownerName, String severity,
        String message, String evidenceLink, String status, OffsetDateTime openedAt, OffsetDateTime lastSeenAt, OffsetDateTime snoozedUntil,
        OffsetDateTime resolvedAt, String resolution) {

    public boolean open() {
        return resolvedAt == null;
    }
}
