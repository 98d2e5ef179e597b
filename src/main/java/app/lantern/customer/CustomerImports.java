package app.lantern.customer;

import static lantern.db.Tables.CUSTOMER_IMPORTS;
import static lantern.db.Tables.CUSTOMER_IMPORT_ROWS;

import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.DataScopes;
import app.lantern.identity.Directory;
import app.lantern.identity.RecordKind;
import app.lantern.identity.Role;
import app.lantern.identity.UserSummary;
import app.lantern.shared.ForbiddenException;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import lantern.db.tables.records.CustomerImportsRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports customers (and one contact per row) from xlsx or csv: a file with a header row is stored and its columns
 * mapped (proposed from Chinese, English and common CRM export names, confirmed or changed by the importer), then
 * run in the background by {@link ImportRun}; progress, outcomes and the error report are read here.
 */
@Service
public class CustomerImports {

    public static final int MAX_ROWS = 100_000;
    public static final int MAX_BYTES = 20 * 1024 * 1024;
    public static final List<String> FIELDS = ImportFields.FIELDS;
    public static final List<String> POLICIES = List.of("skip", "merge", "create");
    /** Rows worth a look listed with an import (the error report holds them all). */
    static final int LISTED_ROWS = 100;

    private static final Logger log = LoggerFactory.getLogger(CustomerImports.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DSLContext db;
    private final ImportRun runner;
    private final AttachmentStorage storage;
    private final CurrentActor currentActor;
    private final DataScopes scopes;
    private final Directory directory;
    private final MessageSource messages;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ImportKinds kinds;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final boolean resumeOnStart;

    CustomerImports(
            DSLContext db,
            ImportRun runner,
            AttachmentStorage storage,
            CurrentActor currentActor,
            DataScopes scopes,
            Directory directory,
            MessageSource messages,
            TransactionTemplate tx,
            Clock clock,
            ImportKinds kinds,
            @Value("${lantern.customer.import-resume:true}") boolean resumeOnStart) {
        this.db = db;
        this.runner = runner;
        this.storage = storage;
        this.currentActor = currentActor;
        this.scopes = scopes;
        this.directory = directory;
        this.messages = messages;
        this.tx = tx;
        this.clock = clock;
        this.kinds = kinds;
        this.resumeOnStart = resumeOnStart;
    }

    /** A read file: its format, encoding, header, first rows and row count. */
    private record Sheet(String format, Charset charset, List<String> headers, List<List<String>> head, int rows) {}

    /**
     * Stores the file, reads its header and first rows, and proposes a column mapping (status MAPPING) for the
     * {@code kind} of import (blank: customers; the history kinds are for administrators).
     */
    public ImportJob upload(String fileName, byte[] content, String encoding, String policy, String kind) {
        Actor actor = currentActor.require();
        ImportKind k = allowed(actor, kind);
        String p = policy(policy, "skip");
        Sheet sheet = read(fileName, content, encoding);
        long id = store(actor, fileName, content, sheet, kinds.propose(k, sheet.headers()), p, k, Map.of());
        return get(id).withPreview(sheet.head().subList(1, sheet.head().size()));
    }

    private ImportKind allowed(Actor actor, String kind) {
        ImportKind k = kinds.kind(kind);
        if (k != null && !actor.has(Role.ADMIN)) {
            throw new ForbiddenException("only administrators import history (" + k.code() + ")");
        }
        return k;
    }

    /**
     * Stores the file and starts it at once with {@code mapping} (null: the proposed one) — the API's one-step import;
     * a file refused for its mapping or default owner leaves nothing behind.
     */
    public ImportJob submit(
            String fileName,
            byte[] content,
            String encoding,
            String policy,
            Map<String, String> mapping,
            String defaultOwner,
            String kind,
            Map<String, String> stageMapping) {
        Actor actor = currentActor.require();
        ImportKind k = allowed(actor, kind);
        String p = policy(policy, "skip");
        Sheet sheet = read(fileName, content, encoding);
        Map<String, String> m = kinds.confirm(
                k,
                mapping == null ? kinds.propose(k, sheet.headers()) : mapping,
                sheet.headers().size());
        Map<String, String> stages = kinds.confirmStages(k, stageMapping);
        Long owner = defaultOwner(actor, defaultOwner);
        long id = store(actor, fileName, content, sheet, m, p, k, stages);
        return queue(id, m, p, owner, stages);
    }

    /** Starts (or restarts) an import with the confirmed mapping {column index → field} and default owner. */
    public ImportJob start(
            long id,
            Map<String, String> mapping,
            String policy,
            String defaultOwner,
            Map<String, String> stageMapping) {
        ImportJob job = get(id);
        if (!"MAPPING".equals(job.status())) {
            throw ValidationException.unprocessable("status", "this import has already started");
        }
        ImportKind k = allowed(currentActor.require(), job.kind());
        Map<String, String> m = kinds.confirm(
                k, mapping == null ? job.mapping() : mapping, job.headers().size());
        String p = policy(policy, job.duplicatePolicy());
        Map<String, String> stages = kinds.confirmStages(k, stageMapping);
        return queue(id, m, p, defaultOwner(currentActor.require(), defaultOwner), stages);
    }

    /** The users the signed-in importer may make owners of imported customers (the default owner's choices). */
    public List<UserSummary> assignableOwners() {
        Set<Long> allowed = runner.assignable(currentActor.require());
        return directory.users().stream()
                .filter(u -> u.active() && (allowed == null || allowed.contains(u.id())))
                .toList();
    }

    private static String policy(String policy, String fallback) {
        String p = policy == null || policy.isBlank() ? fallback : policy;
        if (!POLICIES.contains(p)) {
            throw ValidationException.field("duplicatePolicy", "must be one of " + POLICIES);
        }
        return p;
    }

    /** The chosen default owner (null: the importer), who must be an active user the importer may assign to. */
    private Long defaultOwner(Actor actor, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        long id;
        try {
            id = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ValidationException.field("defaultOwner", "must be a user id");
        }
        Set<Long> allowed = runner.assignable(actor);
        if (directory.user(id).filter(UserSummary::active).isEmpty() || (allowed != null && !allowed.contains(id))) {
            throw ValidationException.field("defaultOwner", "is not a user you can assign customers to");
        }
        return id;
    }

    private Sheet read(String fileName, byte[] content, String encoding) {
        if (content == null || content.length == 0) {
            throw ValidationException.field("file", "is empty");
        }
        if (content.length > MAX_BYTES) {
            throw ValidationException.field("file", "is larger than 20 MB");
        }
        String format = SheetReader.format(fileName, content);
        Charset charset = SheetReader.charset(encoding, content);
        List<List<String>> head = new ArrayList<>();
        int[] count = {0};
        SheetReader.read(format, content, charset, row -> {
            if (head.size() < 11) {
                head.add(row);
            }
            count[0]++;
            return count[0] <= MAX_ROWS + 1;
        });
        if (head.isEmpty() || head.getFirst().stream().allMatch(h -> h == null || h.isBlank())) {
            throw ValidationException.field("file", "is empty: the first row must be a header");
        }
        if (count[0] > MAX_ROWS + 1) {
            throw ValidationException.field("file", "has more than " + MAX_ROWS + " rows; split it into several files");
        }
        List<String> headers =
                head.getFirst().stream().map(h -> h == null ? "" : h.strip()).toList();
        return new Sheet(format, charset, headers, head, count[0] - 1);
    }

    private long store(
            Actor actor,
            String fileName,
            byte[] content,
            Sheet sheet,
            Map<String, String> mapping,
            String policy,
            ImportKind kind,
            Map<String, String> stages) {
        String key;
        try {
            key = storage.store("imports", new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        String name = SheetReader.cleanFileName(fileName, sheet.format());
        return tx.execute(s -> db.insertInto(CUSTOMER_IMPORTS)
                .set(CUSTOMER_IMPORTS.OWNER_ID, actor.userId())
                .set(CUSTOMER_IMPORTS.FILE_NAME, name)
                .set(CUSTOMER_IMPORTS.FORMAT, sheet.format())
                .set(
                        CUSTOMER_IMPORTS.ENCODING,
                        "csv".equals(sheet.format()) ? sheet.charset().name() : null)
                .set(CUSTOMER_IMPORTS.STORAGE_KEY, key)
                .set(CUSTOMER_IMPORTS.STATUS, "MAPPING")
                .set(CUSTOMER_IMPORTS.HEADERS, JSON.writeValueAsString(sheet.headers()))
                .set(CUSTOMER_IMPORTS.MAPPING, JSON.writeValueAsString(mapping))
                .set(CUSTOMER_IMPORTS.DUPLICATE_POLICY, policy)
                .set(CUSTOMER_IMPORTS.KIND, ImportKinds.code(kind))
                .set(CUSTOMER_IMPORTS.STAGE_MAPPING, JSON.writeValueAsString(stages))
                .set(CUSTOMER_IMPORTS.TOTAL_ROWS, sheet.rows())
                .set(CUSTOMER_IMPORTS.CREATED_AT, now)
                .set(CUSTOMER_IMPORTS.UPDATED_AT, now)
                .returningResult(CUSTOMER_IMPORTS.ID)
                .fetchOne()
                .value1());
    }

    private ImportJob queue(
            long id, Map<String, String> mapping, String policy, Long defaultOwner, Map<String, String> stages) {
        tx.executeWithoutResult(s -> db.update(CUSTOMER_IMPORTS)
                .set(CUSTOMER_IMPORTS.MAPPING, JSON.writeValueAsString(mapping))
                .set(CUSTOMER_IMPORTS.STAGE_MAPPING, JSON.writeValueAsString(stages))
                .set(CUSTOMER_IMPORTS.DUPLICATE_POLICY, policy)
                .set(CUSTOMER_IMPORTS.DEFAULT_OWNER_ID, defaultOwner)
                .set(CUSTOMER_IMPORTS.STATUS, "QUEUED")
                .set(CUSTOMER_IMPORTS.UPDATED_AT, OffsetDateTime.now(clock))
                .where(CUSTOMER_IMPORTS.ID.eq(id))
                .execute());
        var context = SecurityContextHolder.getContext();
        workers.submit(() -> {
            SecurityContextHolder.setContext(context);
            try {
                runner.run(id);
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        return get(id);
    }

    /** Resumes imports interrupted by a restart: rows with a stored outcome are not processed again. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeInterrupted() {
        if (!resumeOnStart) {
            return;
        }
        for (Long id : db.select(CUSTOMER_IMPORTS.ID)
                .from(CUSTOMER_IMPORTS)
                .where(CUSTOMER_IMPORTS.STATUS.in("QUEUED", "RUNNING"))
                .fetch(CUSTOMER_IMPORTS.ID)) {
            log.info("resuming customer import {}", id);
            workers.submit(() -> runner.run(id));
        }
    }

    /** The import if the reader started it (or may see everything), with the first rows worth a look. */
    public ImportJob get(long id) {
        var r = visible(id);
        List<ImportJob.Row> rows = rows(
                id,
                CUSTOMER_IMPORT_ROWS
                        .OUTCOME
                        .ne(ImportOutcome.IMPORTED.name())
                        .or(CUSTOMER_IMPORT_ROWS.MESSAGE.isNotNull()),
                0,
                LISTED_ROWS);
        return new ImportJob(
                String.valueOf(r.getId()),
                String.valueOf(r.getOwnerId()),
                r.getKind(),
                r.getFileName(),
                r.getFormat(),
                r.getEncoding(),
                r.getStatus(),
                JSON.readValue(r.getHeaders(), new TypeReference<List<String>>() {}),
                JSON.readValue(r.getMapping(), new TypeReference<Map<String, String>>() {}),
                r.getStageMapping() == null
                        ? Map.of()
                        : JSON.readValue(r.getStageMapping(), new TypeReference<Map<String, String>>() {}),
                r.getDuplicatePolicy(),
                r.getDefaultOwnerId() == null ? null : String.valueOf(r.getDefaultOwnerId()),
                r.getTotalRows(),
                r.getProcessedRows(),
                r.getImported(),
                r.getReview(),
                r.getMerged(),
                r.getSkipped(),
                r.getRejected(),
                r.getMessage(),
                r.getCreatedAt(),
                r.getFinishedAt(),
                List.of(),
                rows);
    }

    /** Every row's outcome after file line {@code afterLine}, at most {@code limit} (up to 1,000), in file order. */
    public List<ImportJob.Row> rows(long id, int afterLine, int limit) {
        visible(id);
        return rows(id, null, Math.max(0, afterLine - 1), Math.clamp(limit, 1, 1000));
    }

    private List<ImportJob.Row> rows(long id, Condition which, int afterRowNo, int limit) {
        Locale locale = LocaleContextHolder.getLocale();
        boolean customers = ImportKinds.CUSTOMERS.equals(db.select(CUSTOMER_IMPORTS.KIND)
                .from(CUSTOMER_IMPORTS)
                .where(CUSTOMER_IMPORTS.ID.eq(id))
                .fetchOne(CUSTOMER_IMPORTS.KIND));
        var where = CUSTOMER_IMPORT_ROWS.IMPORT_ID.eq(id).and(CUSTOMER_IMPORT_ROWS.ROW_NO.gt(afterRowNo));
        return db.selectFrom(CUSTOMER_IMPORT_ROWS)
                .where(which == null ? where : where.and(which))
                // ordered as the primary key, so that H2 reads it in order and stops at the limit instead of sorting
                .orderBy(CUSTOMER_IMPORT_ROWS.IMPORT_ID, CUSTOMER_IMPORT_ROWS.ROW_NO)
                .limit(limit)
                .fetch(x -> new ImportJob.Row(
                        x.getRowNo() + 1,
                        x.getOutcome(),
                        customers && x.getRecordId() != null ? String.valueOf(x.getRecordId()) : null,
                        x.getRecordId() == null ? null : String.valueOf(x.getRecordId()),
                        ImportMessages.render(x.getMessage(), messages, locale)));
    }

    /** The import's stored row if the reader started it (or may see everything); 404 otherwise. */
    CustomerImportsRecord visible(long id) {
        var r = db.selectFrom(CUSTOMER_IMPORTS)
                .where(CUSTOMER_IMPORTS.ID.eq(id))
                .fetchOptional()
                .orElseThrow(() -> NotFoundException.of("import", id));
        Actor actor = currentActor.require();
        if (r.getOwnerId() != actor.userId()
                && !scopes.of(actor, RecordKind.CUSTOMER).covers(r.getOwnerId())) {
            throw NotFoundException.of("import", id);
        }
        return r;
    }

    /** The reader's imports, newest first. */
    public List<ImportJob> mine() {
        long me = currentActor.require().userId();
        return db
                .select(CUSTOMER_IMPORTS.ID)
                .from(CUSTOMER_IMPORTS)
                .where(CUSTOMER_IMPORTS.OWNER_ID.eq(me))
                .orderBy(CUSTOMER_IMPORTS.ID.desc())
                .limit(20)
                .fetch(CUSTOMER_IMPORTS.ID)
                .stream()
                .map(this::get)
                .toList();
    }

    /** Every row that did not land as a plain new customer, with its reason, as csv (UTF-8 with BOM for Excel). */
    public String errorReport(long id) {
        visible(id);
        return ImportReport.csv(db, id, messages, LocaleContextHolder.getLocale());
    }
}
