package app.lantern.pipeline;

import static lantern.db.Tables.OPPORTUNITIES;
import static lantern.db.Tables.OPPORTUNITY_STAGE_HISTORY;
import static lantern.db.Tables.PIPELINES;
import static lantern.db.Tables.PIPELINE_HEALTH_WEIGHTS;
import static lantern.db.Tables.PIPELINE_STAGES;

import app.lantern.audit.AuditLog;
import app.lantern.shared.ConflictException;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.ValidationException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import lantern.db.tables.records.PipelineStagesRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Pipeline definitions: read by everybody signed in, changed by admins (the web layer checks the role). */
@Service
@Transactional(readOnly = true)
public class Pipelines {

    private final DSLContext db;
    private final AuditLog audit;
    private final Clock clock;

    Pipelines(DSLContext db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    public List<PipelineView> all() {
        return load(DSL.noCondition(), DSL.noCondition(), DSL.noCondition());
    }

    /** One pipeline, read through its keys only (the health score of one opportunity needs it on every event). */
    public Optional<PipelineView> find(long id) {
        return load(PIPELINES.ID.eq(id), PIPELINE_STAGES.PIPELINE_ID.eq(id), PIPELINE_HEALTH_WEIGHTS.PIPELINE_ID.eq(id))
                .stream()
                .findFirst();
    }

    private List<PipelineView> load(Condition pipeline, Condition stagesOf, Condition weightsOf) {
        Map<Long, List<StageView>> stages = new HashMap<>();
        db.selectFrom(PIPELINE_STAGES)
                .where(stagesOf)
                .orderBy(PIPELINE_STAGES.PIPELINE_ID, PIPELINE_STAGES.POSITION)
                .forEach(r -> stages.computeIfAbsent(r.getPipelineId(), k -> new ArrayList<>())
                        .add(stage(r)));
        Map<Long, Map<HealthFactor, Integer>> weights = new HashMap<>();
        db.selectFrom(PIPELINE_HEALTH_WEIGHTS).where(weightsOf).forEach(r -> {
            try {
                weights.computeIfAbsent(r.getPipelineId(), k -> HealthModel.defaultWeights())
                        .put(HealthFactor.valueOf(r.getFactor()), r.getWeight());
            } catch (IllegalArgumentException ignored) {
                // a factor retired from the model: ignore its stored weight
            }
        });
        return db.selectFrom(PIPELINES)
                .where(pipeline)
                .orderBy(PIPELINES.ID)
                .fetch(r -> new PipelineView(
                        r.getId(),
                        r.getName(),
                        r.getProductLine(),
                        r.getTemplateCode(),
                        r.getBudgetRequiredFrom(),
                        r.getHealthThreshold(),
                        r.getActive(),
                        List.copyOf(stages.getOrDefault(r.getId(), List.of())),
                        weights.getOrDefault(r.getId(), HealthModel.defaultWeights()),
                        r.getVersion()));
    }

    public PipelineView require(long id) {
        return find(id).orElseThrow(() -> NotFoundException.of("pipeline", id));
    }

    /** The pipeline a stage belongs to. */
    public PipelineView ofStage(long stageId) {
        return all().stream()
                .filter(p -> p.stage(stageId).isPresent())
                .findFirst()
                .orElseThrow(() -> NotFoundException.of("stage", stageId));
    }

    /** Creates the shipped templates that do not exist yet (idempotent). */
    @Transactional
    public List<PipelineView> installTemplates() {
        for (PipelineTemplates.Template t : PipelineTemplates.ALL) {
            if (!db.fetchExists(PIPELINES, PIPELINES.TEMPLATE_CODE.eq(t.code()))) {
                List<StageInput> stages = t.stages().stream()
                        .map(s -> new StageInput(
                                null, s.name(), s.winProbability(), s.requiredFields(), s.slaDays(), s.keyActions()))
                        .toList();
                create(new PipelineInput(t.name(), t.productLine(), t.budgetRequiredFrom(), 60, stages), t.code());
            }
        }
        return all();
    }

    /**
     * New or changed stage. {@code id} null for a new stage.
     */
    public record StageInput(
            Long id,
            String name,
            Integer winProbability,
            List<String> requiredFields,
            Integer slaDays,
            List<String> keyActions) {}

    public record PipelineInput(
            String name,
            String productLine,
            Integer budgetRequiredFrom,
            Integer healthThreshold,
            List<StageInput> stages) {}

    @Transactional
    public PipelineView create(PipelineInput in, String templateCode) {
        validate(in);
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = db.insertInto(PIPELINES)
                .set(PIPELINES.NAME, in.name().strip())
                .set(PIPELINES.PRODUCT_LINE, in.productLine().strip())
                .set(PIPELINES.TEMPLATE_CODE, templateCode)
                .set(PIPELINES.BUDGET_REQUIRED_FROM, in.budgetRequiredFrom() == null ? 2 : in.budgetRequiredFrom())
                .set(PIPELINES.HEALTH_THRESHOLD, in.healthThreshold() == null ? 60 : in.healthThreshold())
                .set(PIPELINES.CREATED_AT, now)
                .set(PIPELINES.UPDATED_AT, now)
                .returning(PIPELINES.ID)
                .fetchOne()
                .getId();
        int pos = 1;
        for (StageInput s : in.stages()) {
            insertStage(id, s, pos++);
        }
        for (HealthFactor f : HealthFactor.values()) {
            db.insertInto(PIPELINE_HEALTH_WEIGHTS)
                    .set(PIPELINE_HEALTH_WEIGHTS.PIPELINE_ID, id)
                    .set(PIPELINE_HEALTH_WEIGHTS.FACTOR, f.name())
                    .set(PIPELINE_HEALTH_WEIGHTS.WEIGHT, f.defaultWeight())
                    .execute();
        }
        PipelineView view = require(id);
        audit.created("pipeline", id, snapshot(view));
        return view;
    }

    /**
     * Replaces name, settings and stages. Existing stages keep their id (opportunities stay on them); stages missing
     * from the input are removed only when no opportunity uses them.
     */
    @Transactional
    public PipelineView update(long id, PipelineInput in, Integer expectedVersion) {
        validate(in);
        PipelineView before = require(id);
        if (expectedVersion != null && expectedVersion != before.version()) {
            throw new ConflictException(
                    "pipeline was changed by someone else", Map.of("currentVersion", before.version()));
        }
        db.update(PIPELINES)
                .set(PIPELINES.NAME, in.name().strip())
                .set(PIPELINES.PRODUCT_LINE, in.productLine().strip())
                .set(
                        PIPELINES.BUDGET_REQUIRED_FROM,
                        in.budgetRequiredFrom() == null ? before.budgetRequiredFrom() : in.budgetRequiredFrom())
                .set(
                        PIPELINES.HEALTH_THRESHOLD,
                        in.healthThreshold() == null ? before.healthThreshold() : in.healthThreshold())
                .set(PIPELINES.UPDATED_AT, OffsetDateTime.now(clock))
                .set(PIPELINES.VERSION, PIPELINES.VERSION.plus(1))
                .where(PIPELINES.ID.eq(id))
                .execute();
        List<Long> kept = new ArrayList<>();
        int pos = 1;
        for (StageInput s : in.stages()) {
            if (s.id() != null && before.stage(s.id()).isPresent()) {
                db.update(PIPELINE_STAGES)
                        .set(PIPELINE_STAGES.NAME, s.name().strip())
                        .set(PIPELINE_STAGES.POSITION, pos++)
                        .set(PIPELINE_STAGES.WIN_PROBABILITY, s.winProbability())
                        .set(PIPELINE_STAGES.REQUIRED_FIELDS, String.join(",", nz(s.requiredFields())))
                        .set(PIPELINE_STAGES.SLA_DAYS, s.slaDays() == null ? 0 : s.slaDays())
                        .set(PIPELINE_STAGES.KEY_ACTIONS, String.join("\n", nz(s.keyActions())))
                        .where(PIPELINE_STAGES.ID.eq(s.id()))
                        .execute();
                kept.add(s.id());
            } else {
                kept.add(insertStage(id, s, pos++));
            }
        }
        for (StageView old : before.stages()) {
            if (!kept.contains(old.id())) {
                if (db.fetchExists(OPPORTUNITIES, OPPORTUNITIES.STAGE_ID.eq(old.id()))
                        || db.fetchExists(OPPORTUNITY_STAGE_HISTORY, OPPORTUNITY_STAGE_HISTORY.STAGE_ID.eq(old.id()))) {
                    throw ValidationException.unprocessable(
                            "stages", "stage '" + old.name() + "' is in use and cannot be removed");
                }
                db.deleteFrom(PIPELINE_STAGES)
                        .where(PIPELINE_STAGES.ID.eq(old.id()))
                        .execute();
            }
        }
        PipelineView after = require(id);
        audit.updated("pipeline", id, snapshot(before), snapshot(after));
        return after;
    }

    /** Admins tune the health weights per pipeline; each 0–50. */
    @Transactional
    public PipelineView updateWeights(long id, Map<String, Integer> weights) {
        PipelineView before = require(id);
        FieldErrors errors = new FieldErrors();
        Map<HealthFactor, Integer> parsed = new EnumMap<>(HealthFactor.class);
        weights.forEach((k, v) -> {
            Optional<HealthFactor> f = Arrays.stream(HealthFactor.values())
                    .filter(x -> x.name().equals(k))
                    .findFirst();
            if (f.isEmpty()) {
                errors.add("weights." + k, "unknown factor");
            } else if (v == null || v < 0 || v > 50) {
                errors.add("weights." + k, "must be between 0 and 50");
            } else {
                parsed.put(f.get(), v);
            }
        });
        errors.throwIfAny();
        Map<HealthFactor, Integer> merged = new EnumMap<>(before.weights());
        merged.putAll(parsed);
        if (merged.values().stream().mapToInt(Integer::intValue).sum() == 0) {
            throw ValidationException.field("weights", "at least one factor must weigh more than 0");
        }
        db.deleteFrom(PIPELINE_HEALTH_WEIGHTS)
                .where(PIPELINE_HEALTH_WEIGHTS.PIPELINE_ID.eq(id))
                .execute();
        merged.forEach((f, w) -> db.insertInto(PIPELINE_HEALTH_WEIGHTS)
                .set(PIPELINE_HEALTH_WEIGHTS.PIPELINE_ID, id)
                .set(PIPELINE_HEALTH_WEIGHTS.FACTOR, f.name())
                .set(PIPELINE_HEALTH_WEIGHTS.WEIGHT, w)
                .execute());
        audit.updated(
                "pipeline", id, Map.of("weights", weightText(before.weights())), Map.of("weights", weightText(merged)));
        return require(id);
    }

    private long insertStage(long pipelineId, StageInput s, int pos) {
        return db.insertInto(PIPELINE_STAGES)
                .set(PIPELINE_STAGES.PIPELINE_ID, pipelineId)
                .set(PIPELINE_STAGES.NAME, s.name().strip())
                .set(PIPELINE_STAGES.POSITION, pos)
                .set(PIPELINE_STAGES.WIN_PROBABILITY, s.winProbability())
                .set(PIPELINE_STAGES.REQUIRED_FIELDS, String.join(",", nz(s.requiredFields())))
                .set(PIPELINE_STAGES.SLA_DAYS, s.slaDays() == null ? 0 : s.slaDays())
                .set(PIPELINE_STAGES.KEY_ACTIONS, String.join("\n", nz(s.keyActions())))
                .returning(PIPELINE_STAGES.ID)
                .fetchOne()
                .getId();
    }

    private static void validate(PipelineInput in) {
        FieldErrors e = new FieldErrors();
        e.addIf(
                in.name() == null || in.name().isBlank() || in.name().length() > 100,
                "name",
                "must be 1–100 characters");
        e.addIf(
                in.productLine() == null
                        || in.productLine().isBlank()
                        || in.productLine().length() > 100,
                "productLine",
                "must be 1–100 characters");
        e.addIf(
                in.healthThreshold() != null && (in.healthThreshold() < 0 || in.healthThreshold() > 100),
                "healthThreshold",
                "must be between 0 and 100");
        e.addIf(
                in.stages() == null || in.stages().isEmpty() || in.stages().size() > 20,
                "stages",
                "must have 1–20 stages");
        if (in.stages() != null) {
            e.addIf(
                    in.budgetRequiredFrom() != null
                            && (in.budgetRequiredFrom() < 1
                                    || in.budgetRequiredFrom() > in.stages().size() + 1),
                    "budgetRequiredFrom",
                    "must be a stage position");
            for (int i = 0; i < in.stages().size(); i++) {
                StageInput s = in.stages().get(i);
                String p = "stages[" + i + "].";
                e.addIf(
                        s.name() == null || s.name().isBlank() || s.name().length() > 100,
                        p + "name",
                        "must be 1–100 characters");
                e.addIf(
                        s.winProbability() == null || s.winProbability() < 0 || s.winProbability() > 100,
                        p + "winProbability",
                        "must be between 0 and 100");
                e.addIf(
                        s.slaDays() != null && (s.slaDays() < 0 || s.slaDays() > 365),
                        p + "slaDays",
                        "must be between 0 and 365");
                for (String f : nz(s.requiredFields())) {
                    e.addIf(OpportunityField.byKey(f).isEmpty(), p + "requiredFields", "unknown field '" + f + "'");
                }
                e.addIf(
                        nz(s.keyActions()).size() > 20
                                || nz(s.keyActions()).stream().anyMatch(a -> a == null || a.length() > 200),
                        p + "keyActions",
                        "at most 20 actions of up to 200 characters");
            }
        }
        e.throwIfAny();
    }

    private static <T> List<T> nz(List<T> l) {
        return l == null ? List.of() : l;
    }

    private static StageView stage(PipelineStagesRecord r) {
        return new StageView(
                r.getId(),
                r.getPipelineId(),
                r.getName(),
                r.getPosition(),
                r.getWinProbability(),
                r.getRequiredFields().isBlank()
                        ? List.of()
                        : List.of(r.getRequiredFields().split(",")),
                r.getSlaDays(),
                r.getKeyActions().isBlank()
                        ? List.of()
                        : List.of(r.getKeyActions().split("\n")));
    }

    private static Map<String, Object> snapshot(PipelineView p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("productLine", p.productLine());
        m.put("budgetRequiredFrom", p.budgetRequiredFrom());
        m.put("healthThreshold", p.healthThreshold());
        m.put(
                "stages",
                p.stages().stream()
                        .map(s -> s.name() + " " + s.winProbability() + "% SLA " + s.slaDays() + " ["
                                + String.join(",", s.requiredFields()) + "]")
                        .collect(Collectors.joining("; ")));
        return m;
    }

    private static String weightText(Map<HealthFactor, Integer> w) {
        return w.entrySet().stream()
                .map(e -> e.getKey().name() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }
}
