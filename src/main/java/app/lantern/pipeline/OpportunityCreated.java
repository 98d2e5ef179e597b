package app.lantern.pipeline;

public record OpportunityCreated(long opportunityId, long ownerId, long customerId) {}
