package app.lantern.goal;

import app.lantern.identity.Directory;
import app.lantern.identity.Role;
import app.lantern.identity.TeamSummary;
import app.lantern.shared.ConflictException;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.Texts;
import app.lantern.shared.ValidationException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import lantern.db.tables.records.TargetsRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Setting one target by hand: validated, versioned, audited, only by those who manage its subject. */
@Service
public class TargetSetting {

    private final TargetStore store;
    private final TargetAccess access;
    private final Targets targets;
    private final Directory directory;

    TargetSetting(TargetStore store, TargetAccess access, Targets targets, Directory directory) {
        this.store = store;
        this.access = access;
        this.targets = targets;
        this.directory = directory;
    }

    /** Sets one target by hand (creating it when absent). {@code expectedVersion}, when given, must be current (409). */
    @Transactional
    public Targets.TargetView set(Targets.SetTarget cmd) {
        FieldErrors errors = new FieldErrors();
        errors.addIf(cmd.metric() == null, "metric", "must be SIGNED or COLLECTED");
        errors.addIf(cmd.level() == null, "level", "must be COMPANY, TEAM or REP");
        Period period = null;
        try {
            period = Period.parse(cmd.period());
        } catch (ValidationException e) {
            e.errors().forEach(f -> errors.add(f.field(), f.message()));
        }
        validateAmount(errors, "amount", cmd.amount());
        Texts.maxLength(errors, "reason", cmd.reason(), 500);
        errors.throwIfAny();
        long subject = subject(cmd.level(), cmd.subjectId());
        access.requireWrite(cmd.level(), subject);
        Optional<TargetsRecord> existing = store.find(cmd.metric(), period.key(), cmd.level(), subject);
        if (cmd.expectedVersion() != null
                && existing.isPresent()
                && !existing.get().getVersion().equals(cmd.expectedVersion())) {
            throw new ConflictException(
                    "target was changed meanwhile",
                    Map.of("currentVersion", existing.get().getVersion()));
        }
        long id = store.upsert(
                cmd.metric(),
                period,
                cmd.level(),
                subject,
                cmd.amount(),
                SplitMethod.MANUAL,
                Texts.clean(cmd.reason()),
                null);
        return targets.get(id);
    }

    static void validateAmount(FieldErrors errors, String field, BigDecimal amount) {
        if (amount == null) {
            errors.add(field, "must be given");
        } else if (amount.signum() < 0) {
            errors.add(field, "must not be negative");
        } else if (amount.compareTo(Targets.MAX_AMOUNT) > 0) {
            errors.add(field, "is implausibly large (above 1000亿)");
        } else if (amount.stripTrailingZeros().scale() > 2) {
            errors.add(field, "must have at most 2 decimals");
        }
    }

    long subject(TargetLevel level, Long subjectId) {
        long companyId = access.company()
                .map(TeamSummary::id)
                .orElseThrow(() -> ValidationException.unprocessable("level", "no company team exists"));
        if (level == TargetLevel.COMPANY) {
            if (subjectId != null && subjectId != companyId) {
                throw ValidationException.field("subjectId", "the company target belongs to team " + companyId);
            }
            return companyId;
        }
        if (subjectId == null) {
            throw ValidationException.field("subjectId", "must name the team or rep");
        }
        boolean exists = level == TargetLevel.TEAM
                ? directory.team(subjectId).filter(t -> t.parentId() != null).isPresent()
                : directory
                        .user(subjectId)
                        .filter(u -> u.active() && u.roles().contains(Role.REP))
                        .isPresent();
        if (!exists) {
            throw ValidationException.field(
                    "subjectId", "no such " + (level == TargetLevel.TEAM ? "team" : "active rep"));
        }
        return subjectId;
    }
}
