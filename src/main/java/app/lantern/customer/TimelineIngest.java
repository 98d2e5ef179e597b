package app.lantern.customer;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * An entry from a system outside Lantern: {@code type} order, ticket, email or chat; idempotent by
 * {@code externalId} (sending the same id again returns the stored entry). Orders carry {@code amount} and may carry
 * {@code grossMargin} and {@code paidOnTime}; tickets may carry {@code serviceCost}.
 */
public record TimelineIngest(
        String type,
        String externalId,
        OffsetDateTime occurredAt,
        String title,
        String body,
        String source,
        String link,
        BigDecimal amount,
        BigDecimal grossMargin,
        Boolean paidOnTime,
        BigDecimal serviceCost) {}
