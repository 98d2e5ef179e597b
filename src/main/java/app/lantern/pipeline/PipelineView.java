package app.lantern.pipeline;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pipeline with its ordered stages.
 *
 * @param budgetRequiredFrom stage position from which the budget range is required on entry
 * @param healthThreshold    health score below which an intervention opens
 */
public record PipelineView(
        long id,
        String name,
        String productLine,
        String templateCode,
        int budgetRequiredFrom,
        int healthThreshold,
        boolean active,
        List<StageView> stages,
        Map<HealthFactor, Integer> weights,
        int version) {

    public Optional<StageView> stage(long stageId) {
        return stages.stream().filter(s -> s.id() == stageId).findFirst();
    }

    public StageView firstStage() {
        return stages.getFirst();
    }

    /** Entry criteria of a stage: its own required fields plus the budget range from the configured stage on. */
    public List<OpportunityField> entryCriteria(StageView stage) {
        LinkedHashSet<OpportunityField> fields = new LinkedHashSet<>();
        for (StageView s : stages) {
            if (s.position() <= stage.position()) {
                s.requiredFields().forEach(k -> OpportunityField.byKey(k).ifPresent(fields::add));
            }
        }
        if (stage.position() >= budgetRequiredFrom) {
            fields.add(OpportunityField.BUDGET_RANGE);
        }
        return List.copyOf(fields);
    }
}
