package app.lantern.pipeline;

import static lantern.db.Tables.OPPORTUNITIES;
import static lantern.db.Tables.OPPORTUNITY_STAGE_HISTORY;

import app.lantern.audit.AuditLog;
import app.lantern.customer.ImportBatch;
import app.lantern.customer.ImportKind;
import app.lantern.customer.ImportOutcome;
import app.lantern.customer.ImportRowResult;
import app.lantern.shared.Phrase;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Record;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Imports the stage history of imported opportunities ({@code kind=stage-history}): one row per stage entered, named by
 * the opportunity's external id. An entry already stored (same opportunity, stage and time) is left as it is, so a file
 * imported twice adds nothing; the exits — and so the time spent in each stage — are derived from the next entry (the
 * close for the last one of a closed deal).
 */
@Component
@Order(2)
class StageHistoryImport implements ImportKind {

    private static final Map<String, List<String>> HEADERS = new LinkedHashMap<>();

    static {
        HEADERS.put(
                "opportunityExternalId",
                List.of("Opportunity ID", "Deal ID", "Record ID", "Deal - ID", "ID", "商机编号", "商机ID", "外部编号"));
        HEADERS.put(
                "stage",
                List.of("Stage", "Stage Name", "Deal Stage", "To Stage", "New Value", "阶段", "进入阶段", "销售阶段", "新阶段"));
        HEADERS.put(
                "enteredAt",
                List.of(
                        "Entered At",
                        "Date Entered",
                        "Entered Stage",
                        "Stage Entered",
                        "Edit Date",
                        "Changed At",
                        "Last Modified",
                        "Update time",
                        "进入时间",
                        "进入日期",
                        "变更时间"));
    }

    private final DSLContext db;
    private final AuditLog audit;

