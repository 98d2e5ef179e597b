package app.lantern.pipeline;

import app.lantern.calendar.WorkingCalendar;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Prefix sums of working days over a window, so that "working days between" is O(1) during a full recompute; the
 * {@link #direct} index asks the (in-memory) calendar instead, for a single recompute that should not build a window.
 */
final class WorkingDayIndex {

    private final WorkingCalendar calendar;
    private final LocalDate start;
    private final int[] prefix;

    private WorkingDayIndex(WorkingCalendar calendar) {
        this.calendar = calendar;
        this.start = LocalDate.MIN;
        this.prefix = new int[0];
    }

    static WorkingDayIndex direct(WorkingCalendar calendar) {
        return new WorkingDayIndex(calendar);
    }

    WorkingDayIndex(WorkingCalendar calendar, LocalDate today) {
        this.calendar = calendar;
        this.start = today.minusYears(3);
        int n = (int) ChronoUnit.DAYS.between(start, today.plusYears(1)) + 1;
        this.prefix = new int[n + 1];
        LocalDate d = start;
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + (calendar.isWorkingDay(d) ? 1 : 0);
            d = d.plusDays(1);
        }
    }

    /** Working days in [from, to). */
    int between(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        if (prefix.length == 0) {
            return calendar.workingDaysBetween(from, to);
        }
        long a = ChronoUnit.DAYS.between(start, from);
        long b = ChronoUnit.DAYS.between(start, to);
        if (a < 0 || b >= prefix.length) {
            return calendar.workingDaysBetween(from, to);
        }
        return prefix[(int) b] - prefix[(int) a];
    }
}
