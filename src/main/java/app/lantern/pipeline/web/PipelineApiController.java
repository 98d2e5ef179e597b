package app.lantern.pipeline.web;

import app.lantern.identity.CurrentActor;
import app.lantern.identity.Role;
import app.lantern.pipeline.PipelineView;
import app.lantern.pipeline.Pipelines;
import app.lantern.shared.ForbiddenException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/pipelines}: everybody reads them; administrators create and change them. */
@RestController
@RequestMapping("/api/v1/pipelines")
class PipelineApiController {

    private final Pipelines pipelines;
    private final CurrentActor currentActor;

    PipelineApiController(Pipelines pipelines, CurrentActor currentActor) {
        this.pipelines = pipelines;
        this.currentActor = currentActor;
    }

    record StageJson(
            String id,
            String name,
            int position,
            int winProbability,
            List<String> requiredFields,
            int slaDays,
            List<String> keyActions) {}

    record PipelineJson(
            String id,
            String name,
            String productLine,
            String templateCode,
            int budgetRequiredFrom,
            int healthThreshold,
            boolean active,
            int version,
            List<StageJson> stages,
            Map<String, Integer> healthWeights) {

        static PipelineJson of(PipelineView p) {
            Map<String, Integer> w = new LinkedHashMap<>();
            p.weights().forEach((k, v) -> w.put(k.name(), v));
            return new PipelineJson(
                    String.valueOf(p.id()),
                    p.name(),
                    p.productLine(),
                    p.templateCode(),
                    p.budgetRequiredFrom(),
                    p.healthThreshold(),
                    p.active(),
                    p.version(),
                    p.stages().stream()
                            .map(s -> new StageJson(
                                    String.valueOf(s.id()),
                                    s.name(),
                                    s.position(),
                                    s.winProbability(),
                                    s.requiredFields(),
                                    s.slaDays(),
                                    s.keyActions()))
                            .toList(),
                    w);
        }
    }

    record PipelineBody(
            String name,
            String productLine,
            Integer budgetRequiredFrom,
            Integer healthThreshold,
            List<Pipelines.StageInput> stages,
            Integer version) {

        Pipelines.PipelineInput input() {
            return new Pipelines.PipelineInput(name, productLine, budgetRequiredFrom, healthThreshold, stages);
        }
    }

    @GetMapping
    List<PipelineJson> pipelines() {
        return pipelines.all().stream().map(PipelineJson::of).toList();
    }

    @GetMapping("/{id}")
    PipelineJson pipeline(@PathVariable long id) {
        return PipelineJson.of(pipelines.require(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PipelineJson create(@RequestBody PipelineBody body) {
        requireAdmin();
        return PipelineJson.of(pipelines.create(body.input(), null));
    }

    @PutMapping("/{id}")
    PipelineJson update(@PathVariable long id, @RequestBody PipelineBody body) {
        requireAdmin();
        return PipelineJson.of(pipelines.update(id, body.input(), body.version()));
    }

    @PutMapping("/{id}/health-weights")
    PipelineJson weights(@PathVariable long id, @RequestBody Map<String, Integer> weights) {
        requireAdmin();
        return PipelineJson.of(pipelines.updateWeights(id, weights));
    }

    private void requireAdmin() {
        if (!currentActor.require().has(Role.ADMIN)) {
            throw new ForbiddenException("administrators only");
        }
    }
}
