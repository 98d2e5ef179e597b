package app.lantern.insight;

/** Why a deal expected in the month slipped past its end, in the order a deal is assigned to one of them. */
public enum SlipReason {
    /** A quote approval step waited more than two working days. */
    APPROVAL,
    /** A quote took more than two working days from draft to customer. */
    QUOTE,
    /** The deal sat in its stage beyond the stage's SLA at month end. */
    DWELL
}
