package app.lantern.pipeline;

import java.time.OffsetDateTime;

public record OpportunityStageChanged(
        long opportunityId, long ownerId, long fromStageId, long toStageId, OffsetDateTime at) {}
