package app.lantern.goal.web;

import app.lantern.goal.RepProgress;
import app.lantern.shared.ValidationException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/reps/{id}/progress?month=YYYY-MM}: result, actions and the link between them for one rep. */
@RestController
class RepProgressApiController {

    private final RepProgress progress;

    RepProgressApiController(RepProgress progress) {
        this.progress = progress;
    }

    @GetMapping("/api/v1/reps/{id}/progress")
    RepProgress.Progress progress(@PathVariable long id, @RequestParam String month) {
        YearMonth ym;
        try {
            ym = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw ValidationException.field("month", "must be YYYY-MM");
        }
        if (ym.getYear() < 2000 || ym.getYear() > 2100) {
            throw ValidationException.field("month", "year must be between 2000 and 2100");
        }
        return progress.of(id, ym);
    }
}
