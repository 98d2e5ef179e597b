package app.lantern.quote;

import static lantern.db.Tables.QUOTE_INBOUND_NONCES;

import app.lantern.audit.AuditLog;
import app.lantern.shared.ConflictException;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.ValidationException;
import app.lantern.shared.net.WebhookSignature;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inbound callback by which a finance system reports a quote stamped. The endpoint takes unauthenticated calls, so
 * a refused call leaves no audit row (anyone could flood the log): refusals are counted in the meter
 * {@code lantern.quote.inbound.rejected} by reason and summed up in one log line a minute. Each source address may call
 * {@code lantern.quote.inbound-per-minute} times a minute; beyond that it is answered 429 without any further work. A
 * call with a valid signature is audited like any change of the quote.
 */
@Service
@Transactional
public class InboundStampCallbacks {

    static final String REJECTED_METER = "lantern.quote.inbound.rejected";
    private static final Logger log = LoggerFactory.getLogger(InboundStampCallbacks.class);
    private static final int MAX_TRACKED_SOURCES = 10_000;
    private static final Duration SUMMARY_EVERY = Duration.ofMinutes(1);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DSLContext db;
    private final AuditLog audit;
    private final QuoteSeal seal;
    private final Clock clock;
    private final MeterRegistry meters;
    private final String inboundSecret;
    private final int perMinute;
    private final Map<String, Bucket> sources = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_TRACKED_SOURCES;
        }
    };
    private final Map<String, Integer> unreported = new TreeMap<>();
    private OffsetDateTime lastSummary;

    InboundStampCallbacks(
            DSLContext db,
            AuditLog audit,
            QuoteSeal seal,
            Clock clock,
            MeterRegistry meters,
            @Value("${lantern.quote.inbound-secret:${LANTERN_QUOTE_INBOUND_SECRET:}}") String inboundSecret,
            @Value("${lantern.quote.inbound-per-minute:30}") int perMinute) {
        this.db = db;
        this.audit = audit;
        this.seal = seal;
        this.clock = clock;
        this.meters = meters;
        this.inboundSecret = inboundSecret;
        this.perMinute = perMinute;
    }

    /**
     * A finance system reports a quote stamped. The body is {@code {"number":"QT-2026-000123","revision":1,"reference":"…"}}
     * signed like outbound webhooks with the inbound secret ({@code LANTERN_QUOTE_INBOUND_SECRET}). Timestamps outside
     * ±5 minutes and signatures already used are refused.
     */
    @Transactional(
            noRollbackFor = {
                InboundRefused.class,
                ConflictException.class,
                NotFoundException.class,
                ValidationException.class
            })
    public QuoteView stampedCallback(String timestampHeader, String signatureHeader, String body, String ip) {
        if (!admit(ip)) {
            refuse(429, "too many calls from this address; try again in a minute", "throttled");
        }
        if (inboundSecret.isEmpty()) {
            refuse(401, "inbound callbacks are disabled: no inbound secret is configured", "disabled");
        }
        long ts;
        try {
            ts = Long.parseLong(timestampHeader == null ? "" : timestampHeader.strip());
        } catch (NumberFormatException e) {
            refuse(401, "missing or malformed " + WebhookSignature.TIMESTAMP_HEADER, "malformed timestamp");
            return null;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (Math.abs(now.toEpochSecond() - ts) > WebhookSignature.WINDOW_SECONDS) {
            refuse(401, "stale or future timestamp (allowed window ±5 minutes)", "stale timestamp");
        }
        if (!WebhookSignature.matches(inboundSecret, ts, body, signatureHeader)) {
            refuse(401, "bad signature", "bad signature");
        }
        String signature = WebhookSignature.sign(inboundSecret, ts, body);
        db.deleteFrom(QUOTE_INBOUND_NONCES)
                .where(QUOTE_INBOUND_NONCES.RECEIVED_AT.lt(now.minusMinutes(30)))
                .execute();
        if (db.fetchExists(QUOTE_INBOUND_NONCES, QUOTE_INBOUND_NONCES.SIGNATURE.eq(signature))) {
            refuse(409, "replayed request: this signature was already used", "replay");
        }
        try {
            db.insertInto(QUOTE_INBOUND_NONCES)
                    .set(QUOTE_INBOUND_NONCES.SIGNATURE, signature)
                    .set(QUOTE_INBOUND_NONCES.RECEIVED_AT, now)
                    .execute();
        } catch (DuplicateKeyException e) {
            refuse(409, "replayed request: this signature was already used", "replay");
        }
        Map<String, Object> payload;
        try {
            payload = JSON.readValue(body, Map.class);
        } catch (RuntimeException e) {
            throw ValidationException.field("body", "must be a JSON object");
        }
        Object number = payload.get("number");
        Object revision = payload.getOrDefault("revision", 1);
        Object reference = payload.get("reference");
        if (!(number instanceof String n) || !n.matches("QT-\\d{4}-\\d{6}")) {
            throw ValidationException.field("number", "must be a quote number like QT-2026-000123");
        }
        if (!(revision instanceof Number rev) || rev.intValue() < 1) {
            throw ValidationException.field("revision", "must be 1 or more");
        }
        if (reference != null && (!(reference instanceof String ref) || ref.length() > 100)) {
            throw ValidationException.field("reference", "must be text of at most 100 characters");
        }
        try {
            return seal.markStampedExternally(n, rev.intValue(), (String) reference);
        } catch (ConflictException | NotFoundException e) {
            // the caller proved it holds the secret: its refused report is worth an audit entry
            audit.recordedBy(
                    null,
                    "quote-inbound",
                    n,
                    "inbound.stamped.rejected",
                    Map.of("reason", e.getMessage(), "ip", String.valueOf(ip)));
            throw e;
        }
    }

    private synchronized boolean admit(String ip) {
        return sources.computeIfAbsent(
                        String.valueOf(ip),
                        k -> Bucket.builder()
                                .addLimit(Bandwidth.builder()
                                        .capacity(perMinute)
                                        .refillGreedy(perMinute, Duration.ofMinutes(1))
                                        .build())
                                .build())
                .tryConsume(1);
    }

    private void refuse(int status, String message, String reason) {
        meters.counter(REJECTED_METER, "reason", reason).increment();
        tally(reason);
        throw new InboundRefused(status, message);
    }

    /** Counts the refusal; at most once a minute, one log line sums up the refusals since the last one. */
    private synchronized void tally(String reason) {
        unreported.merge(reason, 1, Integer::sum);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (lastSummary == null || !now.isBefore(lastSummary.plus(SUMMARY_EVERY))) {
            log.warn(
                    "inbound stamp callbacks refused since {}: {}",
                    lastSummary == null ? "start" : lastSummary,
                    unreported);
            unreported.clear();
            lastSummary = now;
        }
    }

    /** Why an inbound call was refused; answered 401 (authentication), 409 (replay) or 429 (too many calls). */
    public static class InboundRefused extends RuntimeException {
        private final int status;

        InboundRefused(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
