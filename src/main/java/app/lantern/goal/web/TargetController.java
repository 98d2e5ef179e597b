package app.lantern.goal.web;

import app.lantern.goal.Period;
import app.lantern.goal.SplitDimension;
import app.lantern.goal.SplitMethod;
import app.lantern.goal.TargetLevel;
import app.lantern.goal.TargetMetric;
import app.lantern.goal.TargetSetting;
import app.lantern.goal.TargetSplitting;
import app.lantern.goal.TargetWeights;
import app.lantern.goal.Targets;
import app.lantern.shared.ValidationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The target board: a year's targets per subject and period, with mismatches flagged, and forms to set and split. */
@Controller
class TargetController {

    record Column(String key, String label, boolean strong) {}

    private final Targets targets;
    private final TargetSetting setting;
    private final TargetSplitting splitting;
    private final TargetWeights weights;
    private final Clock clock;

    TargetController(
            Targets targets, TargetSetting setting, TargetSplitting splitting, TargetWeights weights, Clock clock) {
        this.targets = targets;
        this.setting = setting;
        this.splitting = splitting;
        this.weights = weights;
        this.clock = clock;
    }

    @GetMapping("/targets")
    String board(
            @RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "SIGNED") TargetMetric metric,
            Model model) {
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        List<Column> columns = new ArrayList<>();
        columns.add(new Column(String.valueOf(y), "year", true));
        for (int q = 1; q <= 4; q++) {
            columns.add(new Column(y + "-Q" + q, "Q" + q, true));
            for (int m = 3 * q - 2; m <= 3 * q; m++) {
                columns.add(new Column(String.format("%d-%02d", y, m), m + "", false));
            }
        }
        List<Targets.Subject> subjects = targets.visibleSubjects();
        Map<String, Boolean> writable = new HashMap<>();
        subjects.forEach(s -> writable.put(s.level() + "/" + s.id(), targets.canWrite(s.level(), s.id())));
        model.addAttribute("year", y);
        model.addAttribute("metric", metric);
        model.addAttribute("metrics", TargetMetric.values());
        model.addAttribute("methods", SplitMethod.values());
        model.addAttribute("columns", columns);
        model.addAttribute("subjects", subjects);
        model.addAttribute("writable", writable);
        model.addAttribute("cells", targets.board(y, metric));
        model.addAttribute("anyWritable", writable.containsValue(true));
        Targets.Subject company = subjects.isEmpty() ? null : subjects.getFirst();
        model.addAttribute(
                "companyWeights", company == null ? List.of() : targets.weightsOf(TargetLevel.COMPANY, company.id()));
        return "goal/targets";
    }

    @PostMapping("/targets/set")
    String set(
            @RequestParam int year,
            @RequestParam TargetMetric metric,
            @RequestParam String subject,
            @RequestParam String period,
            @RequestParam(required = false) BigDecimal amountWan,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        String[] s = subject.split("/");
        // the board reads in 万元, so its form takes 万元 too
        BigDecimal amount = amountWan == null ? null : amountWan.movePointRight(4);
        try {
            setting.set(new Targets.SetTarget(
                    metric, period, TargetLevel.valueOf(s[0]), Long.parseLong(s[1]), amount, reason, null));
            redirect.addFlashAttribute("message", "saved");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", e.errors());
        }
        return "redirect:/targets?year=" + year + "&metric=" + metric;
    }

    @PostMapping("/targets/decompose")
    String decompose(
            @RequestParam int year,
            @RequestParam TargetMetric metric,
            @RequestParam String subject,
            @RequestParam String period,
            @RequestParam String dimension,
            @RequestParam SplitMethod method,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        String[] s = subject.split("/");
        try {
            Period.parse(period);
            var board = targets.board(year, metric);
            var target = board.get(s[0] + "/" + s[1] + "/" + period);
            if (target == null) {
                throw ValidationException.field("period", "set the target for " + period + " first");
            }
            splitting.decompose(
                    target.id(), new Targets.Decompose(SplitDimension.parse(dimension), method, null, null, reason));
            redirect.addFlashAttribute("message", "decomposed");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", e.errors());
        }
        return "redirect:/targets?year=" + year + "&metric=" + metric;
    }

    @PostMapping("/targets/weights")
    String weights(
            @RequestParam int year,
            @RequestParam TargetMetric metric,
            @RequestParam long companyId,
            @RequestParam Map<String, String> params,
            RedirectAttributes redirect) {
        Map<String, BigDecimal> weights = new HashMap<>();
        try {
            params.forEach((k, v) -> {
                if (k.startsWith("w.")) {
                    try {
                        weights.put(k.substring(2), new BigDecimal(v.strip()));
                    } catch (NumberFormatException e) {
                        throw ValidationException.field("weights." + k.substring(2), "must be a number");
                    }
                }
            });
            this.weights.setWeights(TargetLevel.COMPANY, companyId, weights);
            redirect.addFlashAttribute("message", "weights");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", e.errors());
        }
        return "redirect:/targets?year=" + year + "&metric=" + metric;
    }
}
