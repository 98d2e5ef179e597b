package app.lantern.customer;

import static lantern.db.Tables.CUSTOMER_IMPORTS;
import static lantern.db.Tables.CUSTOMER_IMPORT_ROWS;

import app.lantern.audit.AuditLog;
import app.lantern.identity.Actor;
import app.lantern.identity.DataScopes;
import app.lantern.identity.Directory;
import app.lantern.identity.RecordKind;
import app.lantern.identity.UserSummary;
import app.lantern.shared.UserRef;
import app.lantern.shared.ValidationException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** Processes one chunk of file rows (row number, cells), in its own transaction. */
    interface ChunkProcessor {
        void process(List<Map.Entry<Integer, List<String>>> rows);
    }

    private final DSLContext db;
    private final CustomerManagement customers;
    private final MatchIndex index;
    private final AttachmentStorage storage;
    private final DataScopes scopes;
    private final Directory directory;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ImportKinds kinds;

    ImportRun(
            DSLContext db,
            CustomerManagement customers,
            MatchIndex index,
            AttachmentStorage storage,
            DataScopes scopes,
            Directory directory,
            AuditLog audit,
            TransactionTemplate tx,
            Clock clock,
            ImportKinds kinds) {
        this.db = db;
        this.customers = customers;
        this.index = index;
        this.storage = storage;
        this.scopes = scopes;
        this.directory = directory;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.kinds = kinds;
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
            ImportOwners owners = new ImportOwners(directory, assignable, fallback);
            ChunkProcessor chunks = "customers".equals(job.getKind())
                    ? new CustomerChunks(
                            new CustomerChunks.Context(db, customers, index, audit, tx, clock),
                            id,
                            job.getFileName(),
                            new ImportRows(customers, clock, owners, mapping),
                            job.getDuplicatePolicy(),
                            owner,
                            assignable)
                    : kinds.chunks(job, owner, owners, mapping);
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
        m.put("kind", j.getKind());
        m.put("imported", j.getImported());
        m.put("review", j.getReview());
        m.put("merged", j.getMerged());
        m.put("skipped", j.getSkipped());
        m.put("rejected", j.getRejected());
        return m;
    }
}
