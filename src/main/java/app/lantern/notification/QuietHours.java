package app.lantern.notification;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/**
 * A daily period in which external channels stay silent (the in-app inbox still receives). May span midnight
 * (22:00–08:00). Messages created inside it are delivered when it ends.
 */
record QuietHours(LocalTime start, LocalTime end) {

    QuietHours {
        if (start.equals(end)) {
            throw new IllegalArgumentException("quiet hours must not be empty");
        }
    }

    boolean contains(LocalTime t) {
        return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
    }

    /** {@code now} when outside the quiet period, otherwise the moment it ends (in now's zone). */
    OffsetDateTime endOfQuiet(OffsetDateTime now) {
        return endOfQuiet(now.atZoneSameInstant(now.getOffset())).toOffsetDateTime();
    }

    ZonedDateTime endOfQuiet(ZonedDateTime now) {
        LocalTime t = now.toLocalTime();
        if (!contains(t)) {
            return now;
        }
        ZonedDateTime end = now.with(this.end).withSecond(0).withNano(0);
        return end.isAfter(now) ? end : end.plusDays(1);
    }
}
