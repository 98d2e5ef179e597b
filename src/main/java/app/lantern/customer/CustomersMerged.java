package app.lantern.customer;

/**
 * {@code mergedId} was merged into {@code survivorId}. Published inside the merge transaction: listeners that hold
 * customer ids re-point them synchronously, so the merge is all or nothing.
 */
public record CustomersMerged(long survivorId, long mergedId) {}
