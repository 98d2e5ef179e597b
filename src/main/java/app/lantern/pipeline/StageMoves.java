package app.lantern.pipeline;

import app.lantern.audit.AuditLog;
import app.lantern.identity.CurrentActor;
import app.lantern.shared.ValidationException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Moving opportunities between the gated stages of their pipeline (Kanban drag and drop, the API). */
@Service
@Transactional
public class StageMoves {

    private final OpportunityStore store;
    private final OpportunityQueries queries;
    private final Pipelines pipelines;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final HealthEngine health;
    private final Clock clock;

    StageMoves(
            OpportunityStore store,
            OpportunityQueries queries,
            Pipelines pipelines,
            CurrentActor currentActor,
            AuditLog audit,
            ApplicationEventPublisher events,
            HealthEngine health,
            Clock clock) {
        this.store = store;
        this.queries = queries;
        this.pipelines = pipelines;
        this.currentActor = currentActor;
        this.audit = audit;
        this.events = events;
        this.health = health;
        this.clock = clock;
    }

    /**
     * Moves to another stage of the same pipeline: 422 naming every missing entry-criteria field, 409 when someone
     * changed the opportunity since {@code expectedVersion} (null: since it was read here). Moving to the stage it is
     * in changes nothing.
     */
    public OpportunityDetails moveTo(long id, long stageId, Integer expectedVersion) {
        OpportunityDetails before = queries.visible(id);
        PipelineView pipeline = pipelines.require(before.pipelineId());
        StageView target = pipeline.stage(stageId)
                .orElseThrow(() ->
                        ValidationException.unprocessable("stageId", "not a stage of this opportunity's pipeline"));
        Opportunity o = store.load(id);
        if (expectedVersion != null && expectedVersion != o.version()) {
            throw OpportunityStore.conflict(o.version());
        }
        if (o.status() == OpportunityStatus.OPEN && target.id() == o.stageId()) {
            return before;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long actorId = currentActor.require().userId();
        OpportunityStageChanged moved =
                o.moveTo(target, pipeline.entryCriteria(target), store.evidence(id), now, actorId);
        store.save(o, now);
        store.leaveStage(id, now, StageExit.MOVED);
        store.enterStage(id, target.id(), now, actorId);
        audit.updated("opportunity", id, Map.of("stage", before.stageName()), Map.of("stage", target.name()));
        events.publishEvent(moved);
        health.recompute(id);
        return store.details(id);
    }
}
