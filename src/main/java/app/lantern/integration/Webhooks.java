package app.lantern.integration;

import static lantern.db.Tables.INTEGRATION_WEBHOOKS;
import static lantern.db.Tables.INTEGRATION_WEBHOOK_ATTEMPTS;
import static lantern.db.Tables.INTEGRATION_WEBHOOK_DELIVERIES;

import app.lantern.audit.AuditLog;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.Role;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.ForbiddenException;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.Texts;
import app.lantern.shared.net.OutboundGuard;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outbound webhook subscriptions (admin only, every change audited) and their delivery log. Events are queued by
 * {@link #enqueue} in the database and sent by the {@link WebhookDispatcher}; a delivery can be replayed, which queues
 * a copy with the same event id so that receivers can tell it is the same event.
 */
@Service
@Transactional
public class Webhooks {

    static final String PENDING = "PENDING";
    static final String SENDING = "SENDING";
    static final String DELIVERED = "DELIVERED";
    static final String FAILED = "FAILED";
    static final String CANCELLED = "CANCELLED";
    public static final List<String> STATUSES = List.of(PENDING, SENDING, DELIVERED, FAILED, CANCELLED);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DSLContext db;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final Clock clock;
    private final OutboundGuard guard;
    private final WebhookDispatcher dispatcher;
    private final TransactionTemplate tx;

    Webhooks(
            DSLContext db,
            CurrentActor currentActor,
            AuditLog audit,
            Clock clock,
            OutboundGuard guard,
            WebhookDispatcher dispatcher,
            TransactionTemplate tx) {
        this.db = db;
        this.currentActor = currentActor;
        this.audit = audit;
        this.clock = clock;
        this.guard = guard;
        this.dispatcher = dispatcher;
        this.tx = tx;
    }

    public record Subscription(
            @JsonFormat(shape = JsonFormat.Shape.STRING) long id,
            String url,
            List<String> events,
            String description,
            boolean active,
            OffsetDateTime createdAt) {}

    /** A new subscription and its signing secret, shown once. */
    public record NewSubscription(Subscription subscription, String secret) {}

    public record Delivery(
            @JsonFormat(shape = JsonFormat.Shape.STRING) long id,
            @JsonFormat(shape = JsonFormat.Shape.STRING) long webhookId,
            String url,
            String eventId,
            String eventType,
            String status,
            int attempts,
            Integer lastStatus,
            String lastError,
            Long lastLatencyMs,
            @JsonFormat(shape = JsonFormat.Shape.STRING) Long replayOf,
            OffsetDateTime createdAt,
            OffsetDateTime nextAttemptAt,
            OffsetDateTime deliveredAt) {}

    public record Attempt(OffsetDateTime at, Integer statusCode, long latencyMs, String error) {}

    // ---- configuration

    @Transactional(readOnly = true)
    public List<Subscription> subscriptions() {
        requireAdmin();
        return db.selectFrom(INTEGRATION_WEBHOOKS)
                .orderBy(INTEGRATION_WEBHOOKS.ID)
                .fetch(r -> new Subscription(
                        r.getId(),
                        r.getUrl(),
                        events(r.getEvents()),
                        r.getDescription(),
                        r.getActive(),
                        r.getCreatedAt()));
    }

    /** Subscribes {@code url} to {@code events} (wire names); the URL must pass the outbound guard. */
    public NewSubscription subscribe(String url, List<String> events, String description) {
        requireAdmin();
        FieldErrors errors = new FieldErrors();
        String cleanUrl = url == null ? "" : url.strip();
        if (cleanUrl.isEmpty() || cleanUrl.length() > 500) {
            errors.add("url", "must be a URL of at most 500 characters");
        } else {
            guard.httpRefusal(cleanUrl).ifPresent(refusal -> errors.add("url", refusal));
        }
        List<String> chosen =
                events == null ? List.of() : events.stream().distinct().toList();
        if (chosen.isEmpty()) {
            errors.add("events", "choose at least one of " + WebhookEvent.wireNames());
        }
        chosen.stream()
                .filter(e -> WebhookEvent.byWireName(e).isEmpty())
                .findFirst()
                .ifPresent(e -> errors.add("events", e + " is not one of " + WebhookEvent.wireNames()));
        Texts.maxLength(errors, "description", description, 200);
        errors.throwIfAny();
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = db.insertInto(INTEGRATION_WEBHOOKS)
                .set(INTEGRATION_WEBHOOKS.URL, cleanUrl)
                .set(INTEGRATION_WEBHOOKS.SECRET, secret)
                .set(INTEGRATION_WEBHOOKS.EVENTS, String.join(",", chosen))
                .set(INTEGRATION_WEBHOOKS.DESCRIPTION, Texts.clean(description))
                .set(INTEGRATION_WEBHOOKS.CREATED_AT, now)
                .returning(INTEGRATION_WEBHOOKS.ID)
                .fetchOne()
                .getId();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("url", cleanUrl);
        fields.put("events", String.join(",", chosen));
        if (!Texts.isBlank(description)) {
            fields.put("description", description.strip());
        }
        audit.created("integration-webhook", id, fields);
        return new NewSubscription(new Subscription(id, cleanUrl, chosen, Texts.clean(description), true, now), secret);
    }

    /** Switches a subscription on or off; off cancels its pending deliveries, so no retry goes out any more. */
    public void setActive(long id, boolean active) {
        requireAdmin();
        var r = db.selectFrom(INTEGRATION_WEBHOOKS)
                .where(INTEGRATION_WEBHOOKS.ID.eq(id))
                .forUpdate()
                .fetchOptional()
                .orElseThrow(() -> NotFoundException.of("webhook", id));
        boolean before = r.getActive();
        r.setActive(active);
        r.update();
        int cancelled = active
                ? 0
                : db.update(INTEGRATION_WEBHOOK_DELIVERIES)
                        .set(INTEGRATION_WEBHOOK_DELIVERIES.STATUS, CANCELLED)
                        .set(INTEGRATION_WEBHOOK_DELIVERIES.VERSION, INTEGRATION_WEBHOOK_DELIVERIES.VERSION.plus(1))
                        .where(INTEGRATION_WEBHOOK_DELIVERIES.WEBHOOK_ID.eq(id))
                        .and(INTEGRATION_WEBHOOK_DELIVERIES.STATUS.in(PENDING, SENDING))
                        .execute();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("active", active);
        if (cancelled > 0) {
            after.put("cancelledDeliveries", cancelled);
        }
        audit.updated("integration-webhook", id, Map.of("active", before), after);
    }

    // ---- the log

    @Transactional(readOnly = true)
    public List<Delivery> deliveries(Long webhookId, String status, int limit) {
        requireAdmin();
        var d = INTEGRATION_WEBHOOK_DELIVERIES;
        List<Condition> where = new ArrayList<>();
        if (webhookId != null) {
            where.add(d.WEBHOOK_ID.eq(webhookId));
        }
        if (status != null && STATUSES.contains(status)) {
            where.add(d.STATUS.eq(status));
        }
        return db.select(d.asterisk(), INTEGRATION_WEBHOOKS.URL)
                .from(d)
                .join(INTEGRATION_WEBHOOKS)
                .on(INTEGRATION_WEBHOOKS.ID.eq(d.WEBHOOK_ID))
                .where(where)
                .orderBy(d.ID.desc())
                .limit(Math.min(Math.max(limit, 1), 500))
                .fetch(r -> new Delivery(
                        r.get(d.ID),
                        r.get(d.WEBHOOK_ID),
                        r.get(INTEGRATION_WEBHOOKS.URL),
                        r.get(d.EVENT_ID),
                        r.get(d.EVENT_TYPE),
                        r.get(d.STATUS),
                        r.get(d.ATTEMPTS),
                        r.get(d.LAST_STATUS),
                        r.get(d.LAST_ERROR),
                        r.get(d.LAST_LATENCY_MS),
                        r.get(d.REPLAY_OF) == 0 ? null : r.get(d.REPLAY_OF),
                        r.get(d.CREATED_AT),
                        r.get(d.NEXT_ATTEMPT_AT),
                        r.get(d.DELIVERED_AT)));
    }

    @Transactional(readOnly = true)
    public Delivery delivery(long id) {
        requireAdmin();
        if (!db.fetchExists(INTEGRATION_WEBHOOK_DELIVERIES, INTEGRATION_WEBHOOK_DELIVERIES.ID.eq(id))) {
            throw NotFoundException.of("delivery", id);
        }
        return one(id);
    }

    private Delivery one(long id) {
        var d = INTEGRATION_WEBHOOK_DELIVERIES;
        var r = db.select(d.asterisk(), INTEGRATION_WEBHOOKS.URL)
                .from(d)
                .join(INTEGRATION_WEBHOOKS)
                .on(INTEGRATION_WEBHOOKS.ID.eq(d.WEBHOOK_ID))
                .where(d.ID.eq(id))
                .fetchOne();
        return new Delivery(
                r.get(d.ID),
                r.get(d.WEBHOOK_ID),
                r.get(INTEGRATION_WEBHOOKS.URL),
                r.get(d.EVENT_ID),
                r.get(d.EVENT_TYPE),
                r.get(d.STATUS),
                r.get(d.ATTEMPTS),
                r.get(d.LAST_STATUS),
                r.get(d.LAST_ERROR),
                r.get(d.LAST_LATENCY_MS),
                r.get(d.REPLAY_OF) == 0 ? null : r.get(d.REPLAY_OF),
                r.get(d.CREATED_AT),
                r.get(d.NEXT_ATTEMPT_AT),
                r.get(d.DELIVERED_AT));
    }

    /** Every attempt of a delivery, oldest first. */
    @Transactional(readOnly = true)
    public List<Attempt> attempts(long deliveryId) {
        requireAdmin();
        var a = INTEGRATION_WEBHOOK_ATTEMPTS;
        return db.selectFrom(a)
                .where(a.DELIVERY_ID.eq(deliveryId))
                .orderBy(a.ID)
                .fetch(r -> new Attempt(r.getAttemptedAt(), r.getStatusCode(), r.getLatencyMs(), r.getError()));
    }

    /**
     * Queues the delivery again as a new delivery of the same event (same body and event id) to the same
     * subscription, which must be active; returns the new delivery's id.
     */
    public long replay(long deliveryId) {
        requireAdmin();
        var original = db.selectFrom(INTEGRATION_WEBHOOK_DELIVERIES)
                .where(INTEGRATION_WEBHOOK_DELIVERIES.ID.eq(deliveryId))
                .fetchOptional()
                .orElseThrow(() -> NotFoundException.of("delivery", deliveryId));
        boolean active = db.select(INTEGRATION_WEBHOOKS.ACTIVE)
                .from(INTEGRATION_WEBHOOKS)
                .where(INTEGRATION_WEBHOOKS.ID.eq(original.getWebhookId()))
                .fetchOne(INTEGRATION_WEBHOOKS.ACTIVE);
        if (!active) {
            throw app.lantern.shared.ValidationException.field("webhook", "is switched off; switch it on to replay");
        }
        long id = insertDelivery(
                original.getWebhookId(),
                original.getEventId(),
                original.getEventType(),
                original.getBody(),
                deliveryId);
        audit.recorded(
                "integration-webhook",
                original.getWebhookId(),
                "delivery.replayed",
                Map.of("delivery", deliveryId, "replay", id, "event", original.getEventType()));
        return id;
    }

    /** Sends a {@code ping} event to the subscription now and returns the outcome of that one attempt. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public Delivery test(long webhookId) {
        requireAdmin();
        var hook = db.selectFrom(INTEGRATION_WEBHOOKS)
                .where(INTEGRATION_WEBHOOKS.ID.eq(webhookId))
                .fetchOptional()
                .orElseThrow(() -> NotFoundException.of("webhook", webhookId));
        String eventId = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = tx.execute(s -> {
            long queued = insertDelivery(
                    hook.getId(), eventId, WebhookEvent.PING, body(eventId, WebhookEvent.PING, now, Map.of()), 0);
            audit.recorded("integration-webhook", webhookId, "tested", Map.of("delivery", queued));
            return queued;
        });
        dispatcher.deliverNow(id);
        return one(id);
    }

    // ---- queueing (called by the event listeners)

    /**
     * Queues {@code event} for every active subscription to it. {@code eventId} is stable for one fact, so a listener
     * that runs again (after a failure) queues nothing twice.
     */
    void enqueue(WebhookEvent event, String eventId, OffsetDateTime occurredAt, Map<String, Object> data) {
        String body = body(eventId, event.wireName(), occurredAt, data);
        for (var hook : db.selectFrom(INTEGRATION_WEBHOOKS)
                .where(INTEGRATION_WEBHOOKS.ACTIVE.isTrue())
                .fetch()) {
            if (events(hook.getEvents()).contains(event.wireName())) {
                insertDelivery(hook.getId(), eventId, event.wireName(), body, 0);
            }
        }
    }

    private long insertDelivery(long webhookId, String eventId, String type, String body, long replayOf) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        try {
            return insert(webhookId, eventId, type, body, replayOf, now);
        } catch (DataIntegrityViolationException | IntegrityConstraintViolationException alreadyQueued) {
            return 0L; // a concurrent run of the same listener queued it a moment ago
        }
    }

    private long insert(long webhookId, String eventId, String type, String body, long replayOf, OffsetDateTime now) {
        var d = INTEGRATION_WEBHOOK_DELIVERIES;
        return db.insertInto(d)
                .set(d.WEBHOOK_ID, webhookId)
                .set(d.EVENT_ID, eventId)
                .set(d.EVENT_TYPE, type)
                .set(d.BODY, body)
                .set(d.STATUS, PENDING)
                .set(d.NEXT_ATTEMPT_AT, now)
                .set(d.REPLAY_OF, replayOf)
                .set(d.CREATED_AT, now)
                .onConflictDoNothing()
                .returningResult(d.ID)
                .fetchOptional(d.ID)
                .orElse(0L);
    }

    private static String body(String eventId, String type, OffsetDateTime occurredAt, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", eventId);
        body.put("type", type);
        body.put("occurredAt", occurredAt.toString());
        body.put("data", data);
        return JSON.writeValueAsString(body);
    }

    private static List<String> events(String csv) {
        return Arrays.stream(csv.split(",")).filter(s -> !s.isBlank()).toList();
    }

    private void requireAdmin() {
        if (!currentActor.require().has(Role.ADMIN)) {
            throw new ForbiddenException("only administrators configure webhooks");
        }
    }
}
