package app.lantern.notification;

/**
 * The provider's answer to one attempt.
 *
 * @param code    the provider's error code ({@code errcode}/{@code code}, an SMTP reply or an HTTP status), "0" on success
 * @param message the provider's message ({@code errmsg}/{@code msg}) or the local reason
 */
record SendResult(Outcome outcome, String code, String message) {

    enum Outcome {
        DELIVERED,
        /** Transient: retry with backoff. */
        RETRY,
        /** The provider throttles this channel: retry later. */
        RATE_LIMITED,
        /** Permanent: retrying cannot help (bad signature, invalid webhook, unknown user). */
        FAILED,
        /** Nothing to send to (no address for this recipient). */
        SKIPPED
    }

    static SendResult delivered(String code, String message) {
        return new SendResult(Outcome.DELIVERED, code, message);
    }

    static SendResult retry(String code, String message) {
        return new SendResult(Outcome.RETRY, code, message);
    }

    static SendResult failed(String code, String message) {
        return new SendResult(Outcome.FAILED, code, message);
    }

    static SendResult rateLimited(String code, String message) {
        return new SendResult(Outcome.RATE_LIMITED, code, message);
    }

    static SendResult skipped(String message) {
        return new SendResult(Outcome.SKIPPED, null, message);
    }
}
