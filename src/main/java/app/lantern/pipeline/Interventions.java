package app.lantern.pipeline;

import static lantern.db.Tables.OPPORTUNITIES;
import static lantern.db.Tables.OPPORTUNITY_INTERVENTIONS;

import app.lantern.audit.AuditLog;
import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.DataScopes;
import app.lantern.identity.Directory;
import app.lantern.identity.RecordKind;
import app.lantern.identity.Role;
import app.lantern.identity.UserSummary;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.ForbiddenException;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.Texts;
import app.lantern.shared.ValidationException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Intervention tasks of managers and their tracked outcomes. */
@Service
@Transactional
public class Interventions {

    private final DSLContext db;
    private final CurrentActor currentActor;
    private final DataScopes scopes;
    private final Directory directory;
    private final AuditLog audit;
    private final OpportunityQueries opportunities;
    private final OpportunityClosing closing;
    private final MessageSource messages;
    private final Clock clock;

    Interventions(
            DSLContext db,
            CurrentActor currentActor,
            DataScopes scopes,
            Directory directory,
            AuditLog audit,
            OpportunityQueries opportunities,
            OpportunityClosing closing,
            MessageSource messages,
            Clock clock) {
        this.closing = closing;
        this.messages = messages;
        this.db = db;
        this.currentActor = currentActor;
        this.scopes = scopes;
        this.directory = directory;
        this.audit = audit;
        this.opportunities = opportunities;
        this.clock = clock;
    }

    /** Interventions visible to the signed-in user: a manager's own, everything for executives and admins. */
    @Transactional(readOnly = true)
    public List<Intervention> visible(InterventionStatus status, int limit) {
        Actor actor = currentActor.require();
        Condition c = scopes.current(RecordKind.OPPORTUNITY).condition(OPPORTUNITY_INTERVENTIONS.OWNER_ID);
        if (actor.has(Role.MANAGER) && !actor.has(Role.ADMIN) && !actor.has(Role.EXECUTIVE)) {
            c = c.and(OPPORTUNITY_INTERVENTIONS
                    .MANAGER_ID
                    .eq(actor.userId())
                    .or(OPPORTUNITY_INTERVENTIONS.OWNER_ID.eq(actor.userId())));
        }
        if (status != null) {
            c = c.and(OPPORTUNITY_INTERVENTIONS.STATUS.eq(status.name()));
        }
        return query(c, limit);
    }

    @Transactional(readOnly = true)
    public List<Intervention> ofOpportunity(long opportunityId) {
        opportunities.visible(opportunityId);
        return query(OPPORTUNITY_INTERVENTIONS.OPPORTUNITY_ID.eq(opportunityId), 50);
    }

    /** Outcome counts of resolved interventions in scope, for the manager view. */
    @Transactional(readOnly = true)
    public Map<String, Integer> outcomeCounts() {
        Condition c = scopes.current(RecordKind.OPPORTUNITY)
                .condition(OPPORTUNITY_INTERVENTIONS.OWNER_ID)
                .and(OPPORTUNITY_INTERVENTIONS.STATUS.eq(InterventionStatus.DONE.name()));
        return db.select(OPPORTUNITY_INTERVENTIONS.OUTCOME, DSL.count())
                .from(OPPORTUNITY_INTERVENTIONS)
                .where(c)
                .groupBy(OPPORTUNITY_INTERVENTIONS.OUTCOME)
                .fetchMap(r -> r.value1(), r -> r.value2());
    }

