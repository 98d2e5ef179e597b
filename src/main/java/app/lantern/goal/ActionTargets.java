package app.lantern.goal;

import static lantern.db.Tables.ACTION_TARGET_OVERRIDES;
import static lantern.db.Tables.ACTION_TARGET_OVERRIDE_VERSIONS;

import app.lantern.audit.AuditLog;
import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.DataScopes;
import app.lantern.identity.RecordKind;
import app.lantern.identity.Role;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.ForbiddenException;
import app.lantern.shared.Texts;
import app.lantern.shared.ValidationException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import lantern.db.tables.records.ActionTargetOverridesRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A manager's override of a rep's derived weekly action targets for one month. The override replaces the derived
 * figures everywhere they are read ({@link RepProgress}, and through it the pace rule and the daily brief); each
 * change keeps a version with the derived figures it replaced and is audited.
 */
@Service
public class ActionTargets {

    /** Weekly figures above these are typing mistakes, not plans. */
    static final int MAX_VISITS = 60;

    static final int MAX_NEW_OPPORTUNITIES = 30;
    static final int MAX_DEMOS = 30;

    /** What a manager asks for: weekly visits, new qualified opportunities and demos, and why. */
    public record Change(Integer visits, Integer newOpportunities, Integer demos, String reason) {}

    /** The override in force for a rep and month. */
    public record Override(
            long id,
            int visits,
            int newOpportunities,
            int demos,
            String reason,
            String changedBy,
            OffsetDateTime changedAt,
            int version) {}

    private final DSLContext db;
    private final OverrideStore store;
    private final RepProgress progress;
    private final DataScopes scopes;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final Clock clock;

