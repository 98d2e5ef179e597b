package app.lantern.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/** Daily working hours, the half-open interval {@code [start, end)} in the business time zone. */
public record WorkingHours(LocalTime start, LocalTime end) {

    public static final WorkingHours DEFAULT = new WorkingHours(LocalTime.of(9, 0), LocalTime.of(18, 0));

    public WorkingHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("working hours must start before they end: " + start + "–" + end);
        }
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    public boolean contains(LocalTime time) {
        return !time.isBefore(start) && time.isBefore(end);
    }
}
