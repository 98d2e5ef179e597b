package app.lantern.calendar.web;

import app.lantern.calendar.CalendarAdministration;
import app.lantern.calendar.WorkingCalendar;
import app.lantern.shared.ValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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

    static final long MAX_RANGE_DAYS = 366L * 20;

    private final CalendarAdministration admin;
    private final WorkingCalendar calendar;
    private final CalendarJson json;

    CalendarApiController(CalendarAdministration admin, WorkingCalendar calendar, CalendarJson json) {
        this.admin = admin;
        this.calendar = calendar;
        this.json = json;
    }

    record DayRequest(String kind, String name) {}

    record HoursRequest(String start, String end) {}

    record NoticeRequest(String title) {}

    @GetMapping("/{year}")
    @Operation(
            summary = "A year's holidays and make-up working days",
            description =
                    "source is 'notice' when the State Council notice is entered, else 'fallback' (statutory dates, no 调休) with a warning.")
    CalendarJson.YearJson year(@PathVariable int year) {
        return json.year(year);
    }

    @GetMapping("/working-days")
    @Operation(summary = "Number of working days from 'from' to 'to', both dates included")
    CalendarJson.WorkingDaysJson workingDays(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (to.isBefore(from)) {
            throw ValidationException.field("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_RANGE_DAYS) {
            throw ValidationException.field("to", "must be at most " + MAX_RANGE_DAYS + " days after from");
        }
        SupportedYears.require("from", from);
        SupportedYears.require("to", to);
        return new CalendarJson.WorkingDaysJson(
                from.toString(), to.toString(), calendar.workingDaysBetween(from, to.plusDays(1)));
    }

    @PutMapping("/days/{date}")
    @Operation(
            summary = "Add or change a holiday (HOLIDAY) or make-up working day (WORKDAY, Saturday/Sunday only); admin")
    CalendarJson.DayJson putDay(
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestBody DayRequest request) {
        AdminOnly.require();
        DayRequest body = request != null ? request : new DayRequest(null, null);
        return CalendarJson.DayJson.of(admin.saveDay(date, body.kind(), body.name()));
    }

    @DeleteMapping("/days/{date}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a day's entry; the day follows the weekday rule again; admin")
    void deleteDay(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        AdminOnly.require();
        admin.deleteDay(date);
    }

    @GetMapping("/working-hours")
    CalendarJson.HoursJson workingHours() {
        return json.hours(admin.workingHours());
    }

    @PutMapping("/working-hours")
    @Operation(summary = "Set the daily working hours (HH:mm, start before end); admin")
    CalendarJson.HoursJson putWorkingHours(@RequestBody HoursRequest request) {
        AdminOnly.require();
        HoursRequest body = request != null ? request : new HoursRequest(null, null);
        return json.hours(admin.changeWorkingHours(body.start(), body.end()));
    }

    @PutMapping("/{year}/notice")
    @Operation(summary = "Mark the year's State Council notice as entered (stops the statutory fallback); admin")
    CalendarJson.YearJson confirmNotice(@PathVariable int year, @RequestBody NoticeRequest request) {
        AdminOnly.require();
        admin.confirmNotice(year, request != null ? request.title() : null);
        return json.year(year);
    }

    @DeleteMapping("/{year}/notice")
    @Operation(summary = "Withdraw the year's notice: the year falls back to the statutory dates; admin")
    CalendarJson.YearJson withdrawNotice(@PathVariable int year) {
        AdminOnly.require();
        admin.revertToFallback(year);
        return json.year(year);
    }
}
