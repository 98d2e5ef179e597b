package app.lantern.audit;

/** What kind of attempt a security event records. */
public enum SecurityEventKind {
    /** A record outside the caller's data scope was asked for (answered with the uniform 404). */
    SCOPE_DENIED,
    /** A state-changing request came without a valid CSRF token. */
    CSRF_REJECTED,
    /** A sign-in was refused because the account or the address had too many failures. */
    LOGIN_THROTTLED,
    /** An inbound webhook or callback failed its signature, timestamp or origin check. */
    WEBHOOK_REJECTED,
    /** An unauthenticated inbound endpoint refused a caller for calling too often. */
    INBOUND_THROTTLED
}
