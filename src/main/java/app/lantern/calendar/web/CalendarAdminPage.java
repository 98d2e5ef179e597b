package app.lantern.calendar.web;

import app.lantern.calendar.CalendarAdministration;
import app.lantern.calendar.CalendarDay;
import app.lantern.calendar.CalendarYear;
import app.lantern.calendar.DayKind;
import app.lantern.calendar.WorkingCalendar;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the admin's calendar page shows for a year: month grids, entries, counts, warnings, the day editor's form and
 * the working hours. Shared by the controllers of the page's forms, which show it again after a change or an error.
 */
@Component
class CalendarAdminPage {

    static final String VIEW = "calendar/admin";
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final CalendarAdministration admin;
    private final WorkingCalendar calendar;
    private final Clock clock;

    CalendarAdminPage(CalendarAdministration admin, WorkingCalendar calendar, Clock clock) {
        this.admin = admin;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The editor's form values. */
    record DayForm(String date, String kind, String name, boolean existing) {
        static final DayForm EMPTY = new DayForm("", "HOLIDAY", "", false);
    }

    int thisYear() {
        return LocalDate.now(clock).getYear();
    }

    void fill(Model model, int year, DayForm form, List<FieldErrors.FieldError> errors) {
        CalendarYear y = admin.year(year);
        model.addAttribute("year", year);
        model.addAttribute("calendarYear", y);
        model.addAttribute("months", MonthGrids.of(y, calendar, LocalDate.now(clock)));
        model.addAttribute(
                "entries", y.days().stream().filter(CalendarDay::explicit).toList());
        model.addAttribute(
                "derived", y.days().stream().filter(d -> !d.explicit()).toList());
        model.addAttribute(
                "holidayCount", y.days().stream().filter(CalendarDay::holiday).count());
        model.addAttribute(
                "makeUpCount",
                y.days().stream().filter(CalendarDay::makeUpWorkday).count());
        model.addAttribute("warnings", admin.warnings());
        model.addAttribute("kinds", DayKind.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("minYear", CalendarAdministration.FIRST_YEAR);
        model.addAttribute("maxYear", CalendarAdministration.LAST_YEAR);
        if (!model.containsAttribute("hoursForm")) {
            hours(model);
        }
    }

    /** The working hours as saved, and the zone they are read in. */
    void hours(Model model) {
        var h = admin.workingHours();
        model.addAttribute(
                "hoursForm",
                Map.of("start", h.start().format(HH_MM), "end", h.end().format(HH_MM)));
        model.addAttribute("zone", calendar.zone().getId());
    }

    /** The editor for one day: its explicit entry, or a proposal (a weekend becomes a make-up day, a weekday a holiday). */
    DayForm editorFor(LocalDate d) {
        return calendar.day(d)
                .filter(CalendarDay::explicit)
                .map(day -> new DayForm(d.toString(), day.kind().name(), day.name(), true))
                .orElseGet(() -> new DayForm(
                        d.toString(),
                        MonthGrids.isWeekend(d) ? "WORKDAY" : "HOLIDAY",
                        calendar.day(d).map(CalendarDay::name).orElse(""),
                        false));
    }

    String zone() {
        return calendar.zone().getId();
    }

    static LocalDate parseDate(String value) {
        if (value == null || value.isBlank()) {
            throw ValidationException.field("date", "must not be blank");
        }
        try {
            return SupportedYears.require("date", LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw ValidationException.field("date", "must be a date yyyy-MM-dd");
        }
    }
}
