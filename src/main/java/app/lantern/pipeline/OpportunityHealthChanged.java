package app.lantern.pipeline;

/**
 * The health score moved. {@code previousScore} is -1 for the first computation. Published for every change of one
 * opportunity's score on an event; the nightly full recompute publishes one per owner (their most significant move:
 * a threshold crossing, else the largest), as listeners re-evaluate an owner as a whole.
 */
public record OpportunityHealthChanged(long opportunityId, long ownerId, int score, int previousScore) {}
