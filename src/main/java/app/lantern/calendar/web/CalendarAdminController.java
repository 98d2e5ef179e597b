package app.lantern.calendar.web;

import app.lantern.calendar.CalendarAdministration;
import app.lantern.calendar.CalendarDay;
import app.lantern.calendar.CalendarYear;
import app.lantern.calendar.DayKind;
import app.lantern.calendar.WorkingCalendar;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.ValidationException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's calendar page: a year of month grids (holidays red, make-up working days marked 班), the year's entries,
 * an editor for one day (htmx), the working hours, and the warning for years without an entered notice.
 */
@Controller
@RequestMapping("/admin/calendar")
class CalendarAdminController {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final String PAGE = "calendar/admin";

    private final CalendarAdministration admin;
    private final WorkingCalendar calendar;
    private final Clock clock;

    CalendarAdminController(CalendarAdministration admin, WorkingCalendar calendar, Clock clock) {
        this.admin = admin;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** One cell of a month grid; {@code date} is null for the padding before the 1st and after the last day. */
    record Cell(
            LocalDate date,
            int dayOfMonth,
            boolean working,
            boolean weekend,
            boolean holiday,
            boolean makeUp,
            boolean explicit,
            String name,
            boolean today) {
        static final Cell EMPTY = new Cell(null, 0, false, false, false, false, false, null, false);
    }

    record MonthGrid(int month, List<List<Cell>> weeks, int workingDays) {}

    /** The editor's form values. */
    record DayForm(String date, String kind, String name, boolean existing) {
        static final DayForm EMPTY = new DayForm("", "HOLIDAY", "", false);
    }

    /**
     * htmx fragments contain forms whose CSRF field is rendered late, when the response may already be committed; load
     * the token (and with it the session) before rendering starts.
     */
    @ModelAttribute
    void loadCsrfToken(HttpServletRequest request) {
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            token.getToken();
        }
    }

    @GetMapping
    String page(@RequestParam(required = false) Integer year, Model model) {
        int y = year != null ? year : LocalDate.now(clock).getYear();
        fill(model, y, DayForm.EMPTY, null);
        return PAGE;
    }

    @GetMapping("/editor")
    String editor(@RequestParam String date, Model model) {
        LocalDate d = parseDate(date);
        DayForm form = calendar.day(d)
                .filter(CalendarDay::explicit)
                .map(day -> new DayForm(d.toString(), day.kind().name(), day.name(), true))
                .orElseGet(() -> new DayForm(
                        d.toString(),
                        isWeekend(d) ? "WORKDAY" : "HOLIDAY",
                        calendar.day(d).map(CalendarDay::name).orElse(""),
                        false));
        model.addAttribute("form", form);
        model.addAttribute("year", d.getYear());
        return PAGE + " :: editor";
    }

