package app.lantern.pipeline;

import java.time.OffsetDateTime;

public record OpportunityLost(long opportunityId, long ownerId, String reason, OffsetDateTime at) {}
