package app.lantern.quote;

/** Anything about a quote changed (created, revised, approved, sent, signed, stamped, feedback). */
public record QuoteChanged(long quoteId, Long opportunityId) {}
