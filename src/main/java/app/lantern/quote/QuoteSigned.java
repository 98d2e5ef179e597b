package app.lantern.quote;

import java.time.OffsetDateTime;

/** The customer signed a quote online; finance is due to apply the seal by {@code stampDueAt} (2 working hours). */
public record QuoteSigned(
        long quoteId,
        long ownerId,
        Long opportunityId,
        String number,
        OffsetDateTime signedAt,
        OffsetDateTime stampDueAt) {}
