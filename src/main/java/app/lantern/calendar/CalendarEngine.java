package app.lantern.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * The business-day and business-hour arithmetic over precomputed years. Pure: no database, no Spring; every answer
 * comes from {@link CalendarSource}'s in-memory tables.
 */
class CalendarEngine implements WorkingCalendar {

    /** No sensible question spans more than this many days; beyond it the data must be broken (e.g. a year of holidays). */
    private static final int MAX_SCAN_DAYS = 366 * 100;

    private final ZoneId zone;
    private final CalendarSource source;

    CalendarEngine(ZoneId zone, CalendarSource source) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public WorkingHours workingHours() {
        return source.hours();
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        return source.year(date.getYear()).isWorkingDay(date.getDayOfYear());
    }

    @Override
    public Optional<CalendarDay> day(LocalDate date) {
        return Optional.ofNullable(source.year(date.getYear()).day(date.getDayOfYear()));
    }

    @Override
    public LocalDate addWorkingDays(LocalDate from, int days) {
        int step = days >= 0 ? 1 : -1;
        LocalDate d = from;
        int scanned = 0;
        for (int left = Math.abs(days); left > 0; ) {
            d = d.plusDays(step);
            if (isWorkingDay(d)) {
                left--;
            }
            if (++scanned > MAX_SCAN_DAYS + Math.abs(days)) {
                throw new IllegalStateException("no working days found near " + d);
            }
        }
        return d;
    }

    @Override
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        if (from.getYear() == to.getYear()) {
            YearTable t = source.year(from.getYear());
            return t.workingDaysBefore(to.getDayOfYear()) - t.workingDaysBefore(from.getDayOfYear());
        }
        YearTable first = source.year(from.getYear());
        int n = first.workingDays() - first.workingDaysBefore(from.getDayOfYear());
        for (int y = from.getYear() + 1; y < to.getYear(); y++) {
            n += source.year(y).workingDays();
        }
        return n + source.year(to.getYear()).workingDaysBefore(to.getDayOfYear());
    }

    @Override
    public boolean isWithinWorkingHours(Instant instant) {
        ZonedDateTime t = instant.atZone(zone);
        return isWorkingDay(t.toLocalDate()) && source.hours().contains(t.toLocalTime());
    }

    @Override
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return workingTimeBetween(to, from).negated();
        }
        WorkingHours hours = source.hours();
        LocalDate first = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate();
        if (first.equals(last)) {
            return overlap(first, hours, from, to);
        }
        Duration total = overlap(first, hours, from, to).plus(overlap(last, hours, from, to));
        int fullDays = workingDaysBetween(first.plusDays(1), last);
        return total.plus(hours.length().multipliedBy(fullDays));
    }

    /** Working time of {@code date} that lies inside {@code [from, to]}. */
    private Duration overlap(LocalDate date, WorkingHours hours, Instant from, Instant to) {
        if (!isWorkingDay(date)) {
            return Duration.ZERO;
        }
        Instant s = max(from, start(date, hours));
        Instant e = min(to, end(date, hours));
        return e.isAfter(s) ? Duration.between(s, e) : Duration.ZERO;
    }

    @Override
    public Instant addWorkingTime(Instant from, Duration workingTime) {
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException("working time must not be negative: " + workingTime);
        }
        if (workingTime.isZero()) {
            return from;
        }
        WorkingHours hours = source.hours();
        Duration left = workingTime;
        LocalDate d = from.atZone(zone).toLocalDate();
        Instant cursor = from;
        for (int scanned = 0; scanned <= MAX_SCAN_DAYS + workingTime.toDays() * 2; scanned++) {
            if (isWorkingDay(d)) {
                Instant s = max(cursor, start(d, hours));
                Instant e = end(d, hours);
                if (e.isAfter(s)) {
                    Duration available = Duration.between(s, e);
                    if (available.compareTo(left) >= 0) {
                        return s.plus(left);
                    }
                    left = left.minus(available);
                }
            }
            d = d.plusDays(1);
            cursor = d.atStartOfDay(zone).toInstant();
        }
        throw new IllegalStateException("no working time found after " + from);
    }

    private Instant start(LocalDate date, WorkingHours hours) {
        return date.atTime(hours.start()).atZone(zone).toInstant();
    }

    private Instant end(LocalDate date, WorkingHours hours) {
        return date.atTime(hours.end()).atZone(zone).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
