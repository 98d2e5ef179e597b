package app.lantern.audit;

import static lantern.db.Tables.AUDIT_CHAIN_HEAD;
import static lantern.db.Tables.AUDIT_LOG;

import app.lantern.shared.PageQuery;
import app.lantern.shared.PageResult;
import app.lantern.shared.RequestContext;
import app.lantern.shared.UserRef;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to the hash chain inside the caller's transaction. Entries are collected while the transaction runs and
 * written just before it commits, under a lock on the single chain-head row: appends are serialised, sequence numbers
 * are contiguous, ids grow with them, and the head lock is always the last lock a transaction takes (so it cannot
 * deadlock with business row locks). A rolled-back transaction writes nothing.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
class JdbcAuditLog implements AuditLog, AuditTrail {

    static final String GENESIS = AuditChain.GENESIS;
    private static final int H2_LOCK_TIMEOUT_MILLIS = 60_000;
    /** Entries per insert statement: 13 parameters each stays far below PostgreSQL's 65,535 per statement. */
    static final int ROWS_PER_INSERT = 1_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DSLContext db;
    private final Clock clock;

    JdbcAuditLog(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void created(String entityType, Object entityId, Map<String, ?> fields) {
        enqueue(currentActor(), entityType, entityId, "created", fields);
    }

    @Override
    public void updated(String entityType, Object entityId, Map<String, ?> before, Map<String, ?> after) {
        Map<String, Object> changes = new LinkedHashMap<>();
        for (String key : after.keySet()) {
            Object old = before.get(key);
            Object now = after.get(key);
            if (!Objects.equals(old, now)) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("before", old);
                change.put("after", now);
                changes.put(key, change);
            }
        }
        if (!changes.isEmpty()) {
            enqueue(currentActor(), entityType, entityId, "updated", changes);
        }
    }

    @Override
    public void deleted(String entityType, Object entityId, Map<String, ?> fields) {
        enqueue(currentActor(), entityType, entityId, "deleted", fields);
    }

    @Override
    public void recorded(String entityType, Object entityId, String action, Map<String, ?> details) {
        enqueue(currentActor(), entityType, entityId, action, details);
    }

    @Override
    public void recordedBy(UserRef actor, String entityType, Object entityId, String action, Map<String, ?> details) {
        enqueue(actor, entityType, entityId, action, details);
    }

    @Override
    public void recordedAllBy(UserRef actor, String entityType, List<Fact> facts) {
        for (Fact fact : facts) {
            enqueue(actor, entityType, fact.entityId(), fact.action(), fact.details());
        }
    }

    @Override
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<AuditEntry> history(String entityType, Object entityId) {
        flushPendingOfThisTransaction();
        return db.selectFrom(AUDIT_LOG)
                .where(AUDIT_LOG.ENTITY_TYPE.eq(entityType).and(AUDIT_LOG.ENTITY_ID.eq(String.valueOf(entityId))))
                .orderBy(AUDIT_LOG.SEQ.desc())
                .fetch(this::entry);
    }

    @Override
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public PageResult<AuditEntry> search(AuditFilter filter, PageQuery page) {
        flushPendingOfThisTransaction();
        Condition where = condition(filter);
        long total = db.fetchCount(AUDIT_LOG, where);
        List<AuditEntry> items = db.selectFrom(AUDIT_LOG)
                .where(where)
                .orderBy(AUDIT_LOG.SEQ.desc())
                .limit(page.size())
                .offset(page.offset())
                .fetch(this::entry);
        return PageResult.of(items, page, total);
    }

    private static Condition condition(AuditFilter f) {
        Condition c = DSL.noCondition();
        if (f.entityType() != null) {
            c = c.and(AUDIT_LOG.ENTITY_TYPE.eq(f.entityType()));
        }
        if (f.entityId() != null) {
            c = c.and(AUDIT_LOG.ENTITY_ID.eq(f.entityId()));
        }
        if (f.actor() != null) {
            c = f.actor().chars().allMatch(Character::isDigit) && f.actor().length() < 19
                    ? c.and(AUDIT_LOG.ACTOR_ID.eq(Long.parseLong(f.actor())).or(AUDIT_LOG.ACTOR_NAME.eq(f.actor())))
                    : c.and(AUDIT_LOG.ACTOR_NAME.eq(f.actor()));
        }
        if (f.action() != null) {
            c = c.and(AUDIT_LOG.ACTION.eq(f.action()));
        }
        if (f.from() != null) {
            c = c.and(AUDIT_LOG.OCCURRED_AT.ge(f.from()));
        }
        if (f.to() != null) {
            c = c.and(AUDIT_LOG.OCCURRED_AT.lt(f.to()));
        }
        return c;
    }

    /** Times in the business zone, whichever zone the database hands back. */
    private AuditEntry entry(lantern.db.tables.records.AuditLogRecord r) {
        return new AuditEntry(
                r.getId(),
                r.getOccurredAt().atZoneSameInstant(clock.getZone()).toOffsetDateTime(),
                r.getActorId(),
                r.getActorName(),
                r.getIp(),
                r.getUserAgent(),
                r.getRequestId(),
                r.getEntityType(),
                r.getEntityId(),
                r.getAction(),
                r.getChanges());
    }

