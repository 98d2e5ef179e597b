package app.lantern.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Working days and hours of the organisation, in its business time zone. A working day is a weekday that is not a
 * statutory holiday, or a weekend day that the State Council made a working day (调休).
 */
public interface WorkingCalendar {

    ZoneId zone();

    boolean isWorkingDay(LocalDate date);

    /** The date {@code days} working days after {@code from} (before it when negative); {@code from} itself never counts. */
    LocalDate addWorkingDays(LocalDate from, int days);

    /** Working days in the half-open range {@code [from, to)}. */
    int workingDaysBetween(LocalDate from, LocalDate to);

    /** Whether the instant falls inside working hours of a working day. */
    boolean isWithinWorkingHours(Instant instant);

    /** Working time between two instants (only the parts inside working hours of working days count). */
    Duration workingTimeBetween(Instant from, Instant to);

    /** The instant reached after spending {@code workingTime} of working hours from {@code from}. */
    Instant addWorkingTime(Instant from, Duration workingTime);
}
