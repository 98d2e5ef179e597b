package app.lantern.pipeline.web;

import app.lantern.pipeline.Pipelines;
import java.util.List;
import java.util.Objects;

/**
 * The pipeline administration form: the pipeline's settings and its stages in order (rows without a name are dropped;
 * key actions one per line).
 */
record PipelineForm(
        String name,
        String productLine,
        Integer budgetRequiredFrom,
        Integer healthThreshold,
        List<StageForm> stages,
        int version) {

    record StageForm(
            Long id,
            String name,
            Integer winProbability,
            List<String> requiredFields,
            Integer slaDays,
            String keyActions) {

        Pipelines.StageInput input() {
            return new Pipelines.StageInput(
                    id,
                    name,
                    winProbability,
                    requiredFields == null ? List.of() : requiredFields,
                    slaDays == null ? 0 : slaDays,
                    keyActions == null
                            ? List.of()
                            : keyActions
                                    .lines()
                                    .map(String::strip)
                                    .filter(s -> !s.isEmpty())
                                    .toList());
        }
    }

    Pipelines.PipelineInput input() {
        return new Pipelines.PipelineInput(
                name,
                productLine,
                budgetRequiredFrom,
                healthThreshold,
                stages == null
                        ? List.of()
                        : stages.stream()
                                .filter(Objects::nonNull)
                                .filter(s -> s.name() != null && !s.name().isBlank())
                                .map(StageForm::input)
                                .toList());
    }
}
