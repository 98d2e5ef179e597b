package app.lantern.integration;

import static lantern.db.Tables.INTEGRATION_WECOM_EVENTS;
import static lantern.db.Tables.INTEGRATION_WECOM_NONCES;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The WeCom callback URL: verifies and decrypts what WeCom sends, refuses timestamps more than 5 minutes away and
 * nonces already seen, and queues external-contact events for {@link WeComSync}, so that WeCom gets its
 * {@code success} at once. One inbox row per event, however often WeCom (or anyone replaying it) sends it.
 */
@Service
public class WeComCallbacks {

    static final long WINDOW_SECONDS = 300;
    static final Set<String> CHANGE_TYPES = Set.of("add_external_contact", "edit_external_contact");

    private final DSLContext db;
    private final WeComSettings settings;
    private final WeComLog log;
    private final Clock clock;

    WeComCallbacks(DSLContext db, WeComSettings settings, WeComLog log, Clock clock) {
        this.db = db;
        this.settings = settings;
        this.log = log;
        this.clock = clock;
    }

    /** A callback Lantern does not accept; the reason is in the error log, the caller learns nothing more. */
    public static final class Rejected extends RuntimeException {
        Rejected() {
            super("callback refused");
        }
    }

    /** URL verification (GET): the decrypted echostr, which WeCom expects back verbatim. */
    public String verifyUrl(String msgSignature, String timestamp, String nonce, String echostr) {
        return guarded(() -> {
            checkFresh(timestamp);
            return settings.crypto().open(msgSignature, timestamp, nonce, echostr);
        });
    }

    /** An event (POST): checks it, and queues an external-contact change for the background. */
    @Transactional
    public void receive(String msgSignature, String timestamp, String nonce, String body) {
        guarded(() -> {
            checkFresh(timestamp);
            String encrypted = WeComXml.parse(body == null ? "" : body).get("Encrypt");
            Map<String, String> event =
                    WeComXml.parse(settings.crypto().open(msgSignature, timestamp, nonce, encrypted));
            if (!firstSight(nonce)) {
                throw new WeComCrypto.Refused("nonce " + nonce + " was already used");
            }
            if ("change_external_contact".equals(event.get("Event"))
                    && CHANGE_TYPES.contains(event.get("ChangeType"))) {
                queue(event);
            }
            return null;
        });
    }

    private void queue(Map<String, String> e) {
        String user = e.getOrDefault("UserID", "");
        String external = e.getOrDefault("ExternalUserID", "");
        if (user.isEmpty() || external.isEmpty() || user.length() > 64 || external.length() > 64) {
            throw new WeComCrypto.Refused("an external-contact event without UserID or ExternalUserID");
        }
        long created;
        try {
            created = Long.parseLong(e.getOrDefault("CreateTime", ""));
        } catch (NumberFormatException ex) {
            throw new WeComCrypto.Refused("an event without CreateTime");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        var ev = INTEGRATION_WECOM_EVENTS;
        db.insertInto(ev)
                .set(ev.EVENT_KEY, sha256(e.get("ChangeType") + "|" + user + "|" + external + "|" + created))
                .set(ev.CHANGE_TYPE, e.get("ChangeType"))
                .set(ev.WECOM_USER_ID, user)
                .set(ev.EXTERNAL_USER_ID, external)
                .set(ev.STATE, cut(e.get("State"), 100))
                .set(ev.WELCOME_CODE, cut(e.get("WelcomeCode"), 200))
                .set(ev.EVENT_TIME, OffsetDateTime.ofInstant(Instant.ofEpochSecond(created), clock.getZone()))
                .set(ev.STATUS, WeComSync.PENDING)
                .set(ev.NEXT_ATTEMPT_AT, now)
                .set(ev.RECEIVED_AT, now)
                .onConflict(ev.EVENT_KEY)
                .doNothing()
                .execute();
    }

    private boolean firstSight(String nonce) {
        if (nonce.length() > 64) {
            return false;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        try {
            return db.insertInto(INTEGRATION_WECOM_NONCES)
                            .set(INTEGRATION_WECOM_NONCES.NONCE, nonce)
                            .set(INTEGRATION_WECOM_NONCES.RECEIVED_AT, now)
                            .onConflict(INTEGRATION_WECOM_NONCES.NONCE)
                            .doNothing()
                            .execute()
                    == 1;
        } catch (DataIntegrityViolationException | IntegrityConstraintViolationException e) {
            return false;
        }
    }

    /** Forgets nonces older than the window (a scheduled job): a replay that old fails the timestamp check. */
    @Transactional
    public int purgeNonces() {
        return db.deleteFrom(INTEGRATION_WECOM_NONCES)
                .where(INTEGRATION_WECOM_NONCES.RECEIVED_AT.lt(
                        OffsetDateTime.now(clock).minusSeconds(2 * WINDOW_SECONDS)))
                .execute();
    }

    private void checkFresh(String timestamp) {
        long ts;
        try {
            ts = Long.parseLong(timestamp == null ? "" : timestamp.strip());
        } catch (NumberFormatException e) {
            throw new WeComCrypto.Refused("timestamp is not a number");
        }
        if (Math.abs(clock.instant().getEpochSecond() - ts) > WINDOW_SECONDS) {
            throw new WeComCrypto.Refused("timestamp " + ts + " is more than 5 minutes away");
        }
    }

    private <T> T guarded(java.util.function.Supplier<T> action) {
        if (!settings.callbacksConfigured()) {
            log.write(
                    WeComLog.REFUSED, "callback received, but the corp id, token or EncodingAESKey is not configured");
            throw new Rejected();
        }
        try {
            return action.get();
        } catch (WeComCrypto.Refused e) {
            log.write(WeComLog.REFUSED, e.getMessage());
            throw new Rejected();
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.isEmpty() ? null : s.length() > max ? s.substring(0, max) : s;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
