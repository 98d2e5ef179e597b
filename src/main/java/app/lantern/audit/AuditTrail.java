package app.lantern.audit;

import app.lantern.shared.PageQuery;
import app.lantern.shared.PageResult;
import java.util.List;

/** Reads the audit log. Callers check the reader's data scope on the record before asking for its history. */
public interface AuditTrail {

    /** The record's entries, newest first. */
    List<AuditEntry> history(String entityType, Object entityId);

    /** Entries matching the filter, newest first (the page's sort is ignored: the log has one order). */
    PageResult<AuditEntry> search(AuditFilter filter, PageQuery page);
}
