package app.lantern.integration;

import static lantern.db.Tables.INTEGRATION_WECOM_EVENTS;
import static lantern.db.Tables.INTEGRATION_WECOM_LOG;
import static lantern.db.Tables.INTEGRATION_WECOM_USERS;

import app.lantern.audit.AuditLog;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.Directory;
import app.lantern.identity.Role;
import app.lantern.identity.UserSummary;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.ForbiddenException;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.ValidationException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the WeCom admin page shows and does: the configuration's state (never the secrets), a connection test, the last
 * sync, the queued events and the error log, the mapping of WeCom user ids to Lantern users, and retrying a failed
 * event. Administrators only; every change is audited.
 */
@Service
@Transactional
public class WeComAdmin {

    private final DSLContext db;
    private final WeComSettings settings;
    private final WeComApi api;
    private final WeComLog log;
    private final CurrentActor currentActor;
    private final Directory directory;
    private final AuditLog audit;
    private final Clock clock;

    WeComAdmin(
            DSLContext db,
            WeComSettings settings,
            WeComApi api,
            WeComLog log,
            CurrentActor currentActor,
            Directory directory,
            AuditLog audit,
            Clock clock) {
        this.db = db;
        this.settings = settings;
        this.api = api;
        this.log = log;
        this.currentActor = currentActor;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    public record Status(
            String corpId,
            boolean secretSet,
            boolean tokenSet,
            boolean aesKeySet,
            boolean callbacksReady,
            boolean apiReady,
            String apiBaseUrl,
            OffsetDateTime lastSync,
            int pending,
            int failed,
            int done) {}

    public record Event(
            long id,
            String changeType,
            String wecomUserId,
            String externalUserId,
            String status,
            int attempts,
            String lastError,
            Long customerId,
            OffsetDateTime receivedAt,
            OffsetDateTime processedAt) {}

    public record LogEntry(OffsetDateTime at, String kind, String message) {}

    public record Mapping(String wecomUserId, long userId, String username, String displayName) {}

    /** The outcome of the connection test: ok, or WeCom's errcode and message. */
    public record ConnectionTest(boolean ok, Integer errcode, String message) implements java.io.Serializable {}

    @Transactional(readOnly = true)
    public Status status() {
        requireAdmin();
        var ev = INTEGRATION_WECOM_EVENTS;
        Map<String, Integer> counts = db.select(ev.STATUS, org.jooq.impl.DSL.count())
                .from(ev)
                .groupBy(ev.STATUS)
                .fetchMap(ev.STATUS, org.jooq.impl.DSL.count());
        OffsetDateTime lastSync =
                db.select(org.jooq.impl.DSL.max(ev.PROCESSED_AT)).from(ev).fetchOne(0, OffsetDateTime.class);
        return new Status(
                settings.corpId(),
                settings.secretSet(),
                settings.tokenSet(),
                settings.aesKeySet(),
                settings.callbacksConfigured(),
                settings.apiConfigured(),
                settings.apiBaseUrl(),
                lastSync,
                counts.getOrDefault(WeComSync.PENDING, 0),
                counts.getOrDefault(WeComSync.FAILED, 0),
                counts.getOrDefault(WeComSync.DONE, 0));
    }

    /** Fetches a fresh access token from WeCom; the outcome is audited (and an error also logged). */
    public ConnectionTest testConnection() {
        requireAdmin();
        ConnectionTest result;
        try {
            long lifetime = api.refreshToken();
            result = new ConnectionTest(true, 0, "access_token ok, expires_in " + lifetime + " s");
        } catch (WeComApi.Failure e) {
            log.write(WeComLog.API, e.getMessage());
            result = new ConnectionTest(false, e.errcode, e.getMessage());
        }
        audit.recorded(
                "integration-wecom",
                settings.corpId().isEmpty() ? "-" : settings.corpId(),
                "connection.tested",
                Map.of("ok", result.ok(), "message", result.message()));
        return result;
    }

    @Transactional(readOnly = true)
    public List<Event> events(int limit) {
        requireAdmin();
        var ev = INTEGRATION_WECOM_EVENTS;
        return db.selectFrom(ev)
                .orderBy(ev.ID.desc())
                .limit(Math.min(Math.max(limit, 1), 500))
                .fetch(r -> new Event(
                        r.getId(),
                        r.getChangeType(),
                        r.getWecomUserId(),
                        r.getExternalUserId(),
                        r.getStatus(),
                        r.getAttempts(),
                        r.getLastError(),
                        r.getCustomerId(),
                        r.getReceivedAt(),
                        r.getProcessedAt()));
    }

    @Transactional(readOnly = true)
    public List<LogEntry> errorLog(int limit) {
        requireAdmin();
        return db.selectFrom(INTEGRATION_WECOM_LOG)
                .orderBy(INTEGRATION_WECOM_LOG.ID.desc())
                .limit(Math.min(Math.max(limit, 1), 500))
                .fetch(r -> new LogEntry(r.getAt(), r.getKind(), r.getMessage()));
    }

    /** Queues a failed event again, now. */
    public void retry(long eventId) {
        requireAdmin();
        var ev = INTEGRATION_WECOM_EVENTS;
        int updated = db.update(ev)
                .set(ev.STATUS, WeComSync.PENDING)
                .set(ev.ATTEMPTS, 0)
                .set(ev.NEXT_ATTEMPT_AT, OffsetDateTime.now(clock))
                .set(ev.VERSION, ev.VERSION.plus(1))
                .where(ev.ID.eq(eventId))
                .and(ev.STATUS.eq(WeComSync.FAILED))
                .execute();
        if (updated == 0) {
            throw NotFoundException.of("failed WeCom event", eventId);
        }
        audit.recorded("integration-wecom-event", eventId, "retried", Map.of("status", WeComSync.PENDING));
    }

    @Transactional(readOnly = true)
    public List<Mapping> mappings() {
        requireAdmin();
        return db.selectFrom(INTEGRATION_WECOM_USERS)
                .orderBy(INTEGRATION_WECOM_USERS.WECOM_USER_ID)
                .fetch()
                .map(r -> {
                    var u = directory.user(r.getUserId());
                    return new Mapping(
                            r.getWecomUserId(),
                            r.getUserId(),
                            u.map(UserSummary::username).orElse("?"),
                            u.map(UserSummary::displayName).orElse("?"));
                });
    }

    /** Maps a WeCom user id to a Lantern user (replacing an earlier mapping of that id). */
    public void map(String wecomUserId, Long userId) {
        requireAdmin();
        FieldErrors errors = new FieldErrors();
        String id = wecomUserId == null ? "" : wecomUserId.strip();
        if (id.isEmpty() || id.length() > 64 || !id.matches("[A-Za-z0-9_.@-]+")) {
            errors.add("wecomUserId", "must be a WeCom userid (letters, digits, _ . @ -, at most 64)");
        }
        if (userId == null || directory.user(userId).filter(UserSummary::active).isEmpty()) {
            errors.add("userId", "must be an active user");
        }
        errors.throwIfAny();
        var u = INTEGRATION_WECOM_USERS;
        Long before = db.select(u.USER_ID).from(u).where(u.WECOM_USER_ID.eq(id)).fetchOne(u.USER_ID);
        if (before == null) {
            db.insertInto(u).set(u.WECOM_USER_ID, id).set(u.USER_ID, userId).execute();
            audit.created("integration-wecom-user", id, Map.of("userId", userId));
        } else if (!before.equals(userId)) {
            db.update(u).set(u.USER_ID, userId).where(u.WECOM_USER_ID.eq(id)).execute();
            audit.updated("integration-wecom-user", id, Map.of("userId", before), Map.of("userId", userId));
        }
    }

    public void unmap(String wecomUserId) {
        requireAdmin();
        var u = INTEGRATION_WECOM_USERS;
        Long before = db.select(u.USER_ID)
                .from(u)
                .where(u.WECOM_USER_ID.eq(wecomUserId))
                .fetchOne(u.USER_ID);
        if (before == null) {
            throw ValidationException.field("wecomUserId", "is not mapped");
        }
        db.deleteFrom(u).where(u.WECOM_USER_ID.eq(wecomUserId)).execute();
        audit.deleted("integration-wecom-user", wecomUserId, Map.of("userId", before));
    }

    private void requireAdmin() {
        if (!currentActor.require().has(Role.ADMIN)) {
            throw new ForbiddenException("only administrators configure WeCom");
        }
    }
}
