package app.lantern.activity;

import static lantern.db.Tables.ACTIVITIES;

import app.lantern.audit.AuditLog;
import app.lantern.customer.ImportBatch;
import app.lantern.customer.ImportKind;
import app.lantern.customer.ImportOutcome;
import app.lantern.customer.ImportRowResult;
import app.lantern.pipeline.Interaction;
import app.lantern.pipeline.Opportunities;
import app.lantern.pipeline.OpportunityRef;
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
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Imports logged activities from the exports of other CRMs ({@code kind=activities}): a row whose external id is
 * already stored updates that activity, others are created with the time they happened and were typed as given; the
 * customer is the row's (created when unknown) or its opportunity's. New activities count as the opportunity's
 * interactions (last contact, two-way contacts). Every activity written is audited.
 */
@Component
@Order(3)
class ActivityImport implements ImportKind {

    private final DSLContext db;
    private final AuditLog audit;
    private final Opportunities opportunities;

    ActivityImport(DSLContext db, AuditLog audit, Opportunities opportunities) {
        this.db = db;
        this.audit = audit;
        this.opportunities = opportunities;
    }

    @Override
    public String code() {
        return "activities";
    }

    @Override
    public List<String> fields() {
        return List.copyOf(headers().keySet());
    }

    @Override
    public Map<String, List<String>> headers() {
        return ActivityImportCells.HEADERS;
    }

    @Override
    public List<String> required() {
        return List.of("type", "occurredAt");
    }

    /** A valid row: the activity it describes (customer resolved with the chunk). */
    record Logged(
            ImportBatch.Row row,
            String externalId,
            ActivityType type,
            long ownerId,
            OpportunityRef opportunity,
            OffsetDateTime occurredAt,
            OffsetDateTime createdAt,
            int minutes,
            String outcome,
            List<Phrase> notes) {}

    @Override
    public List<ImportRowResult> importRows(ImportBatch batch) {
        Set<String> opportunityIds = new HashSet<>();
        batch.rows().stream()
                .filter(r -> r.has("opportunityExternalId"))
                .forEach(r -> opportunityIds.add(r.get("opportunityExternalId")));
        Map<String, OpportunityRef> deals = opportunities.byExternalIds(opportunityIds);
        List<ImportRowResult> outcomes = new ArrayList<>();
        Map<String, Logged> byExternalId = new HashMap<>();
        List<Logged> rows = new ArrayList<>();
        Map<Integer, Long> owners = new HashMap<>();
        Map<Integer, OffsetDateTime> created = new HashMap<>();
        for (ImportBatch.Row row : batch.rows()) {
            List<Phrase> problems = new ArrayList<>();
            Logged a = read(batch, row, deals, problems);
            if (a == null) {
                outcomes.add(new ImportRowResult(row.rowNo(), ImportOutcome.REJECTED, null, problems));
                continue;
            }
            if (a.opportunity() == null) {
                owners.put(row.rowNo(), a.ownerId());
                created.put(row.rowNo(), a.occurredAt());
            }
            Logged earlier = a.externalId() == null ? null : byExternalId.put(a.externalId(), a);
            if (earlier != null) {
                rows.remove(earlier);
                outcomes.add(ImportRowResult.of(
                        earlier.row().rowNo(),
                        ImportOutcome.SKIPPED,
                        null,
                        new Phrase("customer.import.row.repeated", row.rowNo() + 1)));
            }
            rows.add(a);
        }
        Map<Integer, ImportBatch.CustomerMatch> customers =
                batch.customers("customer", "customerExternalId", owners, created);
        Map<Logged, Long> customerOf = new LinkedHashMap<>();
        for (Logged a : rows) {
            ImportBatch.CustomerMatch c = customers.get(a.row().rowNo());
            if (a.opportunity() != null) {
                customerOf.put(a, a.opportunity().customerId());
            } else if (c != null && c.id() == null) {
                outcomes.add(ImportRowResult.of(
                        a.row().rowNo(),
                        ImportOutcome.REJECTED,
                        null,
                        batch.problem(a.row(), "customerExternalId", "unknown-customer")));
            } else {
                if (c != null && c.note() != null) {
                    a.notes().add(c.note());
                }
                customerOf.put(a, c == null ? null : c.id());
            }
        }
        outcomes.addAll(store(batch, customerOf));
        return outcomes;
    }