    StageHistoryImport(DSLContext db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    @Override
    public String code() {
        return "stage-history";
    }

    @Override
    public List<String> fields() {
        return List.copyOf(HEADERS.keySet());
    }

    @Override
    public Map<String, List<String>> headers() {
        return HEADERS;
    }

    @Override
    public List<String> required() {
        return fields();
    }

    @Override
    public String stageField() {
        return "stage";
    }

    @Override
    public List<StageChoice> stageChoices() {
        return ImportStages.choices(db);
    }

    private record Entry(ImportBatch.Row row, long opportunityId, long stageId, OffsetDateTime enteredAt) {}

    @Override
    public List<ImportRowResult> importRows(ImportBatch batch) {
        ImportStages stages = new ImportStages(db);
        Map<String, Record> opportunities = opportunities(batch);
        List<ImportRowResult> outcomes = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (ImportBatch.Row row : batch.rows()) {
            List<Phrase> problems = new ArrayList<>();
            for (String f : fields()) {
                if (!row.has(f)) {
                    problems.add(batch.problem(row, f, "blank"));
                }
            }
            Record opp = row.has("opportunityExternalId") ? opportunities.get(row.get("opportunityExternalId")) : null;
            if (opp == null && row.has("opportunityExternalId")) {
                problems.add(batch.problem(row, "opportunityExternalId", "unknown-opportunity"));
            }
            Long stage = opp == null || !row.has("stage")
                    ? null
                    : stage(batch, stages, row, opp.get(OPPORTUNITIES.PIPELINE_ID));
            if (opp != null && row.has("stage") && stage == null) {
                problems.add(batch.problem(row, "stage", "unknown-stage"));
            }
            OffsetDateTime enteredAt = batch.time(row, "enteredAt");
            if (row.has("enteredAt") && enteredAt == null) {
                problems.add(batch.problem(row, "enteredAt", "not-a-date"));
            } else if (enteredAt != null && enteredAt.isAfter(batch.now())) {
                problems.add(batch.problem(row, "enteredAt", "future"));
            }
            if (problems.isEmpty()) {
                entries.add(new Entry(row, opp.get(OPPORTUNITIES.ID), stage, enteredAt));
            } else {
                outcomes.add(new ImportRowResult(row.rowNo(), ImportOutcome.REJECTED, null, problems));
            }
        }
        outcomes.addAll(store(batch, entries));
        new StageDurations(db)
                .derive(entries.stream().map(Entry::opportunityId).distinct().toList());
        return outcomes;
    }

    private Map<String, Record> opportunities(ImportBatch batch) {
        Set<String> ids = new HashSet<>();
        batch.rows().forEach(r -> {
            if (r.has("opportunityExternalId")) {
                ids.add(r.get("opportunityExternalId"));
            }
        });
        Map<String, Record> found = new HashMap<>();
        if (!ids.isEmpty()) {
            db.select(OPPORTUNITIES.ID, OPPORTUNITIES.EXTERNAL_ID, OPPORTUNITIES.PIPELINE_ID)
                    .from(OPPORTUNITIES)
                    .where(OPPORTUNITIES.EXTERNAL_ID.in(ids))
                    .forEach(r -> found.put(r.get(OPPORTUNITIES.EXTERNAL_ID), r));
        }
        return found;
    }

    /** The mapped stage if it is one of the opportunity's pipeline, else the stage of that name there, or null. */
    private static Long stage(ImportBatch batch, ImportStages stages, ImportBatch.Row row, long pipelineId) {
        Long mapped = batch.stage(row.get("stage"));
        if (mapped != null
                && stages.stage(mapped) != null
                && stages.stage(mapped).pipelineId() == pipelineId) {
            return mapped;
        }
        ImportStages.Stage named = stages.named(pipelineId, row.get("stage"));
        return named == null ? null : named.id();
    }

    private List<ImportRowResult> store(ImportBatch batch, List<Entry> entries) {
        Set<String> stored = new HashSet<>();
        if (!entries.isEmpty()) {
            var h = OPPORTUNITY_STAGE_HISTORY;
            db.select(h.OPPORTUNITY_ID, h.STAGE_ID, h.ENTERED_AT)
                    .from(h)
                    .where(h.OPPORTUNITY_ID.in(entries.stream()
                            .map(Entry::opportunityId)
                            .distinct()
                            .toList()))
                    .forEach(r -> stored.add(key(r.value1(), r.value2(), r.value3())));
        }
        List<ImportRowResult> outcomes = new ArrayList<>();
        List<Query> inserts = new ArrayList<>();
        List<AuditLog.Fact> facts = new ArrayList<>();
        var h = OPPORTUNITY_STAGE_HISTORY;
        for (Entry e : entries) {
            if (!stored.add(key(e.opportunityId(), e.stageId(), e.enteredAt()))) {
                outcomes.add(ImportRowResult.of(
                        e.row().rowNo(),
                        ImportOutcome.MERGED,
                        e.opportunityId(),
                        new Phrase("customer.import.row.already-there")));
                continue;
            }
            inserts.add(db.insertInto(h, h.OPPORTUNITY_ID, h.STAGE_ID, h.ENTERED_AT, h.ACTOR_ID)
                    .values(
                            e.opportunityId(),
                            e.stageId(),
                            e.enteredAt(),
                            batch.importer().userId()));
            outcomes.add(ImportRowResult.of(e.row().rowNo(), ImportOutcome.IMPORTED, e.opportunityId()));
            Map<String, Object> details = batch.details(e.row());
            details.put("stageId", e.stageId());
            details.put("enteredAt", e.enteredAt().toString());
            facts.add(new AuditLog.Fact(String.valueOf(e.opportunityId()), "stage-history.imported", details));
        }
        if (!inserts.isEmpty()) {
            db.batch(inserts).execute();
        }
        audit.recordedAllBy(batch.importer(), "opportunity", facts);
        return outcomes;
    }

    private static String key(long opportunity, long stage, OffsetDateTime at) {
        return opportunity + "/" + stage + "/" + at.toInstant();
    }
}
