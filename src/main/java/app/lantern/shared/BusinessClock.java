package app.lantern.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The application's clock: the system clock in the business time zone, optionally started at another moment and
 * running from there ({@code lantern.clock.start}). Training on a given month, a demo as of a date and a test suite
 * run on an awkward date (a month end, a 调休 Saturday) all use the same clock the application does.
 */
public final class BusinessClock {

    private BusinessClock() {}

    /**
     * @param start blank for the system clock; otherwise {@code 2026-10-10} (10:00 that day), {@code 2026-10-10T08:45}
     *     (in the business time zone) or an ISO date-time with offset
     */
    public static Clock of(ZoneId zone, String start) {
        Clock system = Clock.system(zone);
        if (start == null || start.isBlank()) {
            return system;
        }
        OffsetDateTime at = startingAt(start.strip(), zone);
        return Clock.offset(system, Duration.between(system.instant(), at.toInstant()));
    }

    static OffsetDateTime startingAt(String text, ZoneId zone) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atTime(10, 0).atZone(zone).toOffsetDateTime();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(text);
            }
            return LocalDateTime.parse(text).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "lantern.clock.start: expected 2026-10-10, 2026-10-10T08:45 or an ISO date-time with offset, got '"
                            + text + "'",
                    e);
        }
    }
}
