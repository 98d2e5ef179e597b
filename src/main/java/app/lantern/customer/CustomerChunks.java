package app.lantern.customer;

import static lantern.db.Tables.CUSTOMERS;

import app.lantern.audit.AuditLog;
import app.lantern.customer.matching.InMemoryKeyIndex;
import app.lantern.customer.matching.MatchProfile;
import app.lantern.identity.UserSummary;
import app.lantern.shared.Phrase;
import app.lantern.shared.UserRef;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A customer import's chunks, each in one transaction, sharing what the import learnt of the stored customers.
 */
final class CustomerChunks implements ImportRun.ChunkProcessor {

    /** What the chunks write with. */
    record Context(
            DSLContext db,
            CustomerManagement customers,
            MatchIndex index,
            AuditLog audit,
            TransactionTemplate tx,
            Clock clock) {}

    private final DSLContext db;
    private final CustomerManagement customers;
    private final MatchIndex index;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final long id;
    private final String fileName;
    private final ImportRows parser;
    private final String policy;
    private final UserSummary owner;
    private final UserRef importer;
    private final Set<Long> visibleOwners;
    private final ProfileCache cache;
    private final double threshold;
    private final Map<Long, Long> owners = new HashMap<>();

    CustomerChunks(
            Context context,
            long id,
            String fileName,
            ImportRows parser,
            String policy,
            UserSummary owner,
            Set<Long> visibleOwners) {
        this.db = context.db();
        this.customers = context.customers();
        this.index = context.index();
        this.audit = context.audit();
        this.tx = context.tx();
        this.clock = context.clock();
        this.id = id;
        this.fileName = fileName;
        this.parser = parser;
        this.policy = policy;
        this.owner = owner;
        this.importer = new ImportRun.JobActor(owner.id(), owner.username());
        this.visibleOwners = visibleOwners;
        this.cache = new ProfileCache(index, ImportDuplicates.IMPORT_KEY_CAP);
        this.threshold = customers.threshold();
    }

    /**
     * Rows validated, their duplicate look-ups against stored customers made with a few statements for the whole
     * chunk, rows of the chunk checked against each other in memory, and the new customers, contacts, keys, review
     * pairs and per-row outcomes inserted in batches.
     */
    @Override
    public void process(List<Map.Entry<Integer, List<String>>> rows) {
        tx.executeWithoutResult(s -> {
            ImportChunk chunk = new ImportChunk(policy);
            List<ImportRows.Pending> pending = new ArrayList<>();
            for (var entry : rows) {
                switch (parser.parse(entry.getKey(), entry.getValue())) {
                    case ImportRowResult o -> chunk.outcome(o);
                    case ImportRows.Pending p -> pending.add(p);
                }
            }
            ImportDuplicates.lookUpStored(pending, cache);
            InMemoryKeyIndex fresh = new InMemoryKeyIndex();
            for (ImportRows.Pending row : pending) {
                ImportDuplicates.Verdict verdict = ImportDuplicates.judge(row, cache, fresh, threshold);
                if (verdict != null && verdict.certain() && !verdict.inChunk() && policy.equals("merge")) {
                    mergeIntoStored(chunk, row, verdict);
                } else {
                    chunk.decide(row, verdict, fresh, verdict != null && !verdict.inChunk() && visible(verdict));
                }
            }
            store(chunk);
        });
    }

    /** Whether the importer sees the stored customer a row matched (owners read once per customer and import). */
    private boolean visible(ImportDuplicates.Verdict v) {
        if (visibleOwners == null) {
            return true;
        }
        Long bestOwner = owners.computeIfAbsent(
                v.id(),
                id -> db.select(CUSTOMERS.OWNER_ID)
                        .from(CUSTOMERS)
                        .where(CUSTOMERS.ID.eq(id))
                        .fetchOne(CUSTOMERS.OWNER_ID));
        return visibleOwners.contains(bestOwner);
    }

    private void mergeIntoStored(ImportChunk chunk, ImportRows.Pending row, ImportDuplicates.Verdict verdict) {
        if (!visible(verdict)) {
            chunk.outcome(ImportRowResult.of(
                    row.rowNo,
                    ImportOutcome.SKIPPED,
                    null,
                    new Phrase("customer.import.row.other-team", new Phrase(verdict.evidence()))));
            return;
        }
        customers.fillBlanks(verdict.id(), row.form);
        cache.reload(verdict.id());
        chunk.mergedIntoStored(row, verdict);
    }

    private void store(ImportChunk chunk) {
        List<ImportRows.Pending> created = chunk.created();
        List<Long> ids = customers.insertImported(
                created.stream()
                        .map(r -> new CustomerManagement.ImportedRow(r.form, r.contact, r.createdAt))
                        .toList(),
                owner.id());
        List<MatchProfile> profiles = new ArrayList<>();
        for (int i = 0; i < created.size(); i++) {
            profiles.addAll(created.get(i).profiles(ids.get(i)));
        }
        chunk.storeContacts(customers, ids);
        index.add(profiles);
        cache.added(profiles);
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (ImportChunk.Pair pair : chunk.pairs()) {
            long a = ids.get(pair.createdIndex());
            long b = pair.other() < 0 ? ids.get((int) (-2 - pair.other())) : pair.other();
            index.flag(a, b, pair.score(), now);
        }
        recordOutcomes(chunk.outcomes(ids));
    }

    /**
     * Stores the chunk's row outcomes, adds them to the import's counters and gives every customer the chunk
     * created or merged a row into its own history entry ({@code imported} / {@code merged.by-import}).
     */
    private void recordOutcomes(Collection<ImportRowResult> outcomes) {
        List<AuditLog.Fact> history = new ArrayList<>();
        for (ImportRowResult o : outcomes) {
            switch (o.outcome()) {
                case IMPORTED, REVIEW ->
                    history.add(new AuditLog.Fact(String.valueOf(o.recordId()), "imported", details(o)));
                case MERGED ->
                    history.add(new AuditLog.Fact(String.valueOf(o.recordId()), "merged.by-import", details(o)));
                default -> {
                    // nothing landed on a customer
                }
            }
        }
        ImportTally.record(db, clock, id, outcomes);
        audit.recordedAllBy(importer, "customer", history);
    }

    /** What a customer's history says of the row that created it or was merged into it: the import and file line. */
    private Map<String, Object> details(ImportRowResult o) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("importId", id);
        details.put("file", fileName);
        details.put("row", o.row() + 1);
        return details;
    }
}
