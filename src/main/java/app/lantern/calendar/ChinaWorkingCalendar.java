package app.lantern.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.stereotype.Service;

/** Placeholder until holidays land: weekends off, 09:00–18:00. */
@Service
class ChinaWorkingCalendar implements WorkingCalendar {

    private static final LocalTime START = LocalTime.of(9, 0);
    private static final LocalTime END = LocalTime.of(18, 0);
    private final ZoneId zone;

    ChinaWorkingCalendar(Clock clock) {
        this.zone = clock.getZone();
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    @Override
    public LocalDate addWorkingDays(LocalDate from, int days) {
        int step = days >= 0 ? 1 : -1;
        LocalDate d = from;
        for (int left = Math.abs(days); left > 0; ) {
            d = d.plusDays(step);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    @Override
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }

    @Override
    public boolean isWithinWorkingHours(Instant instant) {
        ZonedDateTime t = instant.atZone(zone);
        return isWorkingDay(t.toLocalDate()) && !t.toLocalTime().isBefore(START) && t.toLocalTime().isBefore(END);
    }

    @Override
    public Duration workingTimeBetween(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        for (LocalDate d = from.atZone(zone).toLocalDate(); !d.isAfter(to.atZone(zone).toLocalDate()); d = d.plusDays(1)) {
            if (!isWorkingDay(d)) {
                continue;
            }
            Instant s = max(from, d.atTime(START).atZone(zone).toInstant());
            Instant e = min(to, d.atTime(END).atZone(zone).toInstant());
            if (e.isAfter(s)) {
                total = total.plus(Duration.between(s, e));
            }
        }
        return total;
    }

    @Override
    public Instant addWorkingTime(Instant from, Duration workingTime) {
        Duration left = workingTime;
        LocalDate d = from.atZone(zone).toLocalDate();
        Instant cursor = from;
        while (true) {
            if (isWorkingDay(d)) {
                Instant s = max(cursor, d.atTime(START).atZone(zone).toInstant());
                Instant e = d.atTime(END).atZone(zone).toInstant();
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
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
