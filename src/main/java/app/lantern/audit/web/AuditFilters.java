package app.lantern.audit.web;

import app.lantern.audit.AuditFilter;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.Texts;
import java.time.OffsetDateTime;

/** Checks filter input at the boundary: lengths as stored, a sensible time range. */
final class AuditFilters {

    private AuditFilters() {}

    static AuditFilter of(
            String entityType, String entityId, String actor, String action, OffsetDateTime from, OffsetDateTime to) {
        FieldErrors errors = new FieldErrors();
        Texts.maxLength(errors, "entityType", entityType, 50);
        Texts.maxLength(errors, "entityId", entityId, 100);
        Texts.maxLength(errors, "actor", actor, 100);
        Texts.maxLength(errors, "action", action, 50);
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add("to", "must be after from");
        }
        errors.throwIfAny();
        return new AuditFilter(
                Texts.clean(entityType), Texts.clean(entityId), Texts.clean(actor), Texts.clean(action), from, to);
    }
}
