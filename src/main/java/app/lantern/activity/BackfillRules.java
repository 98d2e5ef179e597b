package app.lantern.activity;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Back-fill (补录) rules, pure. An entry is part of a BURST (集中补录) when at least {@code burstSize} of the rep's
 * entries were typed outside working hours within {@code burstWindow} of each other, however long after the events
 * they describe; otherwise it is LATE (迟录) when it was typed more than {@code lateAfter} after it happened. A burst
 * says more than lateness (a week typed in one evening), so it wins.
 *
 * @param lateAfter   how long after the occurrence an entry counts as back-filled
 * @param burstSize   entries typed outside working hours within {@code burstWindow} that make a burst
 * @param burstWindow the span those entries must fit in
 */
public record BackfillRules(Duration lateAfter, int burstSize, Duration burstWindow) {

    public static final String LATE = "LATE";
    public static final String BURST = "BURST";

    public static final int MAX_LATE_HOURS = 24 * 30;
    public static final int MAX_BURST_MINUTES = 24 * 60;

    public BackfillRules {
        if (lateAfter.isNegative() || lateAfter.isZero() || lateAfter.toHours() > MAX_LATE_HOURS) {
            throw new IllegalArgumentException("lateAfter out of range: " + lateAfter);
        }
        if (burstSize < 2 || burstSize > 1000) {
            throw new IllegalArgumentException("burstSize out of range: " + burstSize);
        }
        if (burstWindow.isNegative() || burstWindow.isZero() || burstWindow.toMinutes() > MAX_BURST_MINUTES) {
            throw new IllegalArgumentException("burstWindow out of range: " + burstWindow);
        }
    }

    /** One logged entry: when the event happened and when it was typed. */
    public record Entry(OffsetDateTime occurredAt, OffsetDateTime createdAt) {}

    public boolean isLate(OffsetDateTime occurredAt, OffsetDateTime createdAt) {
        return Duration.between(occurredAt, createdAt).compareTo(lateAfter) > 0;
    }

    /**
     * The flag of each entry of one rep (same order as {@code entries}; null when neither): every entry that belongs to
     * a window of at least {@code burstSize} entries typed outside working hours within {@code burstWindow} is BURST;
     * of the rest, those typed more than {@code lateAfter} after the event are LATE.
     */
    public List<String> classify(List<Entry> entries, Predicate<OffsetDateTime> withinWorkingHours) {
        String[] flags = new String[entries.size()];
        int[] offHours = IntStream.range(0, entries.size())
                .filter(i -> !withinWorkingHours.test(entries.get(i).createdAt()))
                .boxed()
                .sorted(Comparator.comparing(i -> entries.get(i).createdAt()))
                .mapToInt(Integer::intValue)
                .toArray();
        int start = 0;
        for (int end = 0; end < offHours.length; end++) {
            OffsetDateTime last = entries.get(offHours[end]).createdAt();
            while (Duration.between(entries.get(offHours[start]).createdAt(), last)
                            .compareTo(burstWindow)
                    > 0) {
                start++;
            }
            if (end - start + 1 >= burstSize) {
                for (int k = start; k <= end; k++) {
                    flags[offHours[k]] = BURST;
                }
            }
        }
        for (int i = 0; i < flags.length; i++) {
            if (flags[i] == null
                    && isLate(entries.get(i).occurredAt(), entries.get(i).createdAt())) {
                flags[i] = LATE;
            }
        }
        return new ArrayList<>(Arrays.asList(flags));
    }
}
