package app.lantern.quote;

import java.time.OffsetDateTime;

/** Finance applied the company seal (in Lantern, or reported from a finance system through the inbound callback). */
public record QuoteStamped(
        long quoteId, long ownerId, Long opportunityId, String number, OffsetDateTime stampedAt, boolean external) {}
