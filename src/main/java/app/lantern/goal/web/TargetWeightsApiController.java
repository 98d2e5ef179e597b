package app.lantern.goal.web;

import app.lantern.goal.TargetLevel;
import app.lantern.goal.TargetWeights;
import app.lantern.goal.Targets;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The weights a target is split by (per member of a team, or per month of a year), read and set over REST. */
@RestController
@RequestMapping("/api/v1/targets")
class TargetWeightsApiController {

    record WeightJson(String subjectId, String name, BigDecimal weight) {}

    private final Targets targets;
    private final TargetWeights weights;

    TargetWeightsApiController(Targets targets, TargetWeights weights) {
        this.targets = targets;
        this.weights = weights;
    }

    @GetMapping("/weights")
    List<WeightJson> weights(@RequestParam TargetLevel level, @RequestParam long subjectId) {
        return json(targets.weightsOf(level, subjectId));
    }

    @PutMapping("/weights")
    List<WeightJson> setWeights(
            @RequestParam TargetLevel level,
            @RequestParam long subjectId,
            @RequestBody Map<String, BigDecimal> weights) {
        return json(this.weights.setWeights(level, subjectId, weights));
    }

    private static List<WeightJson> json(List<Targets.Weight> weights) {
        return weights.stream()
                .map(w -> new WeightJson(String.valueOf(w.subjectId()), w.name(), w.weight()))
                .toList();
    }
}