    private Logged read(
            ImportBatch batch, ImportBatch.Row row, Map<String, OpportunityRef> deals, List<Phrase> problems) {
        ActivityType type = null;
        if (!row.has("type")) {
            problems.add(batch.problem(row, "type", "blank"));
        } else if ((type = ActivityImportCells.type(row.get("type"))) == null) {
            problems.add(batch.problem(row, "type", "unknown-type"));
        }
        OffsetDateTime occurredAt = batch.time(row, "occurredAt");
        if (!row.has("occurredAt")) {
            problems.add(batch.problem(row, "occurredAt", "blank"));
        } else if (occurredAt == null) {
            problems.add(batch.problem(row, "occurredAt", "not-a-date"));
        } else if (occurredAt.isAfter(batch.now())) {
            problems.add(batch.problem(row, "occurredAt", "future"));
        }
        OffsetDateTime createdAt = row.has("createdAt") ? batch.time(row, "createdAt") : occurredAt;
        if (row.has("createdAt") && createdAt == null) {
            problems.add(batch.problem(row, "createdAt", "not-a-date"));
        } else if (createdAt != null && createdAt.isAfter(batch.now())) {
            problems.add(batch.problem(row, "createdAt", "future"));
        }
        Integer minutes = row.has("duration") ? ActivityImportCells.minutes(row.get("duration")) : Integer.valueOf(0);
        if (minutes == null || minutes > 24 * 60) {
            problems.add(batch.problem(row, "duration", "not-a-duration"));
        }
        OpportunityRef deal = row.has("opportunityExternalId") ? deals.get(row.get("opportunityExternalId")) : null;
        if (row.has("opportunityExternalId") && deal == null) {
            problems.add(batch.problem(row, "opportunityExternalId", "unknown-opportunity"));
        }
        if (row.has("outcome") && row.get("outcome").length() > 2000) {
            problems.add(batch.problem(row, "outcome", "too-long-cell"));
        }
        if (row.has("externalId") && row.get("externalId").length() > 100) {
            problems.add(batch.problem(row, "externalId", "too-long-cell"));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        List<Phrase> notes = new ArrayList<>();
        long owner = row.has("owner") || deal == null ? batch.owner(row, "owner", notes) : deal.ownerId();
        return new Logged(
                row,
                row.get("externalId"),
                type,
                owner,
                deal,
                occurredAt,
                createdAt,
                minutes,
                row.get("outcome"),
                notes);
    }

    private List<ImportRowResult> store(ImportBatch batch, Map<Logged, Long> rows) {
        List<String> externalIds = rows.keySet().stream()
                .map(Logged::externalId)
                .filter(e -> e != null)
                .toList();
        Map<String, Long> stored = new HashMap<>();
        if (!externalIds.isEmpty()) {
            db.select(ACTIVITIES.EXTERNAL_ID, ACTIVITIES.ID)
                    .from(ACTIVITIES)
                    .where(ACTIVITIES.EXTERNAL_ID.in(externalIds))
                    .forEach(r -> stored.put(r.value1(), r.value2()));
        }
        OffsetDateTime now = batch.now();
        var t = ACTIVITIES;
        var insert = db.insertInto(
                t,
                t.EXTERNAL_ID,
                t.TYPE,
                t.OWNER_ID,
                t.CUSTOMER_ID,
                t.OPPORTUNITY_ID,
                t.OCCURRED_AT,
                t.CREATED_AT,
                t.DURATION_MINUTES,
                t.OUTCOME,
                t.UPDATED_AT);
        List<Logged> fresh = new ArrayList<>();
        List<Query> updates = new ArrayList<>();
        List<ImportRowResult> outcomes = new ArrayList<>();
        List<AuditLog.Fact> facts = new ArrayList<>();
        List<Interaction> interactions = new ArrayList<>();
        for (var e : rows.entrySet()) {
            Logged a = e.getKey();
            Long opportunity = a.opportunity() == null ? null : a.opportunity().id();
            Long id = a.externalId() == null ? null : stored.get(a.externalId());
            if (id == null) {
                fresh.add(a);
                insert = insert.values(
                        a.externalId(),
                        a.type().name(),
                        a.ownerId(),
                        e.getValue(),
                        opportunity,
                        a.occurredAt(),
                        a.createdAt(),
                        a.minutes(),
                        a.outcome(),
                        now);
                if (opportunity != null) {
                    interactions.add(new Interaction(
                            opportunity,
                            a.type().name(),
                            a.occurredAt(),
                            false,
                            a.type().twoWay()));
                }
            } else {
                updates.add(db.update(t)
                        .set(t.TYPE, a.type().name())
                        .set(t.OWNER_ID, a.ownerId())
                        .set(t.CUSTOMER_ID, e.getValue())
                        .set(t.OPPORTUNITY_ID, opportunity)
                        .set(t.OCCURRED_AT, a.occurredAt())
                        .set(t.CREATED_AT, a.createdAt())
                        .set(t.DURATION_MINUTES, a.minutes())
                        .set(t.OUTCOME, a.outcome())
                        .set(t.UPDATED_AT, now)
                        .set(t.VERSION, t.VERSION.plus(1))
                        .where(t.ID.eq(id)));
                a.notes().add(new Phrase("customer.import.row.updated", a.externalId()));
                outcomes.add(new ImportRowResult(a.row().rowNo(), ImportOutcome.MERGED, id, a.notes()));
                facts.add(new AuditLog.Fact(String.valueOf(id), "updated.by-import", batch.details(a.row())));
            }
        }
        if (!updates.isEmpty()) {
            db.batch(updates).execute();
        }
        if (!fresh.isEmpty()) {
            List<Long> ids = new ArrayList<>(insert.returningResult(t.ID).fetch(t.ID));
            ids.sort(null);
            for (int i = 0; i < fresh.size(); i++) {
                Logged a = fresh.get(i);
                outcomes.add(new ImportRowResult(a.row().rowNo(), ImportOutcome.IMPORTED, ids.get(i), a.notes()));
                facts.add(new AuditLog.Fact(String.valueOf(ids.get(i)), "imported", batch.details(a.row())));
            }
        }
        if (!interactions.isEmpty()) {
            opportunities.recordInteractions(interactions);
        }
        audit.recordedAllBy(batch.importer(), "activity", facts);
        return outcomes;
    }
}
