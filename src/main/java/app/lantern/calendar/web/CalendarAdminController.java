package app.lantern.calendar.web;

import app.lantern.calendar.CalendarAdministration;
import app.lantern.calendar.web.CalendarAdminPage.DayForm;
import app.lantern.shared.ValidationException;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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

    private static final String PAGE = CalendarAdminPage.VIEW;

    private final CalendarAdministration admin;
    private final CalendarAdminPage page;

    CalendarAdminController(CalendarAdministration admin, CalendarAdminPage page) {
        this.admin = admin;
        this.page = page;
    }

    @GetMapping
    String page(@RequestParam(required = false) Integer year, Model model) {
        page.fill(model, year != null ? year : page.thisYear(), DayForm.EMPTY, null);
        return PAGE;
    }

    @GetMapping("/editor")
    String editor(@RequestParam String date, Model model) {
        LocalDate d = CalendarAdminPage.parseDate(date);
        model.addAttribute("form", page.editorFor(d));
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
            d = CalendarAdminPage.parseDate(date);
            admin.saveDay(d, kind, name);
        } catch (ValidationException e) {
            int y = d != null ? d.getYear() : (year != null ? year : page.thisYear());
            page.fill(model, y, new DayForm(date, kind, name, false), e.errors());
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
        LocalDate d = CalendarAdminPage.parseDate(date);
        admin.deleteDay(d);
        return done(d.getYear(), "deleted", htmx, model, redirect);
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
            page.fill(model, year, DayForm.EMPTY, null);
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
            page.fill(model, year, DayForm.EMPTY, null);
            model.addAttribute("message", message);
            return PAGE + " :: workspace";
        }
        redirect.addFlashAttribute("message", message);
        return "redirect:/admin/calendar?year=" + year;
    }
}
