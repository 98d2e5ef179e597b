package app.lantern.calendar.web;

import app.lantern.calendar.CalendarAdministration;
import app.lantern.calendar.web.CalendarAdminPage.DayForm;
import app.lantern.shared.ValidationException;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The working-hours form of the admin's calendar page: saved in place with htmx, or by a plain post and redirect. */
@Controller
class WorkingHoursController {

    private static final String PAGE = CalendarAdminPage.VIEW;

    private final CalendarAdministration admin;
    private final CalendarAdminPage page;

    WorkingHoursController(CalendarAdministration admin, CalendarAdminPage page) {
        this.admin = admin;
        this.page = page;
    }

    @PostMapping("/admin/calendar/hours")
    String hours(
            @RequestParam(required = false) String start,
            @RequestParam(required = false) String end,
            @RequestParam(required = false) Integer year,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model,
            RedirectAttributes redirect) {
        int y = year != null ? year : page.thisYear();
        try {
            admin.changeWorkingHours(start, end);
        } catch (ValidationException e) {
            model.addAttribute("hoursErrors", e.errors());
            model.addAttribute("hoursForm", Map.of("start", start == null ? "" : start, "end", end == null ? "" : end));
            model.addAttribute("year", y);
            model.addAttribute("zone", page.zone());
            if (htmx != null) {
                return PAGE + " :: hours";
            }
            page.fill(model, y, DayForm.EMPTY, null);
            return PAGE;
        }
        if (htmx != null) {
            model.addAttribute("year", y);
            model.addAttribute("hoursMessage", "saved");
            page.hours(model);
            return PAGE + " :: hours";
        }
        redirect.addFlashAttribute("message", "hoursSaved");
        return "redirect:/admin/calendar?year=" + y;
    }
}
