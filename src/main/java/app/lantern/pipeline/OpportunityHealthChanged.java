package app.lantern.pipeline;

/** The health score moved. {@code previousScore} is -1 for the first computation. */
public record OpportunityHealthChanged(long opportunityId, long ownerId, int score, int previousScore) {}
