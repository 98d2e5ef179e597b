package app.lantern.audit;

import java.time.OffsetDateTime;

/**
 * What to look for in the audit log; every part is optional (null = any).
 *
 * @param actor  a user name, or a user id
 * @param from   inclusive lower bound of the time
 * @param to     exclusive upper bound of the time
 */
public record AuditFilter(
        String entityType, String entityId, String actor, String action, OffsetDateTime from, OffsetDateTime to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null);
    }
}
