package app.lantern.quote;

/** A quote's follow-up was closed with a feedback tag (价格敏感, 已接受, …). */
public record QuoteFeedbackRecorded(long quoteId, long ownerId, Long opportunityId, String tag, boolean accepted) {}
