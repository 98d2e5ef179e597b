package app.lantern.audit;

import static lantern.db.Tables.AUDIT_CHAIN_HEAD;
import static lantern.db.Tables.AUDIT_CHECKPOINT;
import static lantern.db.Tables.AUDIT_LOG;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lantern.db.tables.records.AuditLogRecord;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks the whole audit chain: every entry's hash over its stored fields, every link to the entry before, the
 * sequence without gaps or extras, the head, and every checkpoint (so a cut-off tail is found). Reads in batches
 * inside one repeatable-read snapshot, so it works on millions of entries while the application keeps appending.
 */
@Service
public class AuditVerification {

    private final DSLContext db;
    private final Clock clock;
    private final TransactionTemplate snapshot;
    private final int batchSize;

    AuditVerification(
            DSLContext db,
            Clock clock,
            PlatformTransactionManager transactions,
            @Value("${lantern.audit.verify-batch-size:2000}") int batchSize) {
        this.db = db;
        this.clock = clock;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.batchSize = batchSize;
    }

    public AuditVerificationResult verify() {
        long started = System.nanoTime();
        return snapshot.execute(status -> walk(started));
    }

    private AuditVerificationResult walk(long started) {
        var headRow =
                db.selectFrom(AUDIT_CHAIN_HEAD).where(AUDIT_CHAIN_HEAD.ID.eq(1)).fetchOne();
        ChainVerifier.Head head = headRow == null
                ? new ChainVerifier.Head(Long.MAX_VALUE, "", 1)
                : new ChainVerifier.Head(headRow.getLastSeq(), headRow.getLastHash(), headRow.getFirstSeq());
        Map<Long, String> checkpoints = new HashMap<>();
        ChainVerifier.Checkpoint latest = null;
        OffsetDateTime latestAt = null;
        for (var c : db.selectFrom(AUDIT_CHECKPOINT)
                .orderBy(AUDIT_CHECKPOINT.SEQ, AUDIT_CHECKPOINT.ID)
                .fetch()) {
            checkpoints.put(c.getSeq(), c.getHash());
            latest = new ChainVerifier.Checkpoint(c.getSeq(), c.getHash());
            latestAt = c.getCreatedAt().atZoneSameInstant(clock.getZone()).toOffsetDateTime();
        }
        String startPrev = head.firstSeq() <= 1
                ? AuditChain.GENESIS
                : db.select(AUDIT_LOG.HASH)
                        .from(AUDIT_LOG)
                        .where(AUDIT_LOG.SEQ.eq(head.firstSeq() - 1))
                        .fetchOptional(AUDIT_LOG.HASH)
                        .orElse("");
        ChainVerifier verifier = new ChainVerifier(head, startPrev, checkpoints, latest);
        long afterSeq = head.firstSeq() - 1;
        long afterId = Long.MIN_VALUE;
        while (true) {
            List<AuditLogRecord> batch = db.selectFrom(AUDIT_LOG)
                    .where(AUDIT_LOG.SEQ.ge(head.firstSeq()))
                    .and(DSL.row(AUDIT_LOG.SEQ, AUDIT_LOG.ID).gt(afterSeq, afterId))
                    .orderBy(AUDIT_LOG.SEQ, AUDIT_LOG.ID)
                    .limit(batchSize)
                    .fetch();
            for (AuditLogRecord r : batch) {
                verifier.accept(stored(r));
                afterSeq = r.getSeq();
                afterId = r.getId();
            }
            if (batch.size() < batchSize) {
                break;
            }
        }
        ChainVerifier.Outcome outcome = verifier.finish();
        long legacy = db.fetchCount(AUDIT_LOG, AUDIT_LOG.SEQ.lt(head.firstSeq()));
        return new AuditVerificationResult(
                outcome.firstBroken() == null && headRow != null,
                outcome.checked(),
                outcome.broken() + (headRow == null ? 1 : 0),
                legacy,
                headRow == null
                        ? new AuditVerificationResult.Break(
                                null, 0, AuditVerificationResult.Kind.HEAD_MISMATCH, "a chain head", "none")
                        : outcome.firstBroken(),
                headRow == null ? 0 : head.lastSeq(),
                headRow == null ? null : head.lastHash(),
                latest == null ? null : latest.seq(),
                latestAt,
                guard(),
                OffsetDateTime.now(clock),
                (System.nanoTime() - started) / 1_000_000);
    }

    static AuditChain.Stored stored(AuditLogRecord r) {
        return new AuditChain.Stored(
                r.getId(),
                new AuditChain.Content(
                        r.getSeq(),
                        r.getOccurredAt(),
                        r.getActorId(),
                        r.getActorName(),
                        r.getIp(),
                        r.getUserAgent(),
                        r.getRequestId(),
                        r.getEntityType(),
                        r.getEntityId(),
                        r.getAction(),
                        r.getChanges()),
                r.getPrevHash(),
                r.getHash());
    }

    /** On PostgreSQL, whether the append-only triggers are in place and enabled. */
    private String guard() {
        if (!isPostgres()) {
            return "not-applicable";
        }
        List<String> states = db.resultQuery(
                        "select t.tgenabled::text from pg_trigger t where t.tgrelid = to_regclass('audit_log') "
                                + "and t.tgname in ('audit_log_append_only', 'audit_log_no_truncate')")
                .fetch(0, String.class);
        if (states.size() < 2) {
            return "missing";
        }
        return states.stream().anyMatch("D"::equals) ? "disabled" : "enabled";
    }

    private boolean isPostgres() {
        if (db.dialect().family() == SQLDialect.POSTGRES) {
            return true;
        }
        String product = db.connectionResult(c -> c.getMetaData().getDatabaseProductName());
        return product != null && product.toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }
}
