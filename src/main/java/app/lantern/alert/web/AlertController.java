package app.lantern.alert.web;

import app.lantern.alert.AlertBoards;
import app.lantern.alert.AlertRule;
import app.lantern.alert.AlertTasks;
import app.lantern.alert.AlertView;
import app.lantern.alert.Alerts;
import app.lantern.alert.RepEvidence;
import app.lantern.shared.ValidationException;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The alert board, the drill-down into a rep, acting on alerts, and the admin's rule settings. */
@Controller
class AlertController {

    private final Alerts alerts;
    private final AlertBoards boards;
    private final RepEvidence evidence;
    private final AlertTasks tasks;
    private final Clock clock;

    AlertController(Alerts alerts, AlertBoards boards, RepEvidence evidence, AlertTasks tasks, Clock clock) {
        this.alerts = alerts;
        this.boards = boards;
        this.evidence = evidence;
        this.tasks = tasks;
        this.clock = clock;
    }

    @GetMapping("/alerts")
    String board(
            @RequestParam(defaultValue = "false") boolean snoozed,
            @RequestParam(required = false) String rule,
            @RequestParam(required = false) Long rep,
            Model model) {
        model.addAttribute("board", boards.board(snoozed, rule == null || rule.isBlank() ? null : rule, rep));
        model.addAttribute("atRisk", alerts.atRisk());
        model.addAttribute("snoozed", snoozed);
        return "alert/board";
    }

    @GetMapping("/alerts/{id}")
    String one(@PathVariable long id) {
        AlertView a = alerts.get(id);
        return "redirect:/alerts/reps/" + a.ownerId() + "#alert-" + id;
    }

    @GetMapping("/alerts/reps/{repId}")
    String rep(@PathVariable long repId, Model model) {
        model.addAttribute("e", evidence.of(repId));
        model.addAttribute("tasks", tasks.of(repId, 20));
        return "alert/rep";
    }

    @PostMapping("/alerts/tasks/{id}/done")
    String task(@PathVariable long id, @RequestParam boolean done, @RequestParam(required = false) String back) {
        tasks.mark(id, done);
        return "redirect:" + (back != null && back.startsWith("/") && !back.startsWith("//") ? back : "/");
    }

    @PostMapping("/alerts/{id}/acknowledge")
    String acknowledge(@PathVariable long id, @RequestParam(required = false) String back) {
        alerts.acknowledge(id);
        return back(back);
    }

    @PostMapping("/alerts/{id}/snooze")
    String snooze(
            @PathVariable long id,
            @RequestParam(defaultValue = "1") int days,
            @RequestParam(required = false) String back) {
        alerts.snooze(id, OffsetDateTime.now(clock).plusDays(days));
        return back(back);
    }

    @PostMapping("/alerts/{id}/resolve")
    String resolve(
            @PathVariable long id,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String back) {
        alerts.resolve(id, note);
        return back(back);
    }

    private static String back(String back) {
        return "redirect:" + (back != null && back.startsWith("/alerts") && !back.startsWith("//") ? back : "/alerts");
    }

    @GetMapping("/admin/alert-rules")
    String rules(Model model) {
        model.addAttribute("rules", alerts.rules());
        return "alert/rules";
    }

    @PostMapping("/admin/alert-rules/{code}")
    String saveRule(
            @PathVariable String code,
            @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam String severity,
            @RequestParam int windowDays,
            @RequestParam int threshold,
            @RequestParam(defaultValue = "false") boolean notifyRep,
            @RequestParam(defaultValue = "false") boolean notifyManager,
            @RequestParam(defaultValue = "false") boolean markAtRisk,
            @RequestParam(defaultValue = "false") boolean openTask,
            @RequestParam(defaultValue = "1") int taskDueDays,
            RedirectAttributes redirect) {
        try {
            alerts.updateRule(new AlertRule(
                    code,
                    enabled,
                    severity,
                    windowDays,
                    threshold,
                    notifyRep,
                    notifyManager,
                    markAtRisk,
                    openTask,
                    taskDueDays));
            redirect.addFlashAttribute("message", "saved");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", e.errors());
        }
        return "redirect:/admin/alert-rules";
    }
}
