package app.lantern.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A day that differs from the plain "Monday to Friday" rule or carries a holiday name.
 *
 * @param date     the day
 * @param kind     HOLIDAY (no work, also used to name weekend days inside a holiday period) or WORKDAY (调休上班)
 * @param name     the festival, e.g. 春节, 国庆节
 * @param explicit true when stored (from a notice or an admin edit); false when derived from the statutory rules
 */
public record CalendarDay(LocalDate date, DayKind kind, String name, boolean explicit) {

    public CalendarDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    public boolean holiday() {
        return kind == DayKind.HOLIDAY;
    }

    /** A make-up working day: a weekend day that is worked (调休上班, shown as 班). */
    public boolean makeUpWorkday() {
        return kind == DayKind.WORKDAY;
    }
}
