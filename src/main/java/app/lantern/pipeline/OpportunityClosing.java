package app.lantern.pipeline;

import app.lantern.audit.AuditLog;
import app.lantern.identity.CurrentActor;
import app.lantern.shared.ValidationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Closing opportunities as won or lost, and reopening them; each step audited and published. */
@Service
@Transactional
public class OpportunityClosing {

    private final OpportunityStore store;
    private final OpportunityQueries queries;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final HealthEngine health;
    private final Clock clock;

    OpportunityClosing(
            OpportunityStore store,
            OpportunityQueries queries,
            CurrentActor currentActor,
            AuditLog audit,
            ApplicationEventPublisher events,
            HealthEngine health,
            Clock clock) {
        this.store = store;
        this.queries = queries;
        this.currentActor = currentActor;
        this.audit = audit;
        this.events = events;
        this.health = health;
        this.clock = clock;
    }

    /** Closes as won; {@code amount} (optional) is the signed amount; {@code note} is kept in the history. */
    public OpportunityDetails win(long id, BigDecimal amount, String note, Integer expectedVersion) {
        Opportunity o = load(id, expectedVersion);
        if (note != null && note.strip().length() > 500) {
            throw ValidationException.field("reason", "at most 500 characters");
        }
        OpportunityStatus was = o.status();
        BigDecimal before = o.amount();
        OffsetDateTime now = OffsetDateTime.now(clock);
        OpportunityWon won = o.win(amount, now, currentActor.require().userId());
        store.save(o, now);
        store.leaveStage(id, now, StageExit.WON);
        store.resolveInterventions(id, InterventionOutcome.NO_ACTION, now);
        audit.updated(
                "opportunity",
                id,
                fields(was, before, null),
                fields(o.status(), o.amount(), note == null || note.isBlank() ? null : note.strip()));
        events.publishEvent(won);
        return store.details(id);
    }

    /** Closes as lost; the reason is required. */
    public OpportunityDetails lose(long id, String reason, Integer expectedVersion) {
        Opportunity o = load(id, expectedVersion);
        OpportunityStatus was = o.status();
        OffsetDateTime now = OffsetDateTime.now(clock);
        OpportunityLost lost = o.lose(reason, now, currentActor.require().userId());
        store.save(o, now);
        store.leaveStage(id, now, StageExit.LOST);
        store.resolveInterventions(id, InterventionOutcome.CLOSED_LOST, now);
        audit.updated(
                "opportunity",
                id,
                Map.of("status", was.name()),
                Map.of("status", o.status().name(), "lossReason", o.lossReason()));
        events.publishEvent(lost);
        return store.details(id);
    }

    /** Opens a won or lost opportunity again in the stage it was closed from (a signing fell through, a lost deal came back). */
    public OpportunityDetails reopen(long id, Integer expectedVersion) {
        Opportunity o = load(id, expectedVersion);
        OpportunityStatus was = o.status();
        OffsetDateTime now = OffsetDateTime.now(clock);
        long actorId = currentActor.require().userId();
        OpportunityReopened reopened = o.reopen(now, actorId);
        store.save(o, now);
        store.enterStage(id, o.stageId(), now, actorId);
        audit.updated(
                "opportunity",
                id,
                Map.of("status", was.name()),
                Map.of("status", o.status().name()));
        events.publishEvent(reopened);
        health.recompute(id);
        return store.details(id);
    }

    private Opportunity load(long id, Integer expectedVersion) {
        queries.visible(id);
        Opportunity o = store.load(id);
        if (expectedVersion != null && expectedVersion != o.version()) {
            throw OpportunityStore.conflict(o.version());
        }
        return o;
    }

    private static Map<String, Object> fields(OpportunityStatus status, BigDecimal amount, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status.name());
        m.put("amount", amount);
        m.put("reason", reason);
        return m;
    }
}