    @PostMapping("/days")
    String save(
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) Integer year,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model,
            RedirectAttributes redirect) {
        LocalDate d = null;
        try {
            d = parseDate(date);
            admin.saveDay(d, kind, name);
        } catch (ValidationException e) {
            int y = d != null
                    ? d.getYear()
                    : (year != null ? year : LocalDate.now(clock).getYear());
            fill(model, y, new DayForm(date, kind, name, false), e.errors());
            return htmx != null ? PAGE + " :: workspace" : PAGE;
        }
        return done(d.getYear(), "saved", htmx, model, redirect);
    }

    @PostMapping("/days/{date}/delete")
    String delete(
            @PathVariable String date,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model,
            RedirectAttributes redirect) {
        LocalDate d = parseDate(date);
        admin.deleteDay(d);
        return done(d.getYear(), "deleted", htmx, model, redirect);
    }

    @PostMapping("/hours")
    String hours(
            @RequestParam(required = false) String start,
            @RequestParam(required = false) String end,
            @RequestParam(required = false) Integer year,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model,
            RedirectAttributes redirect) {
        int y = year != null ? year : LocalDate.now(clock).getYear();
        try {
            admin.changeWorkingHours(start, end);
        } catch (ValidationException e) {
            model.addAttribute("hoursErrors", e.errors());
            model.addAttribute("hoursForm", Map.of("start", start == null ? "" : start, "end", end == null ? "" : end));
            model.addAttribute("year", y);
            model.addAttribute("zone", calendar.zone().getId());
            if (htmx != null) {
                return PAGE + " :: hours";
            }
            fill(model, y, DayForm.EMPTY, null);
            return PAGE;
        }
        if (htmx != null) {
            model.addAttribute("year", y);
            model.addAttribute("hoursMessage", "saved");
            hoursModel(model);
            return PAGE + " :: hours";
        }
        redirect.addFlashAttribute("message", "hoursSaved");
        return "redirect:/admin/calendar?year=" + y;
    }

    @PostMapping("/{year}/notice")
    String confirmNotice(
            @PathVariable int year,
            @RequestParam(required = false) String title,
            Model model,
            RedirectAttributes redirect) {
        try {
            admin.confirmNotice(year, title);
        } catch (ValidationException e) {
            fill(model, year, DayForm.EMPTY, null);
            model.addAttribute("noticeErrors", e.errors());
            return PAGE;
        }
        redirect.addFlashAttribute("message", "noticeConfirmed");
        return "redirect:/admin/calendar?year=" + year;
    }

    @PostMapping("/{year}/notice/withdraw")
    String withdrawNotice(@PathVariable int year, RedirectAttributes redirect) {
        admin.revertToFallback(year);
        redirect.addFlashAttribute("message", "noticeWithdrawn");
        return "redirect:/admin/calendar?year=" + year;
    }

    private String done(int year, String message, String htmx, Model model, RedirectAttributes redirect) {
        if (htmx != null) {
            fill(model, year, DayForm.EMPTY, null);
            model.addAttribute("message", message);
            return PAGE + " :: workspace";
        }
        redirect.addFlashAttribute("message", message);
        return "redirect:/admin/calendar?year=" + year;
    }

    private void fill(Model model, int year, DayForm form, List<FieldErrors.FieldError> errors) {
        CalendarYear y = admin.year(year);
        model.addAttribute("year", year);
        model.addAttribute("calendarYear", y);
        model.addAttribute("months", months(y));
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
            hoursModel(model);
        }
    }

    private void hoursModel(Model model) {
        var h = admin.workingHours();
        model.addAttribute(
                "hoursForm",
                Map.of("start", h.start().format(HH_MM), "end", h.end().format(HH_MM)));
        model.addAttribute("zone", calendar.zone().getId());
    }

    private List<MonthGrid> months(CalendarYear y) {
        Map<LocalDate, CalendarDay> named = new HashMap<>();
        y.days().forEach(d -> named.put(d.date(), d));
        LocalDate today = LocalDate.now(clock);
        List<MonthGrid> months = new ArrayList<>(12);
        for (int m = 1; m <= 12; m++) {
            YearMonth ym = YearMonth.of(y.year(), m);
            List<List<Cell>> weeks = new ArrayList<>();
            List<Cell> week = new ArrayList<>(7);
            for (int pad = 1; pad < ym.atDay(1).getDayOfWeek().getValue(); pad++) {
                week.add(Cell.EMPTY);
            }
            int working = 0;
            for (int day = 1; day <= ym.lengthOfMonth(); day++) {
                LocalDate date = ym.atDay(day);
                CalendarDay n = named.get(date);
                boolean work = calendar.isWorkingDay(date);
                working += work ? 1 : 0;
                week.add(new Cell(
                        date,
                        day,
                        work,
                        isWeekend(date),
                        n != null && n.holiday(),
                        n != null && n.makeUpWorkday(),
                        n != null && n.explicit(),
                        n == null ? null : n.name(),
                        date.equals(today)));
                if (week.size() == 7) {
                    weeks.add(week);
                    week = new ArrayList<>(7);
                }
            }
            if (!week.isEmpty()) {
                while (week.size() < 7) {
                    week.add(Cell.EMPTY);
                }
                weeks.add(week);
            }
            months.add(new MonthGrid(m, weeks, working));
        }
        return months;
    }

    private static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static LocalDate parseDate(String value) {
        if (value == null || value.isBlank()) {
            throw ValidationException.field("date", "must not be blank");
        }
        try {
            LocalDate d = LocalDate.parse(value.strip());
            if (d.getYear() < CalendarAdministration.FIRST_YEAR || d.getYear() > CalendarAdministration.LAST_YEAR) {
                throw ValidationException.field(
                        "date",
                        "must be in the years " + CalendarAdministration.FIRST_YEAR + "–"
                                + CalendarAdministration.LAST_YEAR);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw ValidationException.field("date", "must be a date yyyy-MM-dd");
        }
    }
}
