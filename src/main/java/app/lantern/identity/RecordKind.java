package app.lantern.identity;

/** The kinds of owned records whose visibility differs by role (finance sees every quote and contract, for one). */
public enum RecordKind {
    CUSTOMER,
    OPPORTUNITY,
    ACTIVITY,
    QUOTE,
    CONTRACT,
    TARGET,
    USER
}
