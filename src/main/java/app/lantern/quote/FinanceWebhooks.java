package app.lantern.quote;

import static lantern.db.Tables.QUOTE_WEBHOOKS;
import static lantern.db.Tables.QUOTE_WEBHOOK_DELIVERIES;

import app.lantern.audit.AuditLog;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.Role;
import app.lantern.shared.ForbiddenException;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.Texts;
import app.lantern.shared.ValidationException;
import app.lantern.shared.net.OutboundGuard;
import app.lantern.shared.net.WebhookSignature;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lantern.db.tables.records.QuoteWebhookDeliveriesRecord;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finance systems: signed outbound webhooks on {@code quote.signed} / {@code quote.stamped}, queued in the signing
 * transaction and delivered with retries and backoff while the webhook is active (the inbound callback is
 * {@link InboundStampCallbacks}).
 */
@Service
@Transactional
public class FinanceWebhooks {

    static final int MAX_ATTEMPTS = 6;
    static final String PENDING = "PENDING";
    static final String CANCELLED = "CANCELLED";
    private static final Duration[] BACKOFF = {
        Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(12)
    };
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DSLContext db;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final QuoteSigning signing;
    private final Clock clock;
    private final OutboundGuard guard;
    private final String inboundSecret;

    FinanceWebhooks(
            DSLContext db,
            CurrentActor currentActor,
            AuditLog audit,
            QuoteSigning signing,
            Clock clock,
            OutboundGuard guard,
            @Value("${lantern.quote.inbound-secret:${LANTERN_QUOTE_INBOUND_SECRET:}}") String inboundSecret) {
        this.db = db;
        this.currentActor = currentActor;
        this.audit = audit;
        this.signing = signing;
        this.clock = clock;
        this.guard = guard;
        this.inboundSecret = inboundSecret;
    }

    public record Webhook(
            @JsonFormat(shape = JsonFormat.Shape.STRING) long id,
            String url,
            boolean active,
            OffsetDateTime createdAt) {}

    /** A new webhook and its secret, shown once. */
    public record NewWebhook(Webhook webhook, String secret) {}

    public record Delivery(
            @JsonFormat(shape = JsonFormat.Shape.STRING) long id,
            String url,
            String event,
            String status,
            int attempts,
            Integer lastStatus,
            String lastError,
            OffsetDateTime createdAt,
            OffsetDateTime deliveredAt) {}

    // ---- admin configuration

    @Transactional(readOnly = true)
    public List<Webhook> webhooks() {
        requireAdmin();
        return db.selectFrom(QUOTE_WEBHOOKS)
                .orderBy(QUOTE_WEBHOOKS.ID)
                .fetch(r -> new Webhook(r.getId(), r.getUrl(), r.getActive(), r.getCreatedAt()));
    }

    @Transactional(readOnly = true)
    public List<Delivery> recentDeliveries(int limit) {
        requireAdmin();
        return db.select(QUOTE_WEBHOOK_DELIVERIES.asterisk(), QUOTE_WEBHOOKS.URL)
                .from(QUOTE_WEBHOOK_DELIVERIES)
                .join(QUOTE_WEBHOOKS)
                .on(QUOTE_WEBHOOKS.ID.eq(QUOTE_WEBHOOK_DELIVERIES.WEBHOOK_ID))
                .orderBy(QUOTE_WEBHOOK_DELIVERIES.ID.desc())
                .limit(limit)
                .fetch(r -> new Delivery(
                        r.get(QUOTE_WEBHOOK_DELIVERIES.ID),
                        r.get(QUOTE_WEBHOOKS.URL),
                        r.get(QUOTE_WEBHOOK_DELIVERIES.EVENT),
                        r.get(QUOTE_WEBHOOK_DELIVERIES.STATUS),
                        r.get(QUOTE_WEBHOOK_DELIVERIES.ATTEMPTS),
                        r.get(QUOTE_WEBHOOK_DELIVERIES.LAST_STATUS),
                        r.get(QUOTE_WEBHOOK_DELIVERIES.LAST_ERROR),
                        r.get(QUOTE_WEBHOOK_DELIVERIES.CREATED_AT),
                        r.get(QUOTE_WEBHOOK_DELIVERIES.DELIVERED_AT)));
    }

    public NewWebhook addWebhook(String url) {
        requireAdmin();
        if (Texts.isBlank(url) || url.length() > 500) {
            throw ValidationException.field("url", "must be a URL of at most 500 characters");
        }
        guard.httpRefusal(url).ifPresent(refusal -> {
            throw ValidationException.field("url", refusal);
        });
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = db.insertInto(QUOTE_WEBHOOKS)
                .set(QUOTE_WEBHOOKS.URL, url.strip())
                .set(QUOTE_WEBHOOKS.SECRET, secret)
                .set(QUOTE_WEBHOOKS.CREATED_AT, now)
                .returning(QUOTE_WEBHOOKS.ID)
                .fetchOne()
                .getId();
        audit.created("quote-webhook", id, Map.of("url", url.strip()));
        return new NewWebhook(new Webhook(id, url.strip(), true, now), secret);
    }

    /** Switches a webhook on or off; switching it off cancels its pending deliveries and their retries. */
    public void setActive(long id, boolean active) {
        requireAdmin();
        var r = db.selectFrom(QUOTE_WEBHOOKS)
                .where(QUOTE_WEBHOOKS.ID.eq(id))
                .forUpdate()
                .fetchOptional()
                .orElseThrow(() -> NotFoundException.of("webhook", id));
        boolean before = r.getActive();
        r.setActive(active);
        r.update();
        int cancelled = active
                ? 0
                : db.update(QUOTE_WEBHOOK_DELIVERIES)
                        .set(QUOTE_WEBHOOK_DELIVERIES.STATUS, CANCELLED)
                        .where(QUOTE_WEBHOOK_DELIVERIES.WEBHOOK_ID.eq(id))
                        .and(QUOTE_WEBHOOK_DELIVERIES.STATUS.eq(PENDING))
                        .execute();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("active", active);
        if (cancelled > 0) {
            after.put("cancelledDeliveries", cancelled);
        }
        audit.updated("quote-webhook", id, Map.of("active", before), after);
    }

