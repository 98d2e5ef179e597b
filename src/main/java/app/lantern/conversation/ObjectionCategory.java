package app.lantern.conversation;

/** What a customer's objection is about. */
public enum ObjectionCategory {
    /** Price too high, over budget, asking for a discount. */
    PRICE,
    /** Comparing with or preferring a competitor. */
    COMPETITOR,
    /** Implementation, delivery time, after-sales service, training. */
    DELIVERY,
    /** Someone else decides; the decision chain is incomplete. */
    AUTHORITY,
    /** Not now, next budget cycle. */
    TIMING,
    /** Qualifications, references, security or compliance doubts. */
    TRUST,
    /** Features or requirements do not match. */
    FIT
}
