package app.lantern.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Working days and hours of the organisation, in its business time zone. A working day is a weekday that is not a
 * statutory holiday, or a weekend day that the State Council made a working day (调休).
 *
 * <p>Years whose State Council notice is loaded follow it exactly; other years use the statutory holiday dates without
 * make-up working days (see {@link YearSource}). Results are served from an in-memory table per year: calls do not
 * touch the database, and an admin's edit is visible to the next call.
 */
public interface WorkingCalendar {

    ZoneId zone();

    /** The daily working hours ({@code [start, end)}, default 09:00–18:00); the application's calendar returns the admin's setting. */
    default WorkingHours workingHours() {
        return WorkingHours.DEFAULT;
    }

    boolean isWorkingDay(LocalDate date);

    /**
     * The holiday or make-up working day on {@code date}, if it is one (days that just follow the weekday/weekend rule
     * give empty); the application's calendar always answers, the default is for simple test doubles.
     */
    default Optional<CalendarDay> day(LocalDate date) {
        return Optional.empty();
    }

    /** The date {@code days} working days after {@code from} (before it when negative); {@code from} itself never counts. */
    LocalDate addWorkingDays(LocalDate from, int days);

    /** Working days in the half-open range {@code [from, to)}; negative when {@code to} is before {@code from}. */
    int workingDaysBetween(LocalDate from, LocalDate to);

    /** Whether the instant falls inside working hours ({@code [start, end)}) of a working day. */
    boolean isWithinWorkingHours(Instant instant);

    /**
     * Working time between two instants (only the parts inside working hours of working days count); negative when
     * {@code to} is before {@code from}.
     */
    Duration workingTimeBetween(Instant from, Instant to);

    /**
     * The instant reached after spending {@code workingTime} (not negative) of working hours from {@code from}. A
     * duration that ends exactly at the end of a working day gives that day's end, not the next day's start.
     */
    Instant addWorkingTime(Instant from, Duration workingTime);

    /**
     * The same local time of day {@code days} working days after (before, when negative) the day of {@code from}: the
     * deadline of "within 2 working days" for something that happened at {@code from}. The day of {@code from} never
     * counts, whether or not it is a working day.
     */
    default Instant addWorkingDays(Instant from, int days) {
        java.time.ZonedDateTime t = from.atZone(zone());
        return addWorkingDays(t.toLocalDate(), days)
                .atTime(t.toLocalTime())
                .atZone(zone())
                .toInstant();
    }

    /** The first working day strictly after {@code date}. */
    default LocalDate nextWorkingDay(LocalDate date) {
        return addWorkingDays(date, 1);
    }

    /** The last working day strictly before {@code date}. */
    default LocalDate previousWorkingDay(LocalDate date) {
        return addWorkingDays(date, -1);
    }

    /** {@code date} itself when it is a working day, else the next working day. */
    default LocalDate workingDayOnOrAfter(LocalDate date) {
        return isWorkingDay(date) ? date : nextWorkingDay(date);
    }

    /** The working day {@code n} working days before {@code today} ("2 working days ago"); {@code today} never counts. */
    default LocalDate workingDaysAgo(LocalDate today, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        return addWorkingDays(today, -n);
    }

    /** The {@code n} most recent working days on or before {@code through}, oldest first. */
    default List<LocalDate> lastWorkingDays(LocalDate through, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        List<LocalDate> days = new ArrayList<>(n);
        LocalDate d = workingDayOnOrBefore(through);
        while (days.size() < n) {
            days.add(d);
            d = previousWorkingDay(d);
        }
        Collections.reverse(days);
        return days;
    }

    /** {@code date} itself when it is a working day, else the previous working day. */
    default LocalDate workingDayOnOrBefore(LocalDate date) {
        return isWorkingDay(date) ? date : previousWorkingDay(date);
    }

    /**
     * How many consecutive working days, counting back from {@code through} (inclusive when it is a working day), had
     * nothing for which {@code happenedOn} is true; stops counting at {@code limit}. Non-working days are skipped and
     * neither break nor extend a streak, so "no new opportunity for 3 consecutive working days" is
     * {@code consecutiveWorkingDaysWithout(yesterday, 3, createdOn::contains) >= 3}.
     */
    default int consecutiveWorkingDaysWithout(LocalDate through, int limit, Predicate<LocalDate> happenedOn) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        int count = 0;
        LocalDate d = workingDayOnOrBefore(through);
        while (count < limit && !happenedOn.test(d)) {
            count++;
            d = previousWorkingDay(d);
        }
        return count;
    }

    /** Whether each of the {@code n} working days ending at {@code through} had nothing for which {@code happenedOn} holds. */
    default boolean noneOnLastWorkingDays(LocalDate through, int n, Predicate<LocalDate> happenedOn) {
        return consecutiveWorkingDaysWithout(through, n, happenedOn) >= n;
    }
}