    private void requireAdmin() {
        if (!currentActor.require().has(Role.ADMIN)) {
            throw new ForbiddenException("only administrators configure finance webhooks");
        }
    }

    // ---- outbound

    @EventListener
    void on(QuoteSigned e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "quote.signed");
        body.put("quoteId", String.valueOf(e.quoteId()));
        body.put("number", e.number());
        body.put("signedAt", e.signedAt().toString());
        body.put("stampDueAt", e.stampDueAt().toString());
        enqueue("quote.signed", body);
    }

    @EventListener
    void on(QuoteStamped e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "quote.stamped");
        body.put("quoteId", String.valueOf(e.quoteId()));
        body.put("number", e.number());
        body.put("stampedAt", e.stampedAt().toString());
        body.put("external", e.external());
        enqueue("quote.stamped", body);
    }

    private void enqueue(String event, Map<String, Object> body) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String json = JSON.writeValueAsString(body);
        for (var hook : db.selectFrom(QUOTE_WEBHOOKS)
                .where(QUOTE_WEBHOOKS.ACTIVE.isTrue())
                .fetch()) {
            db.insertInto(QUOTE_WEBHOOK_DELIVERIES)
                    .set(QUOTE_WEBHOOK_DELIVERIES.WEBHOOK_ID, hook.getId())
                    .set(QUOTE_WEBHOOK_DELIVERIES.EVENT, event)
                    .set(QUOTE_WEBHOOK_DELIVERIES.BODY, json)
                    .set(QUOTE_WEBHOOK_DELIVERIES.STATUS, PENDING)
                    .set(QUOTE_WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT, now)
                    .set(QUOTE_WEBHOOK_DELIVERIES.CREATED_AT, now)
                    .execute();
        }
    }

    /** Delivers due webhook calls (run every minute by the scheduler); returns how many succeeded. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int deliverDue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<QuoteWebhookDeliveriesRecord> due = db.select(QUOTE_WEBHOOK_DELIVERIES.asterisk())
                .from(QUOTE_WEBHOOK_DELIVERIES)
                .join(QUOTE_WEBHOOKS)
                .on(QUOTE_WEBHOOKS.ID.eq(QUOTE_WEBHOOK_DELIVERIES.WEBHOOK_ID))
                .where(QUOTE_WEBHOOK_DELIVERIES.STATUS.eq(PENDING))
                .and(QUOTE_WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT.le(now))
                .and(QUOTE_WEBHOOKS.ACTIVE.isTrue())
                .orderBy(QUOTE_WEBHOOK_DELIVERIES.ID)
                .limit(50)
                .fetchInto(QUOTE_WEBHOOK_DELIVERIES);
        int ok = 0;
        for (QuoteWebhookDeliveriesRecord d : due) {
            var hook = db.selectFrom(QUOTE_WEBHOOKS)
                    .where(QUOTE_WEBHOOKS.ID.eq(d.getWebhookId()))
                    .fetchOne();
            Integer status = null;
            String error = null;
            long ts = OffsetDateTime.now(clock).toEpochSecond();
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(hook.getUrl()))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header("User-Agent", "Lantern-Webhooks/1")
                        .header("X-Lantern-Event", d.getEvent())
                        .header("X-Lantern-Delivery", String.valueOf(d.getId()))
                        .header(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(ts))
                        .header(
                                WebhookSignature.SIGNATURE_HEADER,
                                WebhookSignature.sign(hook.getSecret(), ts, d.getBody()))
                        .POST(HttpRequest.BodyPublishers.ofString(d.getBody()))
                        .build();
                status = guard.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status < 200 || status >= 300) {
                    error = "HTTP " + status;
                }
            } catch (java.io.IOException | IllegalArgumentException e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ok;
            }
            int attempts = d.getAttempts() + 1;
            var update = db.update(QUOTE_WEBHOOK_DELIVERIES)
                    .set(QUOTE_WEBHOOK_DELIVERIES.ATTEMPTS, attempts)
                    .set(QUOTE_WEBHOOK_DELIVERIES.LAST_STATUS, status);
            if (error == null) {
                update.set(QUOTE_WEBHOOK_DELIVERIES.STATUS, "DELIVERED")
                        .set(QUOTE_WEBHOOK_DELIVERIES.DELIVERED_AT, OffsetDateTime.now(clock))
                        .set(QUOTE_WEBHOOK_DELIVERIES.LAST_ERROR, (String) null)
                        .where(QUOTE_WEBHOOK_DELIVERIES.ID.eq(d.getId()))
                        .execute();
                ok++;
            } else {
                boolean giveUp = attempts >= MAX_ATTEMPTS;
                update.set(QUOTE_WEBHOOK_DELIVERIES.STATUS, giveUp ? "FAILED" : PENDING)
                        .set(
                                QUOTE_WEBHOOK_DELIVERIES.LAST_ERROR,
                                error.length() > 500 ? error.substring(0, 500) : error)
                        .set(
                                QUOTE_WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT,
                                OffsetDateTime.now(clock).plus(BACKOFF[Math.min(attempts - 1, BACKOFF.length - 1)]))
                        .where(QUOTE_WEBHOOK_DELIVERIES.ID.eq(d.getId()))
                        .execute();
            }
        }
        return ok;
    }
}