    private void enqueue(UserRef actor, String entityType, Object entityId, String action, Map<String, ?> details) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException(
                    "audit entries are written inside the caller's transaction; none is active");
        }
        RequestContext request = RequestContext.current().orElse(new RequestContext(null, null, null));
        Pending entry = new Pending(
                AuditChain.normalize(OffsetDateTime.now(clock)),
                actor == null || actor.userId() <= 0 ? null : actor.userId(),
                actor == null ? "system" : actor.username(),
                request.ip(),
                request.userAgent(),
                request.requestId(),
                entityType,
                String.valueOf(entityId),
                action,
                JSON.writeValueAsString(details == null ? Map.of() : details));
        pendingOfThisTransaction(true).entries.add(entry);
    }

    /** An entry waiting for its transaction to commit. */
    private record Pending(
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

    private PendingEntries pendingOfThisTransaction(boolean create) {
        // looked up among the synchronizations (not as a bound resource) so that a suspended outer transaction keeps
        // its own
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof PendingEntries p && p.owner == this) {
                return p;
            }
        }
        if (!create) {
            return null;
        }
        PendingEntries p = new PendingEntries(this);
        TransactionSynchronizationManager.registerSynchronization(p);
        return p;
    }

    private void flushPendingOfThisTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            PendingEntries p = pendingOfThisTransaction(false);
            if (p != null) {
                p.writeNow();
            }
        }
    }

    private static final class PendingEntries implements TransactionSynchronization {
        final JdbcAuditLog owner;
        final List<Pending> entries = new ArrayList<>();

        PendingEntries(JdbcAuditLog owner) {
            this.owner = owner;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            writeNow();
        }

        void writeNow() {
            if (!entries.isEmpty()) {
                owner.write(List.copyOf(entries));
                entries.clear();
            }
        }

        @Override
        public int getOrder() {
            // after everything else that may still audit in beforeCommit
            return LOWEST_PRECEDENCE;
        }
    }

    /** Appends under the chain-head lock; ids come from the identity column while the lock is held. */
    private void write(List<Pending> entries) {
        if (db.dialect().family() == SQLDialect.H2) {
            // H2 gives up waiting for a row lock after about a second by default; a large import holding the head
            // for longer must make other writers wait, not fail (PostgreSQL waits without limit by default)
            db.execute("SET LOCK_TIMEOUT " + H2_LOCK_TIMEOUT_MILLIS);
        }
        Record head = db.select(AUDIT_CHAIN_HEAD.LAST_SEQ, AUDIT_CHAIN_HEAD.LAST_HASH)
                .from(AUDIT_CHAIN_HEAD)
                .where(AUDIT_CHAIN_HEAD.ID.eq(1))
                .forUpdate()
                .fetchOptional()
                .orElseThrow(() -> new IllegalStateException("the audit chain head is missing"));
        long seq = head.get(AUDIT_CHAIN_HEAD.LAST_SEQ);
        String prev = head.get(AUDIT_CHAIN_HEAD.LAST_HASH);
        for (int from = 0; from < entries.size(); from += ROWS_PER_INSERT) {
            var insert = db.insertInto(
                    AUDIT_LOG,
                    AUDIT_LOG.SEQ,
                    AUDIT_LOG.OCCURRED_AT,
                    AUDIT_LOG.ACTOR_ID,
                    AUDIT_LOG.ACTOR_NAME,
                    AUDIT_LOG.IP,
                    AUDIT_LOG.USER_AGENT,
                    AUDIT_LOG.REQUEST_ID,
                    AUDIT_LOG.ENTITY_TYPE,
                    AUDIT_LOG.ENTITY_ID,
                    AUDIT_LOG.ACTION,
                    AUDIT_LOG.CHANGES,
                    AUDIT_LOG.PREV_HASH,
                    AUDIT_LOG.HASH);
            for (Pending p : entries.subList(from, Math.min(entries.size(), from + ROWS_PER_INSERT))) {
                seq++;
                AuditChain.Content content = new AuditChain.Content(
                        seq,
                        p.occurredAt(),
                        p.actorId(),
                        p.actorName(),
                        p.ip(),
                        p.userAgent(),
                        p.requestId(),
                        p.entityType(),
                        p.entityId(),
                        p.action(),
                        p.changes());
                String hash = AuditChain.hash(prev, content);
                insert = insert.values(
                        seq,
                        p.occurredAt(),
                        p.actorId(),
                        p.actorName(),
                        p.ip(),
                        p.userAgent(),
                        p.requestId(),
                        p.entityType(),
                        p.entityId(),
                        p.action(),
                        p.changes(),
                        prev,
                        hash);
                prev = hash;
            }
            insert.execute();
        }
        db.update(AUDIT_CHAIN_HEAD)
                .set(AUDIT_CHAIN_HEAD.LAST_SEQ, seq)
                .set(AUDIT_CHAIN_HEAD.LAST_HASH, prev)
                .set(AUDIT_CHAIN_HEAD.UPDATED_AT, OffsetDateTime.now(clock))
                .where(AUDIT_CHAIN_HEAD.ID.eq(1))
                .execute();
    }

    private static UserRef currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof UserRef ref ? ref : null;
    }
}
