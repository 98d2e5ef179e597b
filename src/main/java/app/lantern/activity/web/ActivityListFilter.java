package app.lantern.activity.web;

import app.lantern.activity.ActivityInsights;
import app.lantern.activity.ActivityService;
import app.lantern.activity.ActivityType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Filters of the list, kept in the URL. */
record ActivityListFilter(
        Long ownerId,
        ActivityType type,
        Long customerId,
        String week,
        Integer weekday,
        Integer hour,
        String backfill,
        Integer page) {

    ActivityService.Filter filter(Clock clock) {
        OffsetDateTime from = null;
        if (week != null && !week.isBlank()) {
            LocalDate monday = ActivityInsights.mondayOf(week);
            from = monday.atStartOfDay(clock.getZone()).toOffsetDateTime();
        }
        String flag = backfill != null && List.of("LATE", "BURST", "ANY").contains(backfill) ? backfill : null;
        return new ActivityService.Filter(
                ownerId,
                null,
                type,
                customerId,
                null,
                from,
                from == null ? null : from.plusDays(7),
                flag,
                weekday,
                hour);
    }
}
