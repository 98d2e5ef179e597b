package app.lantern.activity.web;

import app.lantern.activity.DailyReportService;
import app.lantern.identity.CurrentActor;
import app.lantern.shared.ConflictException;
import app.lantern.shared.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The rep's daily report (draft, save, submit) and the manager's team view of reports. */
@Controller
class DailyReportController {

    private final DailyReportService reports;
    private final CurrentActor currentActor;
    private final Clock clock;

    DailyReportController(DailyReportService reports, CurrentActor currentActor, Clock clock) {
        this.reports = reports;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @GetMapping("/activities/report")
    String myReport(@RequestParam(required = false) LocalDate day, Model model) {
        LocalDate today = LocalDate.now(clock);
        LocalDate d = day == null ? today : day;
        model.addAttribute("report", reports.mine(d));
        model.addAttribute("day", d);
        model.addAttribute("recentReports", reports.list(currentActor.require().userId(), d.minusDays(14), today));
        return "activity/report";
    }

    @PostMapping("/activities/report")
    String saveReport(
            @RequestParam LocalDate day,
            @RequestParam(required = false) String summary,
            @RequestParam(required = false) String plan,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String submit,
            Model model) {
        try {
            reports.save(day, summary, plan, submit != null, version);
            return "redirect:/activities/report?day=" + day + (submit != null ? "&submitted" : "&saved");
        } catch (ValidationException | ConflictException e) {
            model.addAttribute("error", e.getMessage());
            return myReport(day, model);
        }
    }

    @GetMapping("/activities/reports/team")
    String teamReports(@RequestParam(required = false) Integer days, Model model) {
        int period = days == null ? 30 : Math.max(7, Math.min(days, 180));
        LocalDate to = LocalDate.now(clock);
        model.addAttribute("rates", reports.rates(to.minusDays(period - 1), to));
        model.addAttribute("reports", reports.list(null, to.minusDays(6), to));
        model.addAttribute("days", period);
        return "activity/team-reports";
    }
}
