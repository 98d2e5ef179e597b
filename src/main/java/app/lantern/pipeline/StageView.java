package app.lantern.pipeline;

import java.util.List;

/**
 * One stage of a pipeline.
 *
 * @param position       1-based order
 * @param requiredFields entry criteria: keys of {@link OpportunityField}
 * @param slaDays        SLA in working days (0 = none)
 * @param keyActions     key actions checklist
 */
public record StageView(
        long id,
        long pipelineId,
        String name,
        int position,
        int winProbability,
        List<String> requiredFields,
        int slaDays,
        List<String> keyActions) {}
