package app.lantern.pipeline;

import java.time.OffsetDateTime;

/** The opportunity was closed as lost ({@code actorId}: who closed it). */
public record OpportunityLost(long opportunityId, long ownerId, String reason, OffsetDateTime at, long actorId) {}
