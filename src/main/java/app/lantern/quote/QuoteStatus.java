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

    /** Whether the quote may still be changed in place (draft, or rejected by an approver). */
    public boolean editable() {
        return this == DRAFT || this == REJECTED;
    }
}
