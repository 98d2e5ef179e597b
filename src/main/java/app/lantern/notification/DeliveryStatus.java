package app.lantern.notification;

/** Where one delivery of a message through one channel stands. */
public enum DeliveryStatus {
    /** Waiting for its first attempt (possibly until the recipient's quiet hours end). */
    PENDING,
    /** Claimed by a worker, which holds a lease until {@code lease_until}. */
    SENDING,
    /** An attempt failed; the next one is due at {@code next_attempt_at}. */
    RETRY,
    DELIVERED,
    /** Gave up: a permanent provider error or too many attempts; the reason is kept for admins. */
    FAILED,
    /** Nothing to send to: the recipient has no address for this channel. */
    SKIPPED
}
