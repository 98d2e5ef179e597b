package app.lantern.audit;

import java.time.OffsetDateTime;

/**
 * One aggregated row of security events: every event of one kind by one actor from one address within one minute.
 *
 * @param lastDetail what the last of them was about (for a denied scope check, the record asked for)
 */
public record SecurityEvent(
        long id,
        SecurityEventKind kind,
        String actor,
        String source,
        OffsetDateTime minute,
        long occurrences,
        String lastDetail,
        OffsetDateTime lastAt) {}
