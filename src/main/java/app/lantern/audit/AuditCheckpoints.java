package app.lantern.audit;

import static lantern.db.Tables.AUDIT_CHAIN_HEAD;
import static lantern.db.Tables.AUDIT_CHECKPOINT;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores the chain head (sequence, hash, time) as a checkpoint, hourly and on demand, so that cutting entries off the
 * end of the log is detectable. Each checkpoint is also written to the application log, a copy outside the database.
 */
@Service
public class AuditCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

    private final DSLContext db;
    private final Clock clock;

    AuditCheckpoints(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Checkpoints the current head unless the newest checkpoint already names it.
     *
     * @param reason {@code scheduled}, {@code manual}, …
     * @return the checkpoint that covers the head now (new or existing); empty while the chain has no entries
     */
    @Transactional
    public Optional<AuditCheckpoint> checkpoint(String reason) {
        // the head lock makes the checkpoint agree with a committed chain state
        Record head = db.select(AUDIT_CHAIN_HEAD.LAST_SEQ, AUDIT_CHAIN_HEAD.LAST_HASH, AUDIT_CHAIN_HEAD.FIRST_SEQ)
                .from(AUDIT_CHAIN_HEAD)
                .where(AUDIT_CHAIN_HEAD.ID.eq(1))
                .forUpdate()
                .fetchOne();
        if (head == null || head.get(AUDIT_CHAIN_HEAD.LAST_SEQ) < head.get(AUDIT_CHAIN_HEAD.FIRST_SEQ)) {
            return Optional.empty();
        }
        long seq = head.get(AUDIT_CHAIN_HEAD.LAST_SEQ);
        String hash = head.get(AUDIT_CHAIN_HEAD.LAST_HASH);
        Optional<AuditCheckpoint> latest = latest();
        if (latest.isPresent()
                && latest.get().seq() == seq
                && latest.get().hash().equals(hash)) {
            return latest;
        }
        OffsetDateTime now = AuditChain.normalize(OffsetDateTime.now(clock));
        db.insertInto(AUDIT_CHECKPOINT)
                .set(AUDIT_CHECKPOINT.SEQ, seq)
                .set(AUDIT_CHECKPOINT.HASH, hash)
                .set(AUDIT_CHECKPOINT.CREATED_AT, now)
                .set(AUDIT_CHECKPOINT.REASON, reason)
                .execute();
        log.info("audit checkpoint seq={} hash={} reason={}", seq, hash, reason);
        return Optional.of(new AuditCheckpoint(seq, hash, now, reason));
    }

    /** The checkpoint with the highest sequence number. */
    @Transactional(readOnly = true)
    public Optional<AuditCheckpoint> latest() {
        return db.selectFrom(AUDIT_CHECKPOINT)
                .orderBy(AUDIT_CHECKPOINT.SEQ.desc(), AUDIT_CHECKPOINT.ID.desc())
                .limit(1)
                .fetchOptional(r -> new AuditCheckpoint(
                        r.getSeq(),
                        r.getHash(),
                        r.getCreatedAt().atZoneSameInstant(clock.getZone()).toOffsetDateTime(),
                        r.getReason()));
    }
}
