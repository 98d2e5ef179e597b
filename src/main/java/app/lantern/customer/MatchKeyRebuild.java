package app.lantern.customer;

import static lantern.db.Tables.CUSTOMERS;
import static lantern.db.Tables.CUSTOMER_MATCH_KEY_SCHEME;

import app.lantern.customer.matching.MatchKeys;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the stored blocking keys in step with {@link MatchKeys#SCHEME}: after an upgrade that changes the keys, every
 * customer's keys are rebuilt in the background, chunk by chunk, so duplicate checks find old customers by the new keys
 * too. One node claims the rebuild (a claim older than {@link #STALE} may be taken over); a restart resumes after the
 * last chunk done. Checks keep working meanwhile, on old keys for the customers not yet rebuilt.
 */
@Component
class MatchKeyRebuild {

    static final int CHUNK = 1000;
    static final Duration STALE = Duration.ofMinutes(10);
    static final int ATTEMPTS = 3;

    private static final Logger log = LoggerFactory.getLogger(MatchKeyRebuild.class);

    private final DSLContext db;
    private final MatchIndex index;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();

    MatchKeyRebuild(DSLContext db, MatchIndex index, TransactionTemplate tx, Clock clock) {
        this.db = db;
        this.index = index;
        this.tx = tx;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startIfOutdated() {
        if (outdated()) {
            Thread.ofVirtual().name("match-key-rebuild").start(this::run);
        }
    }

    boolean outdated() {
        Integer version = db.select(CUSTOMER_MATCH_KEY_SCHEME.VERSION)
                .from(CUSTOMER_MATCH_KEY_SCHEME)
                .where(CUSTOMER_MATCH_KEY_SCHEME.ID.eq(1))
                .fetchOne(CUSTOMER_MATCH_KEY_SCHEME.VERSION);
        return version == null || version != MatchKeys.SCHEME;
    }

    /** Rebuilds what is left if this node gets the claim; returns the number of customers rebuilt. */
    int run() {
        if (!claim()) {
            return 0;
        }
        var s = CUSTOMER_MATCH_KEY_SCHEME;
        long after = db.select(s.REBUILT_UPTO).from(s).where(s.ID.eq(1)).fetchOne(s.REBUILT_UPTO);
        log.info("rebuilding duplicate-check keys to scheme {} after customer {}", MatchKeys.SCHEME, after);
        int done = 0;
        try {
            while (true) {
                List<Long> ids = chunkWithRetries(after);
                if (ids.isEmpty()) {
                    break;
                }
                after = ids.getLast();
                done += ids.size();
                if (done % (CHUNK * 20) == 0) {
                    log.info("duplicate-check keys: {} customers rebuilt", done);
                }
            }
            db.update(s)
                    .set(s.VERSION, MatchKeys.SCHEME)
                    .set(s.REBUILT_UPTO, 0L)
                    .setNull(s.CLAIMED_BY)
                    .setNull(s.CLAIMED_AT)
                    .where(s.ID.eq(1))
                    .execute();
            log.info("duplicate-check keys rebuilt to scheme {}: {} customers", MatchKeys.SCHEME, done);
        } catch (RuntimeException e) {
            log.error(
                    "rebuilding duplicate-check keys stopped after {} customers; it resumes at the next start",
                    done,
                    e);
        }
        return done;
    }

    /** A chunk can lose a deadlock against a merge locking the same customers in another order: it is tried again. */
    private List<Long> chunkWithRetries(long after) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(t -> rebuildChunk(after));
            } catch (org.springframework.dao.TransientDataAccessException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.warn(
                        "duplicate-check key rebuild: chunk after customer {} failed ({}), trying again",
                        after,
                        e.getMessage());
            }
        }
    }

    /**
     * Rebuilds the next chunk after {@code after}, its customers locked so that a concurrent edit's re-index waits for
     * it, and records the progress with it.
     */
    private List<Long> rebuildChunk(long after) {
        List<Long> ids = db.select(CUSTOMERS.ID)
                .from(CUSTOMERS)
                .where(CUSTOMERS.ID.gt(after))
                .orderBy(CUSTOMERS.ID)
                .limit(CHUNK)
                .forUpdate()
                .fetch(CUSTOMERS.ID);
        if (ids.isEmpty()) {
            return ids;
        }
        index.replaceKeys(ids);
        var s = CUSTOMER_MATCH_KEY_SCHEME;
        db.update(s)
                .set(s.REBUILT_UPTO, ids.getLast())
                .set(s.CLAIMED_AT, OffsetDateTime.now(clock))
                .where(s.ID.eq(1))
                .execute();
        return ids;
    }

    private boolean claim() {
        var s = CUSTOMER_MATCH_KEY_SCHEME;
        OffsetDateTime now = OffsetDateTime.now(clock);
        return db.update(s)
                        .set(s.CLAIMED_BY, node)
                        .set(s.CLAIMED_AT, now)
                        .where(s.ID.eq(1))
                        .and(s.VERSION.ne(MatchKeys.SCHEME))
                        .and(s.CLAIMED_BY.isNull().or(s.CLAIMED_AT.lt(now.minus(STALE))))
                        .execute()
                == 1;
    }
}
