package app.lantern.quote;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A quote was sent to the customer with a signing link. */
public record QuoteSent(long quoteId, long ownerId, Long opportunityId, OffsetDateTime sentAt, LocalDate validUntil) {}
