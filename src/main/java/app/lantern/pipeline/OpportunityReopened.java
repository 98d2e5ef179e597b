package app.lantern.pipeline;

import java.time.OffsetDateTime;

/** A won or lost opportunity was opened again, in the stage it was closed from. */
public record OpportunityReopened(
        long opportunityId,
        long ownerId,
        OpportunityStatus previousStatus,
        long stageId,
        OffsetDateTime at,
        long actorId) {}
