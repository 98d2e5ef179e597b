package app.lantern.audit;

import static lantern.db.Tables.AUDIT_LOG;

import app.lantern.shared.RequestContext;
import app.lantern.shared.UserRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

@Service
class JdbcAuditLog implements AuditLog, AuditTrail {

    static final String GENESIS = "0".repeat(64);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DSLContext db;
    private final Clock clock;

    JdbcAuditLog(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void created(String entityType, Object entityId, Map<String, ?> fields) {
        append(currentActor(), entityType, entityId, "created", fields);
    }

    @Override
    public void updated(String entityType, Object entityId, Map<String, ?> before, Map<String, ?> after) {
        Map<String, Object> changes = new LinkedHashMap<>();
        for (String key : after.keySet()) {
            Object old = before.get(key);
            Object now = after.get(key);
            if (!Objects.equals(old, now)) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("before", old);
                change.put("after", now);
                changes.put(key, change);
            }
        }
        if (!changes.isEmpty()) {
            append(currentActor(), entityType, entityId, "updated", changes);
        }
    }

    @Override
    public void deleted(String entityType, Object entityId, Map<String, ?> fields) {
        append(currentActor(), entityType, entityId, "deleted", fields);
    }

    @Override
    public void recorded(String entityType, Object entityId, String action, Map<String, ?> details) {
        append(currentActor(), entityType, entityId, action, details);
    }

    @Override
    public void recordedBy(UserRef actor, String entityType, Object entityId, String action, Map<String, ?> details) {
        append(actor, entityType, entityId, action, details);
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditEntry> history(String entityType, Object entityId) {
        return db.selectFrom(AUDIT_LOG)
                .where(AUDIT_LOG.ENTITY_TYPE.eq(entityType).and(AUDIT_LOG.ENTITY_ID.eq(String.valueOf(entityId))))
                .orderBy(AUDIT_LOG.ID.desc())
                .fetch(r -> new AuditEntry(r.getId(), r.getOccurredAt(), r.getActorId(), r.getActorName(), r.getIp(),
                        r.getUserAgent(), r.getRequestId(), r.getEntityType(), r.getEntityId(), r.getAction(), r.getChanges()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void append(UserRef actor, String entityType, Object entityId, String action, Map<String, ?> details) {
        RequestContext request = RequestContext.current().orElse(new RequestContext(null, null, null));
        OffsetDateTime now = OffsetDateTime.now(clock);
        String changes = JSON.writeValueAsString(details);
        String prev = db.select(AUDIT_LOG.HASH).from(AUDIT_LOG).orderBy(AUDIT_LOG.ID.desc()).limit(1).forUpdate()
                .fetchOptional(AUDIT_LOG.HASH).orElse(GENESIS);
        String hash = sha256(prev + "|" + now + "|" + entityType + "|" + entityId + "|" + action + "|" + changes);
        db.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.OCCURRED_AT, now)
                .set(AUDIT_LOG.ACTOR_ID, actor == null || actor.userId() <= 0 ? null : actor.userId())
                .set(AUDIT_LOG.ACTOR_NAME, actor == null ? "system" : actor.username())
                .set(AUDIT_LOG.IP, request.ip())
                .set(AUDIT_LOG.USER_AGENT, request.userAgent())
                .set(AUDIT_LOG.REQUEST_ID, request.requestId())
                .set(AUDIT_LOG.ENTITY_TYPE, entityType)
                .set(AUDIT_LOG.ENTITY_ID, String.valueOf(entityId))
                .set(AUDIT_LOG.ACTION, action)
                .set(AUDIT_LOG.CHANGES, changes)
                .set(AUDIT_LOG.PREV_HASH, prev)
                .set(AUDIT_LOG.HASH, hash)
                .execute();
    }

    private static UserRef currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof UserRef ref ? ref : null;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
