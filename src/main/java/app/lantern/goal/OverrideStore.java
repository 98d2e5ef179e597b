package app.lantern.goal;

import static lantern.db.Tables.ACTION_TARGET_OVERRIDES;

import app.lantern.identity.Directory;
import app.lantern.identity.UserSummary;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lantern.db.tables.records.ActionTargetOverridesRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Reads the action-target override in force for a rep and month (written by {@link ActionTargets}). */
@Component
class OverrideStore {

    private final DSLContext db;
    private final Directory directory;

    OverrideStore(DSLContext db, Directory directory) {
        this.db = db;
        this.directory = directory;
    }

    Optional<ActionTargetOverridesRecord> record(long repId, YearMonth month) {
        return db.selectFrom(ACTION_TARGET_OVERRIDES)
                .where(ACTION_TARGET_OVERRIDES
                        .REP_ID
                        .eq(repId)
                        .and(ACTION_TARGET_OVERRIDES.MONTH_KEY.eq(month.toString())))
                .fetchOptional();
    }

    Optional<ActionTargets.Override> find(long repId, YearMonth month) {
        return record(repId, month).map(this::override);
    }

    /** {@link #find} for many reps at once: reps without an override are absent. */
    Map<Long, ActionTargets.Override> findAll(java.util.Collection<Long> repIds, YearMonth month) {
        Map<Long, ActionTargets.Override> m = new HashMap<>();
        if (repIds.isEmpty()) {
            return m;
        }
        db.selectFrom(ACTION_TARGET_OVERRIDES)
                .where(ACTION_TARGET_OVERRIDES.REP_ID.in(repIds))
                .and(ACTION_TARGET_OVERRIDES.MONTH_KEY.eq(month.toString()))
                .forEach(r -> m.put(r.getRepId(), override(r)));
        return m;
    }

    private ActionTargets.Override override(ActionTargetOverridesRecord r) {
        return new ActionTargets.Override(
                r.getId(),
                r.getVisits(),
                r.getNewOpportunities(),
                r.getDemos(),
                r.getReason(),
                r.getChangedBy() == null
                        ? ""
                        : directory
                                .user(r.getChangedBy())
                                .map(UserSummary::displayName)
                                .orElse(""),
                r.getChangedAt(),
                r.getVersion());
    }

    /** Weekly actions (visits + new opportunities + demos) in force per rep and month, keyed {@code repId/YYYY-MM}. */
    Map<String, Integer> weeklyActions(Set<Long> reps, YearMonth first, YearMonth last) {
        Map<String, Integer> m = new HashMap<>();
        if (reps.isEmpty()) {
            return m;
        }
        db.selectFrom(ACTION_TARGET_OVERRIDES)
                .where(ACTION_TARGET_OVERRIDES.REP_ID.in(reps))
                .and(ACTION_TARGET_OVERRIDES.MONTH_KEY.between(first.toString(), last.toString()))
                .forEach(r -> m.put(
                        r.getRepId() + "/" + r.getMonthKey(), r.getVisits() + r.getNewOpportunities() + r.getDemos()));
        return m;
    }
}
