package app.lantern.quote;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A sent quote awaiting the customer that expires soon, as reminders in other modules (the daily brief) see it. */
public record ExpiringQuote(
        long id,
        String displayNumber,
        String customerName,
        Long opportunityId,
        BigDecimal total,
        LocalDate validUntil,
        boolean feedback) {}
