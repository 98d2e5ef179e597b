package app.lantern.customer;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

public record TimelineEntryView(
        String id,
        String customerId,
        String type,
        OffsetDateTime occurredAt,
        String title,
        String body,
        String link,
        String source,
        String externalId,
        BigDecimal amount,
        BigDecimal grossMargin,
        Boolean paidOnTime,
        BigDecimal serviceCost,
        OffsetDateTime createdAt) {}
