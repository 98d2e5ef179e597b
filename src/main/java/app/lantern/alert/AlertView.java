package app.lantern.alert;

import app.lantern.shared.Phrase;
import java.time.OffsetDateTime;

/**
 * An alert as the board and API show it.
 *
 * @param message the message in Chinese, as stored
 * @param text    the message in the reader's language
 */
public record AlertView(
        long id,
        String ruleCode,
        String subjectType,
        long subjectId,
        long ownerId,
        String ownerName,
        String severity,
        String message,
        Phrase text,
        String evidenceLink,
        String status,
        OffsetDateTime openedAt,
        OffsetDateTime lastSeenAt,
        OffsetDateTime snoozedUntil,
        OffsetDateTime resolvedAt,
        String resolution) {

    public boolean open() {
        return resolvedAt == null;
    }
}
