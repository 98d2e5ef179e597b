package app.lantern.insight;

import app.lantern.calendar.WorkingCalendar;
import app.lantern.identity.Actor;
import app.lantern.identity.Directory;
import app.lantern.identity.Role;
import app.lantern.identity.UserSummary;
import app.lantern.notification.Notifications;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * G6's push: last month's attribution to every manager (their teams) and executive (everyone) in the first days of the
 * month — from the 2nd working day (the month's last signings are in) and at the latest on the 5th, once each.
 */
@Component
class AttributionPush {

    static final int FIRST_WORKING_DAY = 2;
    static final int LAST_WORKING_DAY = 5;

    private final Attribution attribution;
    private final Directory directory;
    private final Notifications notifications;
    private final WorkingCalendar calendar;

    AttributionPush(
            Attribution attribution, Directory directory, Notifications notifications, WorkingCalendar calendar) {
        this.attribution = attribution;
        this.directory = directory;
        this.notifications = notifications;
        this.calendar = calendar;
    }

    /** Sends the previous month's attribution when {@code today} is the 2nd to 5th working day; returns how many. */
    int pushIfDue(LocalDate today) {
        if (!calendar.isWorkingDay(today)) {
            return 0;
        }
        int workingDay = calendar.workingDaysBetween(today.withDayOfMonth(1), today) + 1;
        if (workingDay < FIRST_WORKING_DAY || workingDay > LAST_WORKING_DAY) {
            return 0;
        }
        YearMonth month = YearMonth.from(today).minusMonths(1);
        int sent = 0;
        for (UserSummary u : directory.users()) {
            if (!u.active() || !(u.roles().contains(Role.MANAGER) || u.roles().contains(Role.EXECUTIVE))) {
                continue;
            }
            Actor actor = new Actor(u.id(), u.username(), u.displayName(), u.roles(), u.teamId());
            Attribution.Report report = attribution.report(actor, month, null, Locale.SIMPLIFIED_CHINESE);
            if (report.teams().isEmpty()) {
                continue;
            }
            String teams =
                    report.teams().stream().map(t -> t.team().narrative()).collect(Collectors.joining("\n"));
            notifications.sendTemplated(
                    u.id(),
                    "attribution",
                    "attribution",
                    new Object[] {month.toString(), report.total().narrative(), teams},
                    "/attribution?month=" + month,
                    "attribution-" + month);
            sent++;
        }
        return sent;
    }
}
