package app.lantern.quote;

/** An approval step of a quote started waiting (the first on submission, later ones when the previous step approved). */
public record ApprovalStepOpened(long quoteId, long approvalId, String role, Long approverId) {}
