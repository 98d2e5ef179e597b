package app.lantern.pipeline.web;

import app.lantern.pipeline.InterventionOutcome;
import app.lantern.pipeline.InterventionStatus;
import app.lantern.pipeline.Interventions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The manager's interventions (干预) and their outcomes. */
@Controller
class InterventionPageController {

    private final Interventions interventions;

    InterventionPageController(Interventions interventions) {
        this.interventions = interventions;
    }

    /** {@code status}: OPEN (default), DONE, or ALL. */
    @GetMapping("/opportunities/interventions")
    String page(@RequestParam(required = false) String status, Model model) {
        InterventionStatus filter = status == null
                ? InterventionStatus.OPEN
                : "ALL".equals(status) ? null : InterventionStatus.valueOf(status);
        model.addAttribute("items", interventions.visible(filter, 300));
        model.addAttribute("status", filter == null ? "ALL" : filter.name());
        model.addAttribute("outcomes", interventions.outcomeCounts());
        return "pipeline/interventions";
    }

    @PostMapping("/interventions/{id}/outcome")
    String resolve(
            @PathVariable long id,
            @RequestParam InterventionOutcome outcome,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String back) {
        interventions.resolve(id, outcome, note);
        boolean local = back != null && back.startsWith("/") && !back.startsWith("//");
        return "redirect:" + (local ? back : "/opportunities/interventions");
    }
}
