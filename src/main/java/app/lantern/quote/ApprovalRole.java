package app.lantern.quote;

/** Who decides an approval step: the owner's manager (or an executive), or finance. Managers always come first. */
public enum ApprovalRole {
    MANAGER,
    FINANCE
}
