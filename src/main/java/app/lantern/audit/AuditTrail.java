package app.lantern.audit;

import java.util.List;

/** Reads the audit log. Callers check the reader's data scope on the record before asking for its history. */
public interface AuditTrail {

    /** The record's entries, newest first. */
    List<AuditEntry> history(String entityType, Object entityId);
}
