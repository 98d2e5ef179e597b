package app.lantern.pipeline;

import static lantern.db.Tables.OPPORTUNITIES;

import app.lantern.audit.AuditLog;
import app.lantern.customer.ImportBatch;
import app.lantern.customer.ImportKind;
import app.lantern.customer.ImportOutcome;
import app.lantern.customer.ImportRowResult;
import app.lantern.shared.Phrase;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Imports opportunities from the deal exports of other CRMs ({@code kind=opportunities}): a row whose external id is
 * already stored updates that opportunity, others are created with their historical creation and closing times; an
 * unknown customer is created (or matched by the duplicate rules). Every opportunity written is audited.
 */
@Component
@Order(1)
class OpportunityImport implements ImportKind {

    private final DSLContext db;
    private final AuditLog audit;

    OpportunityImport(DSLContext db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    @Override
    public String code() {
        return "opportunities";
    }

    @Override
    public List<String> fields() {
        return List.copyOf(headers().keySet());
    }

    @Override
    public Map<String, List<String>> headers() {
        return OpportunityImportRows.HEADERS;
    }

    @Override
    public List<String> required() {
        return List.of("name", "stage", "createdAt");
    }

    @Override
    public String stageField() {
        return "stage";
    }

    @Override
    public List<StageChoice> stageChoices() {
        return ImportStages.choices(db);
    }

    @Override
    public List<ImportRowResult> importRows(ImportBatch batch) {
        OpportunityImportRows reader = new OpportunityImportRows(batch, new ImportStages(db));
        List<ImportRowResult> outcomes = new ArrayList<>();
        Map<Integer, List<Phrase>> notes = new HashMap<>();
        Map<String, OpportunityImportRows.Deal> byExternalId = new LinkedHashMap<>();
        List<OpportunityImportRows.Deal> deals = new ArrayList<>();
        Map<Integer, Long> owners = new HashMap<>();
        Map<Integer, OffsetDateTime> created = new HashMap<>();
        for (ImportBatch.Row row : batch.rows()) {
            List<Phrase> problems = new ArrayList<>();
            OpportunityImportRows.Deal deal = reader.read(row, problems);
            if (deal == null) {
                outcomes.add(new ImportRowResult(row.rowNo(), ImportOutcome.REJECTED, null, problems));
                continue;
            }
            List<Phrase> n = new ArrayList<>();
            owners.put(row.rowNo(), batch.owner(row, "owner", n));
            created.put(row.rowNo(), deal.createdAt());
            notes.put(row.rowNo(), n);
            OpportunityImportRows.Deal earlier =
                    deal.externalId() == null ? null : byExternalId.put(deal.externalId(), deal);
            if (earlier != null) {
                deals.remove(earlier);
                outcomes.add(ImportRowResult.of(
                        earlier.row().rowNo(),
                        ImportOutcome.SKIPPED,
                        null,
                        new Phrase("customer.import.row.repeated", deal.row().rowNo() + 1)));
            }
            deals.add(deal);
        }
        Map<Integer, ImportBatch.CustomerMatch> customers =
                batch.customers("customer", "customerExternalId", owners, created);
        List<OpportunityImportRows.Deal> valid = new ArrayList<>();
        for (OpportunityImportRows.Deal d : deals) {
            ImportBatch.CustomerMatch c = customers.get(d.row().rowNo());
            if (c == null || c.id() == null) {
                outcomes.add(ImportRowResult.of(
                        d.row().rowNo(),
                        ImportOutcome.REJECTED,
                        null,
                        batch.problem(
                                d.row(),
                                d.row().has("customerExternalId") ? "customerExternalId" : "customer",
                                "unknown-customer")));
            } else {
                if (c.note() != null) {
                    notes.get(d.row().rowNo()).add(c.note());
                }
                valid.add(d);
            }
        }
        outcomes.addAll(store(batch, valid, owners, customers, notes));
        return outcomes;
    }

    private List<ImportRowResult> store(
            ImportBatch batch,
            List<OpportunityImportRows.Deal> deals,
            Map<Integer, Long> owners,
            Map<Integer, ImportBatch.CustomerMatch> customers,
            Map<Integer, List<Phrase>> notes) {
        Map<String, Long> stored = new HashMap<>();
        List<String> externalIds = deals.stream()
                .map(OpportunityImportRows.Deal::externalId)
                .filter(e -> e != null)
                .toList();
        if (!externalIds.isEmpty()) {
            db.select(OPPORTUNITIES.EXTERNAL_ID, OPPORTUNITIES.ID)
                    .from(OPPORTUNITIES)
                    .where(OPPORTUNITIES.EXTERNAL_ID.in(externalIds))
                    .forEach(r -> stored.put(r.value1(), r.value2()));
        }
        OffsetDateTime now = batch.now();
        var o = OPPORTUNITIES;
        var insert = db.insertInto(
                o,
                o.EXTERNAL_ID,
                o.NAME,
                o.CUSTOMER_ID,
                o.OWNER_ID,
                o.PIPELINE_ID,
                o.STAGE_ID,
                o.STATUS,
                o.AMOUNT,
                o.EXPECTED_CLOSE,
                o.FIRST_EXPECTED_CLOSE,
                o.LOSS_REASON,
                o.STAGE_ENTERED_AT,
                o.CREATED_AT,
                o.UPDATED_AT,
                o.CLOSED_AT,
                o.SOURCE);
        List<OpportunityImportRows.Deal> fresh = new ArrayList<>();
        List<Query> updates = new ArrayList<>();
        List<ImportRowResult> outcomes = new ArrayList<>();
        List<AuditLog.Fact> facts = new ArrayList<>();
        for (OpportunityImportRows.Deal d : deals) {
            int rowNo = d.row().rowNo();
            long customer = customers.get(rowNo).id();
            Long id = d.externalId() == null ? null : stored.get(d.externalId());
            if (id == null) {
                fresh.add(d);
                insert = insert.values(
                        d.externalId(),
                        d.name(),
                        customer,
                        owners.get(rowNo),
                        d.pipelineId(),
                        d.stageId(),
                        d.status().name(),
                        d.amount(),
                        d.expectedClose(),
                        d.expectedClose(),
                        d.lossReason(),
                        d.createdAt(),
                        d.createdAt(),
                        now,
                        d.closedAt(),
                        "导入");
            } else {
                updates.add(db.update(o)
                        .set(o.NAME, d.name())
                        .set(o.CUSTOMER_ID, customer)
                        .set(o.OWNER_ID, owners.get(rowNo))
                        .set(o.PIPELINE_ID, d.pipelineId())
                        .set(o.STAGE_ID, d.stageId())
                        .set(o.STATUS, d.status().name())
                        .set(o.AMOUNT, d.amount())
                        .set(o.EXPECTED_CLOSE, d.expectedClose())
                        .set(o.LOSS_REASON, d.lossReason())
                        .set(o.CREATED_AT, d.createdAt())
                        .set(o.CLOSED_AT, d.closedAt())
                        .set(o.UPDATED_AT, now)
                        .set(o.VERSION, o.VERSION.plus(1))
                        .where(o.ID.eq(id)));
                notes.get(rowNo).add(new Phrase("customer.import.row.updated", d.externalId()));
                outcomes.add(new ImportRowResult(rowNo, ImportOutcome.MERGED, id, notes.get(rowNo)));
                facts.add(new AuditLog.Fact(String.valueOf(id), "updated.by-import", batch.details(d.row())));
            }
        }
        if (!updates.isEmpty()) {
            db.batch(updates).execute();
        }
        if (!fresh.isEmpty()) {
            List<Long> ids = new ArrayList<>(insert.returningResult(o.ID).fetch(o.ID));
            ids.sort(null);
            for (int i = 0; i < fresh.size(); i++) {
                int rowNo = fresh.get(i).row().rowNo();
                outcomes.add(new ImportRowResult(rowNo, ImportOutcome.IMPORTED, ids.get(i), notes.get(rowNo)));
                facts.add(new AuditLog.Fact(
                        String.valueOf(ids.get(i)),
                        "imported",
                        batch.details(fresh.get(i).row())));
            }
        }
        audit.recordedAllBy(batch.importer(), "opportunity", facts);
        return outcomes;
    }
}
