package app.lantern.quote;

import java.time.LocalDate;

/** A sent quote expires within a working day and its follow-up has no feedback tag yet. */
public record QuoteExpiringWithoutFeedback(long quoteId, long ownerId, Long opportunityId, LocalDate validUntil) {}
