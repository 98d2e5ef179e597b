package app.lantern.integration;

import static lantern.db.Tables.INTEGRATION_WEBHOOKS;
import static lantern.db.Tables.INTEGRATION_WEBHOOK_ATTEMPTS;
import static lantern.db.Tables.INTEGRATION_WEBHOOK_DELIVERIES;

import app.lantern.shared.net.OutboundGuard;
import app.lantern.shared.net.WebhookSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record2;

/**
 * Sends due webhook deliveries from the outbox, on any number of nodes at once: a delivery is <b>claimed</b> with a
 * conditional update on its version (status SENDING and a lease), <b>sent</b> outside any transaction with a timeout
 * shorter than the lease, and <b>marked</b> (again conditional on the version) DELIVERED on a 2xx answer, or PENDING
 * with exponential backoff, or FAILED after the last attempt. A node that dies mid-send leaves a lease that expires,
 * and the delivery is claimed again: receivers see at least once, and deduplicate by the event id in the body. Every
 * attempt is logged with the status code and latency. A subscription switched off cancels its deliveries, and a
 * claimed delivery whose subscription was switched off meanwhile is cancelled instead of sent.
 */
class WebhookDispatcher {

    /** Backoff {@code base * 2^(attempt-1)} capped at {@code maxBackoff}; FAILED after {@code maxAttempts}. */
    record Policy(Duration base, Duration maxBackoff, int maxAttempts, Duration timeout) {
        Duration backoff(int attempts) {
            Duration d = base.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
            return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
        }

        Duration lease() {
            return timeout.plusSeconds(30);
        }
    }

    private final DSLContext db;
    private final OutboundGuard guard;
    private final Clock clock;
    private final Policy policy;

    WebhookDispatcher(DSLContext db, OutboundGuard guard, Clock clock, Policy policy) {
        this.db = db;
        this.guard = guard;
        this.clock = clock;
        this.policy = policy;
    }

    /** Claims and sends up to {@code max} due deliveries; returns how many were attempted. */
    int deliverDue(int max) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        var d = INTEGRATION_WEBHOOK_DELIVERIES;
        List<Record2<Long, Integer>> due = db.select(d.ID, d.VERSION)
                .from(d)
                .where(d.STATUS
                        .eq(Webhooks.PENDING)
                        .and(d.NEXT_ATTEMPT_AT.le(now))
                        .or(d.STATUS.eq(Webhooks.SENDING).and(d.LEASE_UNTIL.lt(now))))
                .orderBy(d.NEXT_ATTEMPT_AT, d.ID)
                .limit(max)
                .fetch();
        int attempted = 0;
        for (Record2<Long, Integer> r : due) {
            if (claim(r.get(d.ID), r.get(d.VERSION))) {
                send(r.get(d.ID), r.get(d.VERSION) + 1);
                attempted++;
            }
        }
        return attempted;
    }

    /** Sends one delivery now if it is still pending (the admin's test button). */
    void deliverNow(long id) {
        var d = INTEGRATION_WEBHOOK_DELIVERIES;
        var r = db.select(d.VERSION, d.STATUS).from(d).where(d.ID.eq(id)).fetchOne();
        if (r != null && Webhooks.PENDING.equals(r.get(d.STATUS)) && claim(id, r.get(d.VERSION))) {
            send(id, r.get(d.VERSION) + 1);
        }
    }

    private boolean claim(long id, int version) {
        var d = INTEGRATION_WEBHOOK_DELIVERIES;
        OffsetDateTime now = OffsetDateTime.now(clock);
        return db.update(d)
                        .set(d.STATUS, Webhooks.SENDING)
                        .set(d.LEASE_UNTIL, now.plus(policy.lease()))
                        .set(d.VERSION, version + 1)
                        .where(d.ID.eq(id))
                        .and(d.VERSION.eq(version))
                        .execute()
                == 1;
    }

    private void send(long id, int version) {
        var d = INTEGRATION_WEBHOOK_DELIVERIES;
        var row = db.select(
                        d.BODY,
                        d.EVENT_TYPE,
                        d.ATTEMPTS,
                        INTEGRATION_WEBHOOKS.URL,
                        INTEGRATION_WEBHOOKS.SECRET,
                        INTEGRATION_WEBHOOKS.ACTIVE)
                .from(d)
                .join(INTEGRATION_WEBHOOKS)
                .on(INTEGRATION_WEBHOOKS.ID.eq(d.WEBHOOK_ID))
                .where(d.ID.eq(id))
                .fetchOne();
        if (!row.get(INTEGRATION_WEBHOOKS.ACTIVE)) {
            db.update(d)
                    .set(d.STATUS, Webhooks.CANCELLED)
                    .set(d.VERSION, version + 1)
                    .where(d.ID.eq(id).and(d.VERSION.eq(version)))
                    .execute();
            return;
        }
        String body = row.get(d.BODY);
        long ts = OffsetDateTime.now(clock).toEpochSecond();
        Integer status = null;
        String error = null;
        long started = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(row.get(INTEGRATION_WEBHOOKS.URL)))
                    .timeout(policy.timeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "Lantern-Webhooks/1")
                    .header("X-Lantern-Event", row.get(d.EVENT_TYPE))
                    .header("X-Lantern-Delivery", String.valueOf(id))
                    .header(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(ts))
                    .header(
                            WebhookSignature.SIGNATURE_HEADER,
                            WebhookSignature.sign(row.get(INTEGRATION_WEBHOOKS.SECRET), ts, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            status = guard.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status < 200 || status >= 300) {
                error = "HTTP " + status;
            }
        } catch (IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        long latency = Duration.ofNanos(System.nanoTime() - started).toMillis();
        mark(id, version, row.get(d.ATTEMPTS) + 1, status, error, latency);
    }

    private void mark(long id, int version, int attempts, Integer status, String error, long latency) {
        var d = INTEGRATION_WEBHOOK_DELIVERIES;
        OffsetDateTime now = OffsetDateTime.now(clock);
        String shortError = error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
        db.insertInto(INTEGRATION_WEBHOOK_ATTEMPTS)
                .set(INTEGRATION_WEBHOOK_ATTEMPTS.DELIVERY_ID, id)
                .set(INTEGRATION_WEBHOOK_ATTEMPTS.ATTEMPTED_AT, now)
                .set(INTEGRATION_WEBHOOK_ATTEMPTS.STATUS_CODE, status)
                .set(INTEGRATION_WEBHOOK_ATTEMPTS.LATENCY_MS, latency)
                .set(INTEGRATION_WEBHOOK_ATTEMPTS.ERROR, shortError)
                .execute();
        var update = db.update(d)
                .set(d.ATTEMPTS, attempts)
                .set(d.LAST_STATUS, status)
                .set(d.LAST_ERROR, shortError)
                .set(d.LAST_LATENCY_MS, latency)
                .set(d.LEASE_UNTIL, (OffsetDateTime) null)
                .set(d.VERSION, version + 1);
        if (error == null) {
            update.set(d.STATUS, Webhooks.DELIVERED).set(d.DELIVERED_AT, now);
        } else if (attempts >= policy.maxAttempts()) {
            update.set(d.STATUS, Webhooks.FAILED);
        } else {
            update.set(d.STATUS, Webhooks.PENDING).set(d.NEXT_ATTEMPT_AT, now.plus(policy.backoff(attempts)));
        }
        // a subscription switched off during the send has cancelled the row (version moved on): leave it cancelled
        update.where(d.ID.eq(id)).and(d.VERSION.eq(version)).execute();
    }
}
