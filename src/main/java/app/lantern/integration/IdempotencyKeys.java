package app.lantern.integration;

import static lantern.db.Tables.INTEGRATION_IDEMPOTENCY_KEYS;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * The stored outcomes of requests sent with an {@code Idempotency-Key}, one row per caller and key for 24 hours. The
 * row is inserted <em>before</em> the request runs (state IN_FLIGHT); the unique key on (caller, key) decides, across
 * all nodes, which of two concurrent requests runs. Each statement commits on its own (no surrounding transaction), so
 * the claim is visible to other nodes at once.
 */
@Component
class IdempotencyKeys {

    static final Duration RETENTION = Duration.ofHours(24);
    /** A claim older than this whose request never finished (its node died) no longer blocks the key. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);

    static final String IN_FLIGHT = "IN_FLIGHT";
    static final String DONE = "DONE";

    sealed interface Begin {}

    record Proceed(long id) implements Begin {}

    record Replay(int status, String contentType, String location, String body) implements Begin {}

    record Mismatch() implements Begin {}

    record InFlight() implements Begin {}

    private final DSLContext db;
    private final Clock clock;

    IdempotencyKeys(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    Begin begin(long userId, String key, String requestHash) {
        var k = INTEGRATION_IDEMPOTENCY_KEYS;
        for (int round = 0; round < 3; round++) {
            OffsetDateTime now = OffsetDateTime.now(clock);
            Optional<Long> claimed = claim(userId, key, requestHash, now);
            if (claimed.isPresent()) {
                return new Proceed(claimed.get());
            }
            var existing = db.selectFrom(k)
                    .where(k.USER_ID.eq(userId))
                    .and(k.IDEM_KEY.eq(key))
                    .fetchOne();
            if (existing == null) {
                continue; // purged or released between our insert and read
            }
            if (existing.getExpiresAt().isBefore(now)
                    || IN_FLIGHT.equals(existing.getState())
                            && existing.getCreatedAt().isBefore(now.minus(ABANDONED_AFTER))) {
                db.deleteFrom(k)
                        .where(k.ID.eq(existing.getId()))
                        .and(k.STATE.eq(existing.getState()))
                        .and(k.CREATED_AT.eq(existing.getCreatedAt()))
                        .execute();
                continue;
            }
            if (!existing.getRequestHash().equals(requestHash)) {
                return new Mismatch();
            }
            if (IN_FLIGHT.equals(existing.getState())) {
                return new InFlight();
            }
            return new Replay(
                    existing.getStatus(), existing.getContentType(), existing.getLocation(), existing.getBody());
        }
        return new InFlight();
    }

    private Optional<Long> claim(long userId, String key, String requestHash, OffsetDateTime now) {
        var k = INTEGRATION_IDEMPOTENCY_KEYS;
        try {
            return db.insertInto(k)
                    .set(k.USER_ID, userId)
                    .set(k.IDEM_KEY, key)
                    .set(k.REQUEST_HASH, requestHash)
                    .set(k.STATE, IN_FLIGHT)
                    .set(k.CREATED_AT, now)
                    .set(k.EXPIRES_AT, now.plus(RETENTION))
                    .onConflict(k.USER_ID, k.IDEM_KEY)
                    .doNothing()
                    .returningResult(k.ID)
                    .fetchOptional(k.ID);
        } catch (DataIntegrityViolationException | IntegrityConstraintViolationException lostTheRace) {
            return Optional.empty();
        }
    }

    void complete(long id, int status, String contentType, String location, String body) {
        var k = INTEGRATION_IDEMPOTENCY_KEYS;
        db.update(k)
                .set(k.STATE, DONE)
                .set(k.STATUS, status)
                .set(k.CONTENT_TYPE, contentType)
                .set(k.LOCATION, location)
                .set(k.BODY, body)
                .where(k.ID.eq(id))
                .execute();
    }

    /** The request failed on the server's side: the key is free for a retry. */
    void release(long id) {
        var k = INTEGRATION_IDEMPOTENCY_KEYS;
        db.deleteFrom(k).where(k.ID.eq(id)).and(k.STATE.eq(IN_FLIGHT)).execute();
    }

    /** Deletes expired keys (a scheduled job); returns how many. */
    int purgeExpired() {
        var k = INTEGRATION_IDEMPOTENCY_KEYS;
        return db.deleteFrom(k)
                .where(k.EXPIRES_AT.lt(OffsetDateTime.now(clock)))
                .execute();
    }
}
