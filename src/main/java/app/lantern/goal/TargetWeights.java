package app.lantern.goal;

import static lantern.db.Tables.TARGET_WEIGHTS;

import app.lantern.audit.AuditLog;
import app.lantern.shared.FieldErrors;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The weights a company's teams or a team's reps get when a target is split by weights (1 where none is set). */
@Service
public class TargetWeights {

    private final DSLContext db;
    private final TargetAccess access;
    private final Targets targets;
    private final AuditLog audit;
    private final Clock clock;

    TargetWeights(DSLContext db, TargetAccess access, @Lazy Targets targets, AuditLog audit, Clock clock) {
        this.db = db;
        this.access = access;
        this.targets = targets;
        this.audit = audit;
        this.clock = clock;
    }

    /** The saved weights of the subjects of a level (absent: weight 1). */
    Map<Long, BigDecimal> saved(TargetLevel level) {
        Map<Long, BigDecimal> m = new HashMap<>();
        db.selectFrom(TARGET_WEIGHTS)
                .where(TARGET_WEIGHTS.ORG_LEVEL.eq(level.name()))
                .forEach(r -> m.put(r.getSubjectId(), r.getWeight()));
        return m;
    }

    /** Saves the weights of a company's teams or a team's reps; they must not all be zero. */
    @Transactional
    public List<Targets.Weight> setWeights(TargetLevel level, long subjectId, Map<String, BigDecimal> weights) {
        List<Targets.Subject> children = access.childrenOf(level, subjectId);
        FieldErrors errors = new FieldErrors();
        BigDecimal sum = BigDecimal.ZERO;
        Set<String> keys = new HashSet<>();
        children.forEach(c -> keys.add(String.valueOf(c.id())));
        for (var e : weights.entrySet()) {
            if (!keys.contains(e.getKey())) {
                errors.add("weights." + e.getKey(), "is not below " + access.subjectName(level, subjectId));
            } else if (e.getValue() == null
                    || e.getValue().signum() < 0
                    || e.getValue().compareTo(new BigDecimal("1000")) > 0) {
                errors.add("weights." + e.getKey(), "must be between 0 and 1000");
            } else {
                sum = sum.add(e.getValue());
            }
        }
        errors.addIf(
                errors.isEmpty() && !weights.isEmpty() && sum.signum() == 0 && weights.size() == children.size(),
                "weights",
                "weights sum to zero; give at least one a positive weight");
        errors.throwIfAny();
        for (Targets.Subject c : children) {
            access.requireWrite(c.level(), c.id());
        }
        for (var e : weights.entrySet()) {
            save(children.getFirst().level(), Long.parseLong(e.getKey()), e.getValue());
        }
        return targets.weightsOf(level, subjectId);
    }

    void save(TargetLevel level, long subject, BigDecimal weight) {
        BigDecimal before = db.select(TARGET_WEIGHTS.WEIGHT)
                .from(TARGET_WEIGHTS)
                .where(TARGET_WEIGHTS.ORG_LEVEL.eq(level.name()).and(TARGET_WEIGHTS.SUBJECT_ID.eq(subject)))
                .fetchOptional(TARGET_WEIGHTS.WEIGHT)
                .orElse(null);
        if (before != null && before.compareTo(weight) == 0) {
            return;
        }
        db.deleteFrom(TARGET_WEIGHTS)
                .where(TARGET_WEIGHTS.ORG_LEVEL.eq(level.name()).and(TARGET_WEIGHTS.SUBJECT_ID.eq(subject)))
                .execute();
        db.insertInto(TARGET_WEIGHTS)
                .set(TARGET_WEIGHTS.ORG_LEVEL, level.name())
                .set(TARGET_WEIGHTS.SUBJECT_ID, subject)
                .set(TARGET_WEIGHTS.WEIGHT, weight.setScale(4, RoundingMode.HALF_UP))
                .set(TARGET_WEIGHTS.UPDATED_AT, OffsetDateTime.now(clock))
                .execute();
        audit.updated(
                "target_weight",
                level.name() + "/" + subject,
                Map.of("weight", before == null ? "1" : before.toPlainString()),
                Map.of("weight", weight.toPlainString()));
    }
}