    ActionTargets(
            DSLContext db,
            OverrideStore store,
            RepProgress progress,
            DataScopes scopes,
            CurrentActor currentActor,
            AuditLog audit,
            Clock clock) {
        this.db = db;
        this.store = store;
        this.progress = progress;
        this.scopes = scopes;
        this.currentActor = currentActor;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Sets the rep's weekly action targets for the month. Only a manager whose teams include the rep (or an executive)
     * may; another team's rep answers 404, the rep themselves 403. Missing reason, negative or absurd figures answer 422
     * naming the field.
     */
    @Transactional
    public RepProgress.Progress override(long repId, YearMonth month, Change change) {
        scopes.current(RecordKind.TARGET).require(repId, "rep", repId);
        Actor actor = currentActor.require();
        if (actor.userId() == repId || !(actor.has(Role.MANAGER) || actor.has(Role.EXECUTIVE))) {
            throw new ForbiddenException("only the rep's manager may change their action targets");
        }
        String reason = Texts.clean(change.reason());
        FieldErrors errors = new FieldErrors();
        range(errors, "visits", change.visits(), MAX_VISITS);
        range(errors, "newOpportunities", change.newOpportunities(), MAX_NEW_OPPORTUNITIES);
        range(errors, "demos", change.demos(), MAX_DEMOS);
        Texts.require(errors, "reason", reason, 500);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.list(), 422);
        }
        RepProgress.WeeklyActions derived = progress.of(repId, month).thisWeek();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<ActionTargetOverridesRecord> existing = store.record(repId, month);
        long id;
        int version;
        Map<String, Object> after = fields(change.visits(), change.newOpportunities(), change.demos(), reason);
        if (existing.isPresent()) {
            ActionTargetOverridesRecord r = existing.get();
            id = r.getId();
            version = r.getVersion() + 1;
            db.update(ACTION_TARGET_OVERRIDES)
                    .set(ACTION_TARGET_OVERRIDES.VISITS, change.visits())
                    .set(ACTION_TARGET_OVERRIDES.NEW_OPPORTUNITIES, change.newOpportunities())
                    .set(ACTION_TARGET_OVERRIDES.DEMOS, change.demos())
                    .set(ACTION_TARGET_OVERRIDES.REASON, reason)
                    .set(ACTION_TARGET_OVERRIDES.CHANGED_BY, actor.userId())
                    .set(ACTION_TARGET_OVERRIDES.CHANGED_AT, now)
                    .set(ACTION_TARGET_OVERRIDES.VERSION, version)
                    .where(ACTION_TARGET_OVERRIDES.ID.eq(id))
                    .execute();
            audit.updated(
                    "action_target",
                    id,
                    fields(r.getVisits(), r.getNewOpportunities(), r.getDemos(), r.getReason()),
                    after);
        } else {
            version = 1;
            id = db.insertInto(ACTION_TARGET_OVERRIDES)
                    .set(ACTION_TARGET_OVERRIDES.REP_ID, repId)
                    .set(ACTION_TARGET_OVERRIDES.MONTH_KEY, month.toString())
                    .set(ACTION_TARGET_OVERRIDES.VISITS, change.visits())
                    .set(ACTION_TARGET_OVERRIDES.NEW_OPPORTUNITIES, change.newOpportunities())
                    .set(ACTION_TARGET_OVERRIDES.DEMOS, change.demos())
                    .set(ACTION_TARGET_OVERRIDES.REASON, reason)
                    .set(ACTION_TARGET_OVERRIDES.CHANGED_BY, actor.userId())
                    .set(ACTION_TARGET_OVERRIDES.CHANGED_AT, now)
                    .set(ACTION_TARGET_OVERRIDES.VERSION, 1)
                    .returningResult(ACTION_TARGET_OVERRIDES.ID)
                    .fetchOne(ACTION_TARGET_OVERRIDES.ID);
            Map<String, Object> created = new LinkedHashMap<>();
            created.put("rep", repId);
            created.put("month", month.toString());
            created.put(
                    "derived",
                    derived.derivedVisits() + "/" + derived.derivedNewOpportunities() + "/" + derived.derivedDemos());
            created.putAll(after);
            audit.created("action_target", id, created);
        }
        db.insertInto(ACTION_TARGET_OVERRIDE_VERSIONS)
                .set(ACTION_TARGET_OVERRIDE_VERSIONS.OVERRIDE_ID, id)
                .set(ACTION_TARGET_OVERRIDE_VERSIONS.VERSION, version)
                .set(ACTION_TARGET_OVERRIDE_VERSIONS.VISITS, change.visits())
                .set(ACTION_TARGET_OVERRIDE_VERSIONS.NEW_OPPORTUNITIES, change.newOpportunities())
                .set(ACTION_TARGET_OVERRIDE_VERSIONS.DEMOS, change.demos())
                .set(ACTION_TARGET_OVERRIDE_VERSIONS.DERIVED_VISITS, derived.derivedVisits())
                .set(ACTION_TARGET_OVERRIDE_VERSIONS.DERIVED_NEW_OPPORTUNITIES, derived.derivedNewOpportunities())
                .set(ACTION_TARGET_OVERRIDE_VERSIONS.DERIVED_DEMOS, derived.derivedDemos())
                .set(ACTION_TARGET_OVERRIDE_VERSIONS.REASON, reason)
                .set(ACTION_TARGET_OVERRIDE_VERSIONS.CHANGED_BY, actor.userId())
                .set(ACTION_TARGET_OVERRIDE_VERSIONS.CHANGED_AT, now)
                .execute();
        return progress.of(repId, month);
    }

    private static void range(FieldErrors errors, String field, Integer value, int max) {
        if (value == null) {
            errors.add(field, "is required");
        } else {
            errors.addIf(value < 0 || value > max, field, "must be between 0 and " + max + " per week");
        }
    }

    private static Map<String, Object> fields(int visits, int newOpportunities, int demos, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("visits", visits);
        m.put("newOpportunities", newOpportunities);
        m.put("demos", demos);
        m.put("reason", reason);
        return m;
    }
}
