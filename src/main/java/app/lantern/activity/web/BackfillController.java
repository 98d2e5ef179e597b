package app.lantern.activity.web;

import app.lantern.activity.ActivityInsights;
import app.lantern.activity.BackfillDetection;
import app.lantern.activity.BackfillRules;
import app.lantern.shared.ConflictException;
import app.lantern.shared.ValidationException;
import app.lantern.shared.web.FormErrors;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The back-fill report (补录检测) with its rules explained, and the admin's thresholds. */
@Controller
class BackfillController {

    private final ActivityInsights insights;
    private final BackfillDetection detection;
    private final Clock clock;

    BackfillController(ActivityInsights insights, BackfillDetection detection, Clock clock) {
        this.insights = insights;
        this.detection = detection;
        this.clock = clock;
    }

    @GetMapping("/activities/backfill")
    String backfill(@RequestParam(required = false) Integer days, Model model) {
        int period = days == null ? 30 : Math.max(7, Math.min(days, 180));
        LocalDate to = LocalDate.now(clock);
        model.addAttribute("rows", insights.backfill(to.minusDays(period - 1), to));
        model.addAttribute("days", period);
        BackfillDetection.Settings settings = detection.settings();
        BackfillRules rules = settings.rules();
        model.addAttribute("settings", settings);
        model.addAttribute("lateHours", rules.lateAfter().toHours());
        model.addAttribute("burstSize", rules.burstSize());
        model.addAttribute("burstMinutes", rules.burstWindow().toMinutes());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "activity/backfill";
    }

    /** Administrators only (the security configuration guards {@code /admin/**}). */
    @PostMapping("/admin/activities/backfill-settings")
    String saveSettings(
            @RequestParam(required = false) Integer lateAfterHours,
            @RequestParam(required = false) Integer burstSize,
            @RequestParam(required = false) Integer burstWindowMinutes,
            @RequestParam int version,
            Model model) {
        try {
            detection.update(lateAfterHours, burstSize, burstWindowMinutes, version);
            return "redirect:/activities/backfill?saved";
        } catch (ValidationException e) {
            model.addAttribute("errors", FormErrors.of(e));
        } catch (ConflictException e) {
            model.addAttribute("errors", Map.of("version", e.getMessage()));
        }
        return backfill(null, model);
    }
}
