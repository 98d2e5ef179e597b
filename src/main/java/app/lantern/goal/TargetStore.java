package app.lantern.goal;

import static lantern.db.Tables.TARGETS;
import static lantern.db.Tables.TARGET_VERSIONS;

import app.lantern.audit.AuditLog;
import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lantern.db.tables.records.TargetsRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** The rows of targets: reading a year, and writing one target with a new version and an audit entry. */
@Component
class TargetStore {

    private final DSLContext db;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final Clock clock;

    TargetStore(DSLContext db, CurrentActor currentActor, AuditLog audit, Clock clock) {
        this.db = db;
        this.currentActor = currentActor;
        this.audit = audit;
        this.clock = clock;
    }

    static String key(String level, long subject, String period) {
        return level + "/" + subject + "/" + period;
    }

    List<TargetsRecord> yearRows(int year, TargetMetric metric) {
        return db.selectFrom(TARGETS)
                .where(TARGETS.TARGET_YEAR.eq(year).and(TARGETS.METRIC.eq(metric.name())))
                .fetch();
    }

    Optional<TargetsRecord> byId(long id) {
        return db.selectFrom(TARGETS).where(TARGETS.ID.eq(id)).fetchOptional();
    }

    Optional<TargetsRecord> find(TargetMetric metric, String periodKey, TargetLevel level, long subject) {
        return db.selectFrom(TARGETS)
                .where(TARGETS.METRIC
                        .eq(metric.name())
                        .and(TARGETS.PERIOD_KEY.eq(periodKey))
                        .and(TARGETS.ORG_LEVEL.eq(level.name()))
                        .and(TARGETS.SUBJECT_ID.eq(subject)))
                .fetchOptional();
    }

    long upsert(
            TargetMetric metric,
            Period period,
            TargetLevel level,
            long subject,
            BigDecimal amount,
            SplitMethod method,
            String reason,
            Long parentId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        BigDecimal value = amount.setScale(2, RoundingMode.HALF_UP);
        Long actor = currentActor.current().map(Actor::userId).orElse(null);
        Optional<TargetsRecord> existing = find(metric, period.key(), level, subject);
        long id;
        int version;
        if (existing.isPresent()) {
            TargetsRecord r = existing.get();
            if (r.getAmount().compareTo(value) == 0 && r.getMethod().equals(method.name())) {
                return r.getId();
            }
            id = r.getId();
            version = r.getVersion() + 1;
            db.update(TARGETS)
                    .set(TARGETS.AMOUNT, value)
                    .set(TARGETS.METHOD, method.name())
                    .set(TARGETS.UPDATED_AT, now)
                    .set(TARGETS.VERSION, version)
                    .set(TARGETS.PARENT_ID, parentId == null ? r.getParentId() : parentId)
                    .where(TARGETS.ID.eq(id).and(TARGETS.VERSION.eq(r.getVersion())))
                    .execute();
            audit.updated(
                    "target",
                    id,
                    Map.of("amount", r.getAmount().toPlainString(), "method", r.getMethod()),
                    Map.of("amount", value.toPlainString(), "method", method.name()));
        } else {
            version = 1;
            id = db.insertInto(TARGETS)
                    .set(TARGETS.METRIC, metric.name())
                    .set(TARGETS.PERIOD_TYPE, period.type().name())
                    .set(TARGETS.PERIOD_KEY, period.key())
                    .set(TARGETS.TARGET_YEAR, period.year())
                    .set(TARGETS.ORG_LEVEL, level.name())
                    .set(TARGETS.SUBJECT_ID, subject)
                    .set(TARGETS.AMOUNT, value)
                    .set(TARGETS.PARENT_ID, parentId)
                    .set(TARGETS.METHOD, method.name())
                    .set(TARGETS.CREATED_AT, now)
                    .set(TARGETS.UPDATED_AT, now)
                    .set(TARGETS.VERSION, 1)
                    .returningResult(TARGETS.ID)
                    .fetchOne(TARGETS.ID);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("metric", metric.name());
            fields.put("period", period.key());
            fields.put("level", level.name());
            fields.put("subjectId", subject);
            fields.put("amount", value.toPlainString());
            fields.put("method", method.name());
            audit.created("target", id, fields);
        }
        db.insertInto(TARGET_VERSIONS)
                .set(TARGET_VERSIONS.TARGET_ID, id)
                .set(TARGET_VERSIONS.VERSION, version)
                .set(TARGET_VERSIONS.AMOUNT, value)
                .set(TARGET_VERSIONS.METHOD, method.name())
                .set(TARGET_VERSIONS.REASON, reason)
                .set(TARGET_VERSIONS.CHANGED_BY, actor)
                .set(TARGET_VERSIONS.CHANGED_AT, now)
                .execute();
        return id;
    }
}
