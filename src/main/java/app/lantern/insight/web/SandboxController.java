package app.lantern.insight.web;

import app.lantern.insight.sandbox.Backtest;
import app.lantern.insight.sandbox.Levers;
import app.lantern.insight.sandbox.Sandbox;
import app.lantern.insight.sandbox.Scenarios;
import app.lantern.shared.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /goals/sandbox}: the sliders, the live forecast (an htmx fragment of the same page), saved scenarios (G5). */
@Controller
class SandboxController {

    /** The page's form: per rep an amount and a weight; {@code mode} says which of the two the scenario uses. */
    record Form(
            String teamId,
            String month,
            String mode,
            BigDecimal teamTarget,
            List<String> repId,
            List<BigDecimal> target,
            List<BigDecimal> weight,
            Double leadVolume,
            Double conversion,
            Double cycleTime,
            String name) {

        Sandbox.Request request() {
            boolean weights = "weights".equals(mode);
            List<Sandbox.RepInput> reps = new ArrayList<>();
            for (int i = 0; repId != null && i < repId.size(); i++) {
                reps.add(new Sandbox.RepInput(
                        repId.get(i), weights ? at(weight, i) : null, weights ? null : at(target, i)));
            }
            return new Sandbox.Request(
                    teamId,
                    month,
                    weights ? teamTarget : null,
                    reps,
                    Levers.of(leadVolume, conversion, cycleTime, ""),
                    null,
                    null);
        }

        private static BigDecimal at(List<BigDecimal> values, int i) {
            return values != null && i < values.size() ? values.get(i) : null;
        }
    }

    private final Sandbox sandbox;
    private final Scenarios scenarios;
    private final Backtest backtest;
    private final MessageSource messages;

    SandboxController(Sandbox sandbox, Scenarios scenarios, Backtest backtest, MessageSource messages) {
        this.sandbox = sandbox;
        this.scenarios = scenarios;
        this.backtest = backtest;
        this.messages = messages;
    }

    @GetMapping("/goals/sandbox")
    String page(
            @RequestParam(required = false) String teamId,
            @RequestParam(required = false) String month,
            @RequestParam(required = false) Long scenario,
            Model model) {
        List<Sandbox.PlannableTeam> teams = sandbox.teams();
        model.addAttribute("teams", teams);
        if (teams.isEmpty()) {
            return "insight/sandbox";
        }
        Scenarios.Scenario loaded = scenario == null ? null : scenarios.get(scenario);
        Sandbox.Request request = loaded != null
                ? loaded.request(null, null)
                : new Sandbox.Request(teamId, month, null, List.of(), Levers.AS_IS, null, null);
        Sandbox.Simulation simulation = sandbox.simulate(request);
        model.addAttribute("loaded", loaded);
        model.addAttribute(
                "scenarios", scenarios.list(String.valueOf(simulation.team().teamId())));
        model.addAttribute("backtest", backtest.today());
        results(model, simulation, "amounts");
        return "insight/sandbox";
    }

    @PostMapping("/goals/sandbox/simulate")
    String simulate(@ModelAttribute Form form, Model model) {
        try {
            results(model, sandbox.simulate(form.request()), form.mode());
        } catch (ValidationException e) {
            model.addAttribute("errors", e.errors());
        }
        return "insight/sandbox :: results";
    }

    @PostMapping("/goals/sandbox/scenarios")
    String save(@ModelAttribute Form form, RedirectAttributes redirect) {
        Scenarios.Scenario saved = scenarios.create(form.name(), form.request());
        redirect.addFlashAttribute("message", "saved");
        return "redirect:/goals/sandbox?scenario=" + saved.id();
    }

    @PostMapping("/goals/sandbox/scenarios/{id}/apply")
    String apply(@PathVariable long id, RedirectAttributes redirect) {
        scenarios.apply(id, null);
        redirect.addFlashAttribute("message", "applied");
        return "redirect:/goals/sandbox?scenario=" + id;
    }

    @PostMapping("/goals/sandbox/scenarios/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        long team = scenarios.get(id).teamId();
        scenarios.delete(id);
        redirect.addFlashAttribute("message", "deleted");
        return "redirect:/goals/sandbox?teamId=" + team;
    }

    @GetMapping("/goals/sandbox/compare")
    String compare(@RequestParam(name = "ids") List<Long> ids, Model model) {
        model.addAttribute("compared", scenarios.compare(ids));
        return "insight/sandbox-compare";
    }

    private void results(Model model, Sandbox.Simulation simulation, String mode) {
        model.addAttribute("sim", simulation);
        model.addAttribute("mode", "weights".equals(mode) ? "weights" : "amounts");
        SandboxCharts charts = new SandboxCharts(messages, LocaleContextHolder.getLocale());
        model.addAttribute("fanChart", charts.fan(simulation));
        model.addAttribute(
                "gaugeChart", charts.gauge(simulation.team().forecast().probability()));
    }
}
