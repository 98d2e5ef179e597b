package app.lantern.audit;

import app.lantern.shared.UserRef;
import java.util.List;
import java.util.Map;

/**
 * Records what happened to business data. Call it inside the transaction that makes the change (calling it without
 * one fails): the entry commits or rolls back with it. Entries are appended to the hash chain when that transaction
 * commits (reads of the audit log within the same transaction see them already). Actor, client address, user agent and request id are taken from the current request and
 * security context; scheduled work is recorded as the system.
 *
 * <p>Values are stored as text (JSON); pass only fields a reader may see in a record's history (never secrets or
 * password hashes).
 */
public interface AuditLog {

    void created(String entityType, Object entityId, Map<String, ?> fields);

    /** Stores only the fields whose value differs between {@code before} and {@code after}; nothing if none does. */
    void updated(String entityType, Object entityId, Map<String, ?> before, Map<String, ?> after);

    void deleted(String entityType, Object entityId, Map<String, ?> fields);

    /** Any other fact worth keeping: a login, a download, a stage change, a merge. {@code action} is dotted lower case. */
    void recorded(String entityType, Object entityId, String action, Map<String, ?> details);

    /** As {@link #recorded}, naming the actor explicitly (e.g. during login, before a security context exists). */
    void recordedBy(UserRef actor, String entityType, Object entityId, String action, Map<String, ?> details);

    /**
     * As {@link #recordedBy} for many records at once (the customers of an import chunk): one entry per fact, in the
     * order given, each in its record's history, appended to the chain with the transaction's other entries.
     */
    void recordedAllBy(UserRef actor, String entityType, List<Fact> facts);

    /** What happened to one record of a batch: its id, the dotted lower-case action and the details to keep. */
    record Fact(Object entityId, String action, Map<String, ?> details) {}
}
