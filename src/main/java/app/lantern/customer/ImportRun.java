package app.lantern.customer;

import static lantern.db.Tables.CUSTOMERS;
import static lantern.db.Tables.CUSTOMER_IMPORTS;
import static lantern.db.Tables.CUSTOMER_IMPORT_ROWS;

import app.lantern.audit.AuditLog;
import app.lantern.customer.matching.InMemoryKeyIndex;
import app.lantern.customer.matching.MatchProfile;
import app.lantern.identity.Actor;
import app.lantern.identity.DataScopes;
import app.lantern.identity.Directory;
import app.lantern.identity.RecordKind;
import app.lantern.identity.UserSummary;
import app.lantern.shared.Phrase;
import app.lantern.shared.UserRef;
import app.lantern.shared.ValidationException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs an import: rows are processed in chunks; a chunk's customers and its per-row outcomes commit together, so an
 * interrupted import resumes after the last committed row and every row ends in exactly one {@link ImportOutcome}.
 */
@Component
class ImportRun {

    static final int CHUNK = 500;

    private static final Logger log = LoggerFactory.getLogger(ImportRun.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record JobActor(long userId, String username) implements UserRef {}

    private final DSLContext db;
    private final CustomerManagement customers;
    private final MatchIndex index;
    private final AttachmentStorage storage;
    private final DataScopes scopes;
    private final Directory directory;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    ImportRun(
            DSLContext db,
            CustomerManagement customers,
            MatchIndex index,
            AttachmentStorage storage,
            DataScopes scopes,
            Directory directory,
            AuditLog audit,
            TransactionTemplate tx,
            Clock clock) {
        this.db = db;
        this.customers = customers;
        this.index = index;
        this.storage = storage;
        this.scopes = scopes;
        this.directory = directory;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** The users the importer may give customers to; null when everyone. */
    Set<Long> assignable(Actor actor) {
        return scopes.of(actor, RecordKind.CUSTOMER).isEverything() ? null : scopes.visibleOwners(actor);
    }

    /** Processes the remaining rows of an import; safe to call again after an interruption. */
    void run(long id) {
        try {
            var job = db.selectFrom(CUSTOMER_IMPORTS)
                    .where(CUSTOMER_IMPORTS.ID.eq(id))
                    .fetchOne();
            if (job == null || "DONE".equals(job.getStatus())) {
                return;
            }
            UserSummary owner = directory.user(job.getOwnerId()).orElseThrow();
            Actor actor = new Actor(owner.id(), owner.username(), owner.displayName(), owner.roles(), owner.teamId());
            Set<Long> assignable = assignable(actor);
            UserSummary fallback = job.getDefaultOwnerId() == null
                    ? owner
                    : directory.user(job.getDefaultOwnerId()).orElse(owner);
            Map<String, String> mapping = JSON.readValue(job.getMapping(), new TypeReference<Map<String, String>>() {});
            ImportRows parser =
                    new ImportRows(customers, clock, new ImportOwners(directory, assignable, fallback), mapping);
            Integer done = db.select(DSL.max(CUSTOMER_IMPORT_ROWS.ROW_NO))
                    .from(CUSTOMER_IMPORT_ROWS)
                    .where(CUSTOMER_IMPORT_ROWS.IMPORT_ID.eq(id))
                    .fetchOne()
                    .value1();
            int resumeAfter = done == null ? 0 : done;
            tx.executeWithoutResult(s -> db.update(CUSTOMER_IMPORTS)
                    .set(CUSTOMER_IMPORTS.STATUS, "RUNNING")
                    .set(CUSTOMER_IMPORTS.UPDATED_AT, OffsetDateTime.now(clock))
                    .where(CUSTOMER_IMPORTS.ID.eq(id))
                    .execute());
            byte[] content;
            try (InputStream in = storage.open(job.getStorageKey())) {
                content = in.readAllBytes();
            }
            Charset charset = job.getEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(job.getEncoding());
            Chunks chunks = new Chunks(id, job.getFileName(), parser, job.getDuplicatePolicy(), owner, assignable);
            List<Map.Entry<Integer, List<String>>> chunk = new ArrayList<>();
            int[] rowNo = {0};
            SheetReader.read(job.getFormat(), content, charset, row -> {
                int n = rowNo[0]++;
                if (n == 0 || n <= resumeAfter) {
                    return true;
                }
                chunk.add(Map.entry(n, row));
                if (chunk.size() >= CHUNK) {
                    chunks.process(chunk);
                    chunk.clear();
                }
                return true;
            });
            if (!chunk.isEmpty()) {
                chunks.process(chunk);
            }
            tx.executeWithoutResult(s -> {
                db.update(CUSTOMER_IMPORTS)
                        .set(CUSTOMER_IMPORTS.STATUS, "DONE")
                        .set(CUSTOMER_IMPORTS.FINISHED_AT, OffsetDateTime.now(clock))
                        .set(CUSTOMER_IMPORTS.UPDATED_AT, OffsetDateTime.now(clock))
                        .where(CUSTOMER_IMPORTS.ID.eq(id))
                        .execute();
                audit.recordedBy(
                        new JobActor(owner.id(), owner.username()), "customer.import", id, "finished", summary(id));
            });
        } catch (Exception e) {
            log.error("customer import {} failed", id, e);
            String message = e instanceof ValidationException v
                    ? v.getMessage()
                    : "the import stopped unexpectedly; rows already listed landed";
            tx.executeWithoutResult(s -> db.update(CUSTOMER_IMPORTS)
                    .set(CUSTOMER_IMPORTS.STATUS, "FAILED")
                    .set(CUSTOMER_IMPORTS.MESSAGE, message.length() > 500 ? message.substring(0, 500) : message)
                    .set(CUSTOMER_IMPORTS.UPDATED_AT, OffsetDateTime.now(clock))
                    .where(CUSTOMER_IMPORTS.ID.eq(id))
                    .execute());
        }
    }

    private Map<String, Object> summary(long id) {
        var j = db.selectFrom(CUSTOMER_IMPORTS)
                .where(CUSTOMER_IMPORTS.ID.eq(id))
                .fetchOne();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", j.getFileName());
        m.put("imported", j.getImported());
        m.put("review", j.getReview());
        m.put("merged", j.getMerged());
        m.put("skipped", j.getSkipped());
        m.put("rejected", j.getRejected());
        return m;
    }

    /** One import's chunks, each in one transaction, sharing what the import learnt of the stored customers. */
    private final class Chunks {
        private final long id;
        private final String fileName;
        private final ImportRows parser;
        private final String policy;
        private final UserSummary owner;
        private final Set<Long> visibleOwners;
        private final ProfileCache cache = new ProfileCache(index, ImportDuplicates.IMPORT_KEY_CAP);
        private final double threshold = customers.threshold();
        private final Map<Long, Long> owners = new HashMap<>();

        Chunks(long id, String fileName, ImportRows parser, String policy, UserSummary owner, Set<Long> visibleOwners) {
            this.id = id;
            this.fileName = fileName;
            this.parser = parser;
            this.policy = policy;
            this.owner = owner;
            this.visibleOwners = visibleOwners;
        }

        /**
         * Rows validated, their duplicate look-ups against stored customers made with a few statements for the whole
         * chunk, rows of the chunk checked against each other in memory, and the new customers, contacts, keys, review
         * pairs and per-row outcomes inserted in batches.
         */
        void process(List<Map.Entry<Integer, List<String>>> rows) {
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
            Map<ImportOutcome, Integer> counts = new TreeMap<>();
            var insert = db.insertInto(
                    CUSTOMER_IMPORT_ROWS,
                    CUSTOMER_IMPORT_ROWS.IMPORT_ID,
                    CUSTOMER_IMPORT_ROWS.ROW_NO,
                    CUSTOMER_IMPORT_ROWS.OUTCOME,
                    CUSTOMER_IMPORT_ROWS.CUSTOMER_ID,
                    CUSTOMER_IMPORT_ROWS.MESSAGE);
            List<AuditLog.Fact> history = new ArrayList<>();
            for (ImportRowResult o : outcomes) {
                counts.merge(o.outcome(), 1, Integer::sum);
                switch (o.outcome()) {
                    case IMPORTED, REVIEW ->
                        history.add(new AuditLog.Fact(String.valueOf(o.customerId()), "imported", details(o)));
                    case MERGED ->
                        history.add(new AuditLog.Fact(String.valueOf(o.customerId()), "merged.by-import", details(o)));
                    default -> {
                        // nothing landed on a customer
                    }
                }
                insert = insert.values(
                        id, o.row(), o.outcome().name(), o.customerId(), ImportMessages.encode(o.notes()));
            }
            insert.execute();
            db.update(CUSTOMER_IMPORTS)
                    .set(CUSTOMER_IMPORTS.PROCESSED_ROWS, CUSTOMER_IMPORTS.PROCESSED_ROWS.plus(outcomes.size()))
                    .set(
                            CUSTOMER_IMPORTS.IMPORTED,
                            CUSTOMER_IMPORTS.IMPORTED.plus(counts.getOrDefault(ImportOutcome.IMPORTED, 0)))
                    .set(
                            CUSTOMER_IMPORTS.REVIEW,
                            CUSTOMER_IMPORTS.REVIEW.plus(counts.getOrDefault(ImportOutcome.REVIEW, 0)))
                    .set(
                            CUSTOMER_IMPORTS.MERGED,
                            CUSTOMER_IMPORTS.MERGED.plus(counts.getOrDefault(ImportOutcome.MERGED, 0)))
                    .set(
                            CUSTOMER_IMPORTS.SKIPPED,
                            CUSTOMER_IMPORTS.SKIPPED.plus(counts.getOrDefault(ImportOutcome.SKIPPED, 0)))
                    .set(
                            CUSTOMER_IMPORTS.REJECTED,
                            CUSTOMER_IMPORTS.REJECTED.plus(counts.getOrDefault(ImportOutcome.REJECTED, 0)))
                    .set(CUSTOMER_IMPORTS.UPDATED_AT, OffsetDateTime.now(clock))
                    .where(CUSTOMER_IMPORTS.ID.eq(id))
                    .execute();
            audit.recordedAllBy(new JobActor(owner.id(), owner.username()), "customer", history);
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
}
