package app.lantern.alert;

/**
 * A rule's condition holds for a subject. Raising the same rule and subject again updates the open alert instead of
 * opening another.
 *
 * @param subjectType {@code rep}, {@code opportunity}, {@code quote}, …
 * @param ownerId     whose alert it is (the rep); their direct manager sees it on the board
 * @param severity    HIGH, MEDIUM or LOW
 * @param evidenceLink a path in Lantern showing why (the opportunity, the quote, the rep's activities)
 */
public record AlertSignal(String ruleCode, String subjectType, long subjectId, long ownerId, String severity, String message, String evidenceLink) {}
