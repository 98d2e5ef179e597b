package app.lantern.customer;

/**
 * Where a row of an import ended: every row ends in exactly one of these. For the history kinds (opportunities, stage
 * history, activities) MERGED is a row whose external id was already imported: the record was updated in place.
 */
public enum ImportOutcome {
    /** A new customer with no duplicate in sight. */
    IMPORTED,
    /** A new customer that may duplicate another; put on the duplicate review list (疑似重复). */
    REVIEW,
    /** A certain duplicate merged into the existing customer (policy merge), or a known external id updated. */
    MERGED,
    /** A certain duplicate left out (policy skip), or an empty row. */
    SKIPPED,
    /** Invalid values; the reason names the fields. */
    REJECTED
}
