package app.lantern.quote;

/** Where a quote stands. EXPIRED is never stored: a sent quote past its validity date reads as expired. */
public enum QuoteStatus {
    DRAFT,
    PENDING_APPROVAL,
    APPROVED,
    REJECTED,
    SENT,
    SIGNED,
    STAMPED,
    SUPERSEDED,
    EXPIRED;

    boolean editable() {
        return this == DRAFT || this == REJECTED;
    }
}
