package app.lantern.pipeline;

import static lantern.db.Tables.PIPELINES;
import static lantern.db.Tables.PIPELINE_STAGES;

import app.lantern.customer.ImportKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * The pipelines and stages a history import maps its stage and pipeline values to, read once per chunk: pipelines by
 * name, stages by id or by name within a pipeline, the default pipeline (the first active one) for files without a
 * pipeline column.
 */
final class ImportStages {

    record Stage(long id, long pipelineId, String name, int position) {}

    private final Map<Long, Stage> byId = new HashMap<>();
    private final Map<String, Long> pipelines = new HashMap<>();
    private final Map<Long, List<Stage>> stages = new HashMap<>();
    private Long defaultPipeline;

    ImportStages(DSLContext db) {
        db.select(PIPELINES.ID, PIPELINES.NAME)
                .from(PIPELINES)
                .where(PIPELINES.ACTIVE.isTrue())
                .orderBy(PIPELINES.ID)
                .forEach(r -> {
                    pipelines.putIfAbsent(key(r.value2()), r.value1());
                    if (defaultPipeline == null) {
                        defaultPipeline = r.value1();
                    }
                });
        db.select(PIPELINE_STAGES.ID, PIPELINE_STAGES.PIPELINE_ID, PIPELINE_STAGES.NAME, PIPELINE_STAGES.POSITION)
                .from(PIPELINE_STAGES)
                .orderBy(PIPELINE_STAGES.PIPELINE_ID, PIPELINE_STAGES.POSITION)
                .forEach(r -> {
                    Stage s = new Stage(r.value1(), r.value2(), r.value3(), r.value4());
                    byId.put(s.id(), s);
                    stages.computeIfAbsent(s.pipelineId(), k -> new ArrayList<>())
                            .add(s);
                });
    }

    /** Every active pipeline's stages as the mapping step offers them. */
    static List<ImportKind.StageChoice> choices(DSLContext db) {
        return db.select(PIPELINE_STAGES.ID, PIPELINES.ID, PIPELINES.NAME, PIPELINE_STAGES.NAME)
                .from(PIPELINE_STAGES)
                .join(PIPELINES)
                .on(PIPELINES.ID.eq(PIPELINE_STAGES.PIPELINE_ID))
                .where(PIPELINES.ACTIVE.isTrue())
                .orderBy(PIPELINES.ID, PIPELINE_STAGES.POSITION)
                .fetch(r -> new ImportKind.StageChoice(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** The active pipeline named (ignoring case), the default one for a blank name, or null when unknown. */
    Long pipeline(String name) {
        return name == null ? defaultPipeline : pipelines.get(key(name));
    }

    Stage stage(long id) {
        return byId.get(id);
    }

    /** The stage of {@code pipelineId} named {@code name} (ignoring case), or null. */
    Stage named(Long pipelineId, String name) {
        for (Stage s : stages.getOrDefault(pipelineId, List.of())) {
            if (key(s.name()).equals(key(name))) {
                return s;
            }
        }
        return null;
    }

    Stage first(Long pipelineId) {
        List<Stage> list = stages.getOrDefault(pipelineId, List.of());
        return list.isEmpty() ? null : list.getFirst();
    }

    Stage last(Long pipelineId) {
        List<Stage> list = stages.getOrDefault(pipelineId, List.of());
        return list.isEmpty() ? null : list.getLast();
    }

    private static String key(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }
}
