package app.lantern.goal.web;

import app.lantern.goal.ActionTargets;
import app.lantern.goal.RepProgress;
import app.lantern.shared.ValidationException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/reps/{id}/progress?month=YYYY-MM}: result, actions and the link between them for one rep;
 * {@code PUT /api/v1/reps/{id}/action-targets?month=YYYY-MM}: the manager's override of the weekly action targets.
 */
@RestController
class RepProgressApiController {

    private final RepProgress progress;
    private final ActionTargets actionTargets;

    RepProgressApiController(RepProgress progress, ActionTargets actionTargets) {
        this.progress = progress;
        this.actionTargets = actionTargets;
    }

    @GetMapping("/api/v1/reps/{id}/progress")
    RepProgress.Progress progress(@PathVariable long id, @RequestParam String month) {
        return progress.of(id, month(month));
    }

    @PutMapping("/api/v1/reps/{id}/action-targets")
    RepProgress.Progress override(
            @PathVariable long id, @RequestParam String month, @RequestBody ActionTargets.Change change) {
        return actionTargets.override(id, month(month), change);
    }

    static YearMonth month(String month) {
        YearMonth ym;
        try {
            ym = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw ValidationException.field("month", "must be YYYY-MM");
        }
        if (ym.getYear() < 2000 || ym.getYear() > 2100) {
            throw ValidationException.field("month", "year must be between 2000 and 2100");
        }
        return ym;
    }
}
