package app.lantern.pipeline;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The latest quote of an opportunity as the health score sees it.
 *
 * @param status      quote status, e.g. DRAFT, PENDING_APPROVAL, APPROVED, SENT, ACCEPTED, SIGNED, REJECTED, EXPIRED
 * @param feedbackTag customer feedback, e.g. POSITIVE, PRICE_TOO_HIGH, NEEDS_CHANGES, NO_RESPONSE, or null
 */
public record QuoteSignal(String status, String feedbackTag, OffsetDateTime sentAt, LocalDate validUntil) {}
