package app.lantern.quote;

import app.lantern.calendar.WorkingCalendar;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;

/** How long approvals waited, counted in the working calendar's working days and hours. */
@Component
final class WorkingTime {

    private final WorkingCalendar calendar;

    WorkingTime(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /** Whole working days between request and now: a request on Monday 10:00 is 2 days old on Wednesday 10:00. */
    int daysWaiting(OffsetDateTime requested, OffsetDateTime now) {
        var zone = calendar.zone();
        var from = requested.atZoneSameInstant(zone);
        var to = now.atZoneSameInstant(zone);
        int days = calendar.workingDaysBetween(from.toLocalDate(), to.toLocalDate());
        if (to.toLocalTime().isBefore(from.toLocalTime()) && days > 0) {
            days--;
        }
        return days;
    }

    /** Working hours between two instants, to a tenth of an hour (0 when either is missing). */
    double hours(OffsetDateTime from, OffsetDateTime to) {
        if (from == null || to == null) {
            return 0;
        }
        return Math.round(calendar.workingTimeBetween(from.toInstant(), to.toInstant())
                                .toMinutes()
                        / 6.0)
                / 10.0;
    }
}
