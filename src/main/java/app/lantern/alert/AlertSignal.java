package app.lantern.alert;

import app.lantern.shared.Phrase;

/**
 * A rule's condition holds for a subject. Raising the same rule and subject again updates the open alert instead of
 * opening another.
 *
 * @param subjectType {@code rep}, {@code opportunity}, {@code quote}, …
 * @param ownerId     whose alert it is (the rep); their direct manager sees it on the board
 * @param severity    HIGH, MEDIUM or LOW
 * @param message     what happened, put into words in each reader's language (numbers, names and dates as they are)
 * @param evidenceLink a path in Lantern showing why (the opportunity, the quote, the rep's activities)
 */
public record AlertSignal(
        String ruleCode,
        String subjectType,
        long subjectId,
        long ownerId,
        String severity,
        Phrase message,
        String evidenceLink) {

    /** Message key of a text written already, shown as it is in every language. */
    static final String WRITTEN = "alert.message.written";

    /** A signal whose message is a text written already (shown as it is in every language). */
    public AlertSignal(
            String ruleCode,
            String subjectType,
            long subjectId,
            long ownerId,
            String severity,
            String message,
            String evidenceLink) {
        this(ruleCode, subjectType, subjectId, ownerId, severity, new Phrase(WRITTEN, message), evidenceLink);
    }
}
