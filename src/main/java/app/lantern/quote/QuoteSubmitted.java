package app.lantern.quote;

/** A quote went to approval (or was approved at once when no rule applied). */
public record QuoteSubmitted(long quoteId, long ownerId, boolean needsApproval) {}
