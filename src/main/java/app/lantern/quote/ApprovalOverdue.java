package app.lantern.quote;

import java.time.OffsetDateTime;

/**
 * An approval step has waited more than 2 working days. Published once per step; the alert module raises
 * "approval waiting > 2 working days" from it.
 */
public record ApprovalOverdue(
        long quoteId,
        long approvalId,
        long ownerId,
        Long approverId,
        String approverRole,
        OffsetDateTime requestedAt,
        int workingDaysWaiting) {}
