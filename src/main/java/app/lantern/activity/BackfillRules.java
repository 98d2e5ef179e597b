package app.lantern.activity;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Predicate;

/**
 * Back-fill (补录) rules, pure: an activity created long after it occurred is LATE; a run of entries created close
 * together outside working hours is a BURST.
 *
 * @param lateAfter  how long after the occurrence an entry counts as back-filled
 * @param burstSize  entries created outside working hours within {@code burstWindow} that make a burst
 */
public record BackfillRules(Duration lateAfter, int burstSize, Duration burstWindow) {

    public static final String LATE = "LATE";
    public static final String BURST = "BURST";

    public boolean isLate(OffsetDateTime occurredAt, OffsetDateTime createdAt) {
        return Duration.between(occurredAt, createdAt).compareTo(lateAfter) > 0;
    }

    /**
     * Whether {@code createdAt} (outside working hours) is part of a burst, given the creation times of the owner's
     * other entries around it.
     */
    public boolean isBurst(
            OffsetDateTime createdAt,
            List<OffsetDateTime> otherCreatedAts,
            Predicate<OffsetDateTime> withinWorkingHours) {
        if (withinWorkingHours.test(createdAt)) {
            return false;
        }
        long near = otherCreatedAts.stream()
                .filter(t -> !withinWorkingHours.test(t))
                .filter(t -> Duration.between(t, createdAt).abs().compareTo(burstWindow) <= 0)
                .count();
        return near + 1 >= burstSize;
    }

    /** The flag for a new entry: LATE wins over BURST; null when neither. */
    public String classify(
            OffsetDateTime occurredAt,
            OffsetDateTime createdAt,
            List<OffsetDateTime> otherCreatedAts,
            Predicate<OffsetDateTime> withinWorkingHours) {
        if (isLate(occurredAt, createdAt)) {
            return LATE;
        }
        return isBurst(createdAt, otherCreatedAts, withinWorkingHours) ? BURST : null;
    }
}
