package app.lantern.pipeline;

import java.time.OffsetDateTime;

/** The opportunity entered another stage of its pipeline ({@code actorId}: who moved it). */
public record OpportunityStageChanged(
        long opportunityId, long ownerId, long fromStageId, long toStageId, OffsetDateTime at, long actorId) {}
