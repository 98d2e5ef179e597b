package app.lantern.quote;

/**
 * Where one approval step stands: WAITING for an earlier step, PENDING with its approver, then APPROVED or REJECTED;
 * CANCELLED when the quote was rejected at an earlier step or revised.
 */
public enum ApprovalStatus {
    WAITING,
    PENDING,
    APPROVED,
    REJECTED,
    CANCELLED
}
