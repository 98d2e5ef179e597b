package app.lantern.calendar.web;

import app.lantern.calendar.CalendarAdministration;
import app.lantern.calendar.CalendarDay;
import app.lantern.calendar.CalendarYear;
import app.lantern.calendar.WorkingCalendar;
import app.lantern.calendar.WorkingHours;
import app.lantern.shared.ValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The working calendar over REST: read by everyone signed in, changed by admins. */
@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "calendar", description = "Working calendar: holidays, make-up working days (调休), working hours")
class CalendarApiController {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    static final long MAX_RANGE_DAYS = 366L * 20;

    private final CalendarAdministration admin;
    private final WorkingCalendar calendar;
    private final MessageSource messages;

    CalendarApiController(CalendarAdministration admin, WorkingCalendar calendar, MessageSource messages) {
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

    record DayRequest(String kind, String name) {}

    record HoursRequest(String start, String end) {}

    record NoticeRequest(String title) {}

    @GetMapping("/{year}")
    @Operation(
            summary = "A year's holidays and make-up working days",
            description =
                    "source is 'notice' when the State Council notice is entered, else 'fallback' (statutory dates, no 调休) with a warning.")
    YearJson year(@PathVariable int year) {
        return toJson(admin.year(year));
    }

    @GetMapping("/working-days")
    @Operation(summary = "Number of working days from 'from' to 'to', both dates included")
    WorkingDaysJson workingDays(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (to.isBefore(from)) {
            throw ValidationException.field("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_RANGE_DAYS) {
            throw ValidationException.field("to", "must be at most " + MAX_RANGE_DAYS + " days after from");
        }
        yearInRange("from", from);
        yearInRange("to", to);
        return new WorkingDaysJson(from.toString(), to.toString(), calendar.workingDaysBetween(from, to.plusDays(1)));
    }

    @PutMapping("/days/{date}")
    @Operation(
            summary = "Add or change a holiday (HOLIDAY) or make-up working day (WORKDAY, Saturday/Sunday only); admin")
    DayJson putDay(
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestBody DayRequest request) {
        AdminOnly.require();
        DayRequest body = request != null ? request : new DayRequest(null, null);
        return DayJson.of(admin.saveDay(date, body.kind(), body.name()));
    }

    @DeleteMapping("/days/{date}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a day's entry; the day follows the weekday rule again; admin")
    void deleteDay(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        AdminOnly.require();
        admin.deleteDay(date);
    }

    @GetMapping("/working-hours")
    HoursJson workingHours() {
        return hours(admin.workingHours());
    }

    @PutMapping("/working-hours")
    @Operation(summary = "Set the daily working hours (HH:mm, start before end); admin")
    HoursJson putWorkingHours(@RequestBody HoursRequest request) {
        AdminOnly.require();
        HoursRequest body = request != null ? request : new HoursRequest(null, null);
        return hours(admin.changeWorkingHours(body.start(), body.end()));
    }

    @PutMapping("/{year}/notice")
    @Operation(summary = "Mark the year's State Council notice as entered (stops the statutory fallback); admin")
    YearJson confirmNotice(@PathVariable int year, @RequestBody NoticeRequest request) {
        AdminOnly.require();
        admin.confirmNotice(year, request != null ? request.title() : null);
        return toJson(admin.year(year));
    }

    @DeleteMapping("/{year}/notice")
    @Operation(summary = "Withdraw the year's notice: the year falls back to the statutory dates; admin")
    YearJson withdrawNotice(@PathVariable int year) {
        AdminOnly.require();
        admin.revertToFallback(year);
        return toJson(admin.year(year));
    }

    private YearJson toJson(CalendarYear y) {
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

    private HoursJson hours(WorkingHours h) {
        return new HoursJson(
                h.start().format(HH_MM), h.end().format(HH_MM), calendar.zone().getId());
    }

    private static void yearInRange(String field, LocalDate date) {
        if (date.getYear() < CalendarAdministration.FIRST_YEAR || date.getYear() > CalendarAdministration.LAST_YEAR) {
            throw ValidationException.field(
                    field,
                    "must be in the years " + CalendarAdministration.FIRST_YEAR + "–"
                            + CalendarAdministration.LAST_YEAR);
        }
    }
}
