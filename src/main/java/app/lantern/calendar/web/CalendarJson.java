package app.lantern.calendar.web;

import app.lantern.calendar.CalendarAdministration;
import app.lantern.calendar.CalendarDay;
import app.lantern.calendar.CalendarYear;
import app.lantern.calendar.WorkingCalendar;
import app.lantern.calendar.WorkingHours;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The calendar's JSON shapes, and how a year and the working hours are written in them. */
@Component
class CalendarJson {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final CalendarAdministration admin;
    private final WorkingCalendar calendar;
    private final MessageSource messages;

    CalendarJson(CalendarAdministration admin, WorkingCalendar calendar, MessageSource messages) {
        this.admin = admin;
        this.calendar = calendar;
        this.messages = messages;
    }

    record DayJson(String date, String weekday, String kind, String name, boolean explicit) {
        static DayJson of(CalendarDay d) {
            return new DayJson(
                    d.date().toString(),
                    d.date().getDayOfWeek().name(),
                    d.kind().name(),
                    d.name(),
                    d.explicit());
        }
    }

    record HoursJson(String start, String end, String zone) {}

    record YearJson(
            int year,
            String source,
            String noticeTitle,
            int workingDays,
            String warning,
            HoursJson workingHours,
            List<DayJson> days) {}

    record WorkingDaysJson(String from, String to, int workingDays) {}

    /** A year with its days; a year without an entered notice carries the warning in the reader's language. */
    YearJson year(int year) {
        CalendarYear y = admin.year(year);
        String warning = y.fallback()
                ? messages.getMessage(
                        y.lunarCovered() ? "calendar.warning.fallback" : "calendar.warning.fallbackNoLunar",
                        new Object[] {String.valueOf(y.year())},
                        LocaleContextHolder.getLocale())
                : null;
        return new YearJson(
                y.year(),
                y.source().code(),
                y.noticeTitle(),
                y.workingDays(),
                warning,
                hours(admin.workingHours()),
                y.days().stream().map(DayJson::of).toList());
    }

    HoursJson hours(WorkingHours h) {
        return new HoursJson(
                h.start().format(HH_MM), h.end().format(HH_MM), calendar.zone().getId());
    }
}
