package app.lantern.goal.web;

import app.lantern.goal.ActionTargets;
import app.lantern.goal.RepProgress;
import app.lantern.goal.TeamProgress;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.Role;
import app.lantern.shared.ValidationException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** The goal–action–result page per team and rep, the drill-down into one rep, and the manager's action-target override. */
@Controller
class ProgressController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TeamProgress teams;
    private final RepProgress reps;
    private final ActionTargets actionTargets;
    private final CurrentActor currentActor;
    private final Clock clock;
    private final MessageSource messages;

    ProgressController(
            TeamProgress teams,
            RepProgress reps,
            ActionTargets actionTargets,
            CurrentActor currentActor,
            Clock clock,
            MessageSource messages) {
        this.teams = teams;
        this.reps = reps;
        this.actionTargets = actionTargets;
        this.currentActor = currentActor;
        this.clock = clock;
        this.messages = messages;
    }

    private YearMonth month(String month) {
        return month == null || month.isBlank() ? YearMonth.now(clock) : RepProgressApiController.month(month);
    }

    @GetMapping("/goals/progress")
    String rollup(@RequestParam(required = false) String month, Model model) {
        TeamProgress.Rollup rollup = teams.of(month(month));
        model.addAttribute("rollup", rollup);
        model.addAttribute("chart", JSON.writeValueAsString(chart(rollup, LocaleContextHolder.getLocale())));
        return "goal/progress";
    }

    @GetMapping("/goals/progress/reps/{id}")
    String rep(@PathVariable long id, @RequestParam(required = false) String month, Model model) {
        YearMonth ym = month(month);
        RepProgress.Progress p = reps.of(id, ym);
        var actor = currentActor.require();
        model.addAttribute("p", p);
        model.addAttribute("link", TeamProgress.link(p));
        model.addAttribute(
                "canOverride", actor.userId() != id && (actor.has(Role.MANAGER) || actor.has(Role.EXECUTIVE)));
        return "goal/rep-progress";
    }

    @PostMapping("/goals/progress/reps/{id}/action-targets")
    String override(
            @PathVariable long id,
            @RequestParam String month,
            @RequestParam(required = false) Integer visits,
            @RequestParam(required = false) Integer newOpportunities,
            @RequestParam(required = false) Integer demos,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        YearMonth ym = month(month);
        try {
            actionTargets.override(id, ym, new ActionTargets.Change(visits, newOpportunities, demos, reason));
            redirect.addFlashAttribute("message", "overridden");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", e.errors());
        }
        return "redirect:/goals/progress/reps/" + id + "?month=" + ym;
    }

    /** Attainment and this week's action completion per team against the pace of working days. */
    private Map<String, Object> chart(TeamProgress.Rollup rollup, Locale locale) {
        String attainmentName = messages.getMessage("goal.progress.chart.attainment", null, locale);
        String actionsName = messages.getMessage("goal.progress.chart.actions", null, locale);
        List<String> names = new ArrayList<>();
        List<Object> attainment = new ArrayList<>();
        List<Object> actions = new ArrayList<>();
        for (TeamProgress.TeamRow t : rollup.teams()) {
            names.add(t.teamName());
            attainment.add(Math.round(t.attainment() * 1000) / 10.0);
            actions.add(Math.round(t.actionCompletion() * 1000) / 10.0);
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("data", List.of(attainmentName, actionsName)));
        option.put("grid", Map.of("left", 40, "right", 20, "bottom", 30, "top", 40));
        option.put("xAxis", Map.of("type", "category", "data", names));
        option.put("yAxis", Map.of("type", "value", "name", "%"));
        double pace = Math.round(rollup.pace() * 1000) / 10.0;
        option.put(
                "series",
                List.of(
                        Map.of(
                                "name",
                                attainmentName,
                                "type",
                                "bar",
                                "data",
                                attainment,
                                "barMaxWidth",
                                28,
                                "markLine",
                                Map.of(
                                        "symbol",
                                        "none",
                                        "lineStyle",
                                        Map.of("type", "dashed", "color", "#c0392b"),
                                        "label",
                                        Map.of(
                                                "formatter",
                                                messages.getMessage(
                                                        "goal.progress.chart.pace", new Object[] {pace}, locale)),
                                        "data",
                                        List.of(Map.of("yAxis", pace)))),
                        Map.of("name", actionsName, "type", "bar", "data", actions, "barMaxWidth", 28)));
        return option;
    }
}