    /** The manager (or an admin) records what was done; closing lost also closes the opportunity. */
    public Intervention resolve(long id, InterventionOutcome outcome, String note) {
        Actor actor = currentActor.require();
        var r = db.selectFrom(OPPORTUNITY_INTERVENTIONS)
                .where(OPPORTUNITY_INTERVENTIONS.ID.eq(id))
                .fetchOne();
        if (r == null || !scopes.current(RecordKind.OPPORTUNITY).covers(r.getOwnerId())) {
            throw NotFoundException.of("intervention", id);
        }
        if (r.getManagerId() != actor.userId() && !actor.has(Role.ADMIN) && !actor.has(Role.EXECUTIVE)) {
            throw new ForbiddenException("only the owner's manager resolves this intervention");
        }
        FieldErrors e = new FieldErrors();
        e.addIf(outcome == null, "outcome", "must be one of " + Arrays.toString(InterventionOutcome.values()));
        Texts.maxLength(e, "note", note, 1000);
        e.throwIfAny();
        if (!InterventionStatus.OPEN.name().equals(r.getStatus())) {
            throw ValidationException.unprocessable("status", "already resolved");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (outcome == InterventionOutcome.CLOSED_LOST) {
            OpportunityDetails d = opportunities.visible(r.getOpportunityId());
            if (d.status() == OpportunityStatus.OPEN) {
                closing.lose(
                        d.id(),
                        Texts.isBlank(note)
                                ? messages.getMessage(
                                        "pipeline.intervention.closedReason", null, LocaleContextHolder.getLocale())
                                : note.strip(),
                        null);
            }
        }
        db.update(OPPORTUNITY_INTERVENTIONS)
                .set(OPPORTUNITY_INTERVENTIONS.STATUS, InterventionStatus.DONE.name())
                .set(OPPORTUNITY_INTERVENTIONS.OUTCOME, outcome.name())
                .set(OPPORTUNITY_INTERVENTIONS.NOTE, Texts.clean(note))
                .set(OPPORTUNITY_INTERVENTIONS.RESOLVED_AT, now)
                .set(OPPORTUNITY_INTERVENTIONS.RESOLVED_BY, actor.userId())
                .where(OPPORTUNITY_INTERVENTIONS.ID.eq(id))
                .execute();
        audit.recorded(
                "opportunity",
                r.getOpportunityId(),
                "intervention.resolved",
                Map.of(
                        "intervention",
                        id,
                        "outcome",
                        outcome.name(),
                        "note",
                        Texts.clean(note) == null ? "" : note.strip()));
        return query(OPPORTUNITY_INTERVENTIONS.ID.eq(id), 1).getFirst();
    }

    private List<Intervention> query(Condition c, int limit) {
        Map<Long, String> names =
                directory.users().stream().collect(Collectors.toMap(UserSummary::id, UserSummary::displayName));
        return db.select(OPPORTUNITY_INTERVENTIONS.fields())
                .select(OPPORTUNITIES.NAME, OPPORTUNITIES.HEALTH_SCORE)
                .from(OPPORTUNITY_INTERVENTIONS)
                .join(OPPORTUNITIES)
                .on(OPPORTUNITIES.ID.eq(OPPORTUNITY_INTERVENTIONS.OPPORTUNITY_ID))
                .where(c)
                .orderBy(OPPORTUNITY_INTERVENTIONS.STATUS.desc(), OPPORTUNITY_INTERVENTIONS.OPENED_AT.desc())
                .limit(Math.max(1, Math.min(limit, 500)))
                .fetch(r -> new Intervention(
                        r.get(OPPORTUNITY_INTERVENTIONS.ID),
                        r.get(OPPORTUNITY_INTERVENTIONS.OPPORTUNITY_ID),
                        r.get(OPPORTUNITIES.NAME),
                        r.get(OPPORTUNITY_INTERVENTIONS.OWNER_ID),
                        names.getOrDefault(r.get(OPPORTUNITY_INTERVENTIONS.OWNER_ID), "?"),
                        r.get(OPPORTUNITY_INTERVENTIONS.MANAGER_ID),
                        r.get(OPPORTUNITY_INTERVENTIONS.SCORE),
                        r.get(OPPORTUNITIES.HEALTH_SCORE),
                        r.get(OPPORTUNITY_INTERVENTIONS.WEAK_FACTORS),
                        r.get(OPPORTUNITY_INTERVENTIONS.STATUS),
                        r.get(OPPORTUNITY_INTERVENTIONS.OUTCOME),
                        r.get(OPPORTUNITY_INTERVENTIONS.NOTE),
                        r.get(OPPORTUNITY_INTERVENTIONS.OPENED_AT),
                        r.get(OPPORTUNITY_INTERVENTIONS.RESOLVED_AT)));
    }
}
