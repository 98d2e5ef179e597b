package app.lantern.audit;

import java.time.OffsetDateTime;

/**
 * One entry of a record's history as readers see it.
 *
 * @param changes JSON: for updates {@code {"field":{"before":…,"after":…}}}, otherwise the fields or details
 */
public record AuditEntry(
        long id,
        OffsetDateTime occurredAt,
        Long actorId,
        String actorName,
        String ip,
        String userAgent,
        String requestId,
        String entityType,
        String entityId,
        String action,
        String changes) {}
