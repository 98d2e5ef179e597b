package app.lantern.customer;

import static lantern.db.Tables.CUSTOMERS;
import static lantern.db.Tables.CUSTOMER_IMPORTS;
import static lantern.db.Tables.CUSTOMER_IMPORT_ROWS;

import app.lantern.audit.AuditLog;
import app.lantern.customer.matching.DuplicateMatcher;
import app.lantern.customer.matching.InMemoryKeyIndex;
import app.lantern.customer.matching.MatchKeys;
import app.lantern.customer.matching.MatchProfile;
import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.DataScopes;
import app.lantern.identity.Directory;
import app.lantern.identity.RecordKind;
import app.lantern.identity.UserSummary;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports customers (and one contact per row) from xlsx or csv: headers mapped automatically from Chinese or English
 * names and editable, each row validated and checked for duplicates (skip / merge / create), historical creation
 * times kept. Rows are processed in chunks; a chunk's customers and its per-row outcomes commit together, so an
 * interrupted import resumes after the last committed row and every row ends imported, merged, skipped or rejected.
 */
@Service
public class CustomerImports {

    public static final int MAX_ROWS = 100_000;
    public static final int MAX_BYTES = 20 * 1024 * 1024;
    static final int CHUNK = 500;
    /**
     * Stored customers scored per row, those sharing the most keys: a duplicate shares strong keys and ranks first,
     * and 100,000 rows cannot afford the interactive check's 200.
     */
    static final int IMPORT_SCORED = 50;
    /** Keys held by more customers than this are skipped by the import's look-ups (the interactive check allows 1,000). */
    static final int IMPORT_KEY_CAP = 200;

    public static final List<String> FIELDS = List.of(
            "name",
            "shortName",
            "creditCode",
            "industry",
            "province",
            "city",
            "address",
            "size",
            "source",
            "tags",
            "status",
            "phone",
            "email",
            "website",
            "createdAt",
            "contactName",
            "contactTitle",
            "contactMobile",
            "contactEmail");
    public static final List<String> POLICIES = List.of("skip", "merge", "create");

    private static final Logger log = LoggerFactory.getLogger(CustomerImports.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> SYNONYMS = new LinkedHashMap<>();

    static {
        synonyms(
                "name",
                "客户名称",
                "公司名称",
                "企业名称",
                "单位名称",
                "名称",
                "客户",
                "公司",
                "公司全称",
                "客户全称",
                "name",
                "company",
                "customer",
                "companyname",
                "customername");
        synonyms("shortName", "简称", "客户简称", "公司简称", "shortname", "short", "abbreviation");
        synonyms(
                "creditCode",
                "统一社会信用代码",
                "信用代码",
                "社会信用代码",
                "税号",
                "creditcode",
                "uscc",
                "taxid",
                "unifiedsocialcreditcode");
        synonyms("industry", "行业", "所属行业", "industry", "sector");
        synonyms("province", "省份", "省", "所在省份", "province", "state");
        synonyms("city", "城市", "市", "所在城市", "city");
        synonyms("address", "地址", "详细地址", "注册地址", "办公地址", "address");
        synonyms("size", "规模", "企业规模", "公司规模", "size", "companysize");
        synonyms("source", "来源", "客户来源", "source", "leadsource");
        synonyms("tags", "标签", "tags", "tag");
        synonyms("status", "状态", "客户状态", "status");
        synonyms("phone", "电话", "公司电话", "座机", "总机", "phone", "tel", "telephone");
        synonyms("email", "邮箱", "公司邮箱", "电子邮件", "email", "mail");
        synonyms("website", "网站", "官网", "网址", "website", "url", "web");
        synonyms("createdAt", "创建时间", "建档时间", "录入时间", "创建日期", "createdat", "created", "createdate", "creationdate");
        synonyms("contactName", "联系人", "联系人姓名", "contact", "contactname");
        synonyms("contactTitle", "职务", "职位", "联系人职务", "title", "position", "jobtitle");
        synonyms("contactMobile", "手机", "手机号", "手机号码", "联系人手机", "联系电话", "mobile", "cell", "cellphone");
        synonyms("contactEmail", "联系人邮箱", "contactemail");
    }

    private static void synonyms(String field, String... names) {
        for (String n : names) {
            SYNONYMS.put(n, field);
        }
    }

    private final org.jooq.DSLContext db;
    private final CustomerManagement customers;
    private final MatchIndex index;
    private final AttachmentStorage storage;
    private final CurrentActor currentActor;
    private final DataScopes scopes;
    private final Directory directory;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final boolean resumeOnStart;

    CustomerImports(
            DSLContext db,
            CustomerManagement customers,
            MatchIndex index,
            AttachmentStorage storage,
            CurrentActor currentActor,
            DataScopes scopes,
            Directory directory,
            AuditLog audit,
            TransactionTemplate tx,
            Clock clock,
            @Value("${lantern.customer.import-resume:true}") boolean resumeOnStart) {
        this.db = db;
        this.customers = customers;
        this.index = index;
        this.storage = storage;
        this.currentActor = currentActor;
        this.scopes = scopes;
        this.directory = directory;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.resumeOnStart = resumeOnStart;
    }

    public record ImportJob(
            String id,
            String ownerId,
            String fileName,
            String format,
            String encoding,
            String status,
            List<String> headers,
            Map<String, String> mapping,
            String duplicatePolicy,
            int totalRows,
            int processedRows,
            int imported,
            int merged,
            int skipped,
            int rejected,
            String message,
            OffsetDateTime createdAt,
            OffsetDateTime finishedAt,
            List<List<String>> preview,
            List<RowOutcome> errors) {

        public int percent() {
            return totalRows == 0 ? ("DONE".equals(status) ? 100 : 0) : Math.min(100, processedRows * 100 / totalRows);
        }
    }

    record JobActor(long userId, String username) implements app.lantern.shared.UserRef {}

    public record RowOutcome(int row, String outcome, String customerId, String message) {}

    /** The field a header names, or null. */
    static String fieldFor(String header) {
        if (header == null) {
            return null;
        }
        String h = Normalizer.normalize(header, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[\\s_\\-*:：()（）]", "");
        return SYNONYMS.get(h);
    }

    /** Stores the file, reads its header and first rows, and proposes a column mapping (status MAPPING). */
    public ImportJob upload(String fileName, byte[] content, String encoding, String policy) {
        Actor actor = currentActor.require();
        if (content == null || content.length == 0) {
            throw ValidationException.field("file", "is empty");
        }
        if (content.length > MAX_BYTES) {
            throw ValidationException.field("file", "is larger than 20 MB");
        }
        String p = policy == null || policy.isBlank() ? "skip" : policy;
        if (!POLICIES.contains(p)) {
            throw ValidationException.field("duplicatePolicy", "must be one of " + POLICIES);
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
        Map<String, String> mapping = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            String f = fieldFor(headers.get(i));
            if (f != null && !mapping.containsValue(f)) {
                mapping.put(String.valueOf(i), f);
            }
        }
        if (!mapping.containsValue("name")) {
            throw ValidationException.field(
                    "file", "has no recognisable header: one column must be the customer name (客户名称 / name)");
        }
        String key;
        try {
            key = storage.store("imports", new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        String cleanName = fileName == null ? "upload." + format : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_");
        long id = tx.execute(s -> db.insertInto(CUSTOMER_IMPORTS)
                .set(CUSTOMER_IMPORTS.OWNER_ID, actor.userId())
                .set(CUSTOMER_IMPORTS.FILE_NAME, cleanName.length() > 255 ? cleanName.substring(0, 255) : cleanName)
                .set(CUSTOMER_IMPORTS.FORMAT, format)
                .set(CUSTOMER_IMPORTS.ENCODING, "csv".equals(format) ? charset.name() : null)
                .set(CUSTOMER_IMPORTS.STORAGE_KEY, key)
                .set(CUSTOMER_IMPORTS.STATUS, "MAPPING")
                .set(CUSTOMER_IMPORTS.HEADERS, JSON.writeValueAsString(headers))
                .set(CUSTOMER_IMPORTS.MAPPING, JSON.writeValueAsString(mapping))
                .set(CUSTOMER_IMPORTS.DUPLICATE_POLICY, p)
                .set(CUSTOMER_IMPORTS.TOTAL_ROWS, count[0] - 1)
                .set(CUSTOMER_IMPORTS.CREATED_AT, now)
                .set(CUSTOMER_IMPORTS.UPDATED_AT, now)
                .returningResult(CUSTOMER_IMPORTS.ID)
                .fetchOne()
                .value1());
        ImportJob job = get(id);
        return new ImportJob(
                job.id(),
                job.ownerId(),
                job.fileName(),
                job.format(),
                job.encoding(),
                job.status(),
                job.headers(),
                job.mapping(),
                job.duplicatePolicy(),
                job.totalRows(),
                0,
                0,
                0,
                0,
                0,
                null,
                job.createdAt(),
                null,
                head.subList(1, head.size()),
                List.of());
    }

    /** Starts (or restarts) an import with the confirmed mapping {column index → field}. */
    public ImportJob start(long id, Map<String, String> mapping, String policy) {
        ImportJob job = get(id);
        if (!"MAPPING".equals(job.status())) {
            throw ValidationException.unprocessable("status", "this import has already started");
        }
        Map<String, String> m = new LinkedHashMap<>();
        if (mapping != null) {
            mapping.forEach((col, field) -> {
                if (field != null && !field.isBlank()) {
                    if (!FIELDS.contains(field)) {
                        throw ValidationException.field("mapping", "unknown field " + field);
                    }
                    int c;
                    try {
                        c = Integer.parseInt(col);
                    } catch (NumberFormatException e) {
                        throw ValidationException.field("mapping", "column must be a number");
                    }
                    if (c < 0 || c >= job.headers().size()) {
                        throw ValidationException.field("mapping", "column " + col + " does not exist");
                    }
                    if (m.containsValue(field)) {
                        throw ValidationException.field("mapping", field + " is mapped twice");
                    }
                    m.put(col, field);
                }
            });
        } else {
            m.putAll(job.mapping());
        }
        if (!m.containsValue("name")) {
            throw ValidationException.field("mapping", "map one column to the customer name");
        }
        String p = policy == null || policy.isBlank() ? job.duplicatePolicy() : policy;
        if (!POLICIES.contains(p)) {
            throw ValidationException.field("duplicatePolicy", "must be one of " + POLICIES);
        }
        tx.executeWithoutResult(s -> db.update(CUSTOMER_IMPORTS)
                .set(CUSTOMER_IMPORTS.MAPPING, JSON.writeValueAsString(m))
                .set(CUSTOMER_IMPORTS.DUPLICATE_POLICY, p)
                .set(CUSTOMER_IMPORTS.STATUS, "QUEUED")
                .set(CUSTOMER_IMPORTS.UPDATED_AT, OffsetDateTime.now(clock))
                .where(CUSTOMER_IMPORTS.ID.eq(id))
                .execute());
        var context = SecurityContextHolder.getContext();
        workers.submit(() -> {
            SecurityContextHolder.setContext(context);
            try {
                run(id);
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
            workers.submit(() -> run(id));
        }
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
            Set<Long> visibleOwners =
                    scopes.of(actor, RecordKind.CUSTOMER).isEverything() ? null : scopes.visibleOwners(actor);
            Map<String, String> mapping = JSON.readValue(job.getMapping(), new TypeReference<Map<String, String>>() {});
            Integer done = db.select(org.jooq.impl.DSL.max(CUSTOMER_IMPORT_ROWS.ROW_NO))
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
            Charset charset = job.getEncoding() == null
                    ? java.nio.charset.StandardCharsets.UTF_8
                    : Charset.forName(job.getEncoding());
            List<Map.Entry<Integer, List<String>>> chunk = new ArrayList<>();
            ProfileCache cache = new ProfileCache(index, IMPORT_KEY_CAP);
            int[] rowNo = {0};
            SheetReader.read(job.getFormat(), content, charset, row -> {
                int n = rowNo[0]++;
                if (n == 0 || n <= resumeAfter) {
                    return true;
                }
                chunk.add(Map.entry(n, row));
                if (chunk.size() >= CHUNK) {
                    processChunk(
                            id,
                            job.getFileName(),
                            chunk,
                            mapping,
                            job.getDuplicatePolicy(),
                            owner,
                            visibleOwners,
                            cache);
                    chunk.clear();
                }
                return true;
            });
            if (!chunk.isEmpty()) {
                processChunk(
                        id, job.getFileName(), chunk, mapping, job.getDuplicatePolicy(), owner, visibleOwners, cache);
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
        m.put("merged", j.getMerged());
        m.put("skipped", j.getSkipped());
        m.put("rejected", j.getRejected());
        return m;
    }

    /** The keys an import row looks up: strong keys and bigrams (anchored pairs would widen every look-up). */
    private static boolean importKey(String key) {
        return MatchKeys.isStrong(key) || key.startsWith("b:");
    }

    /** A validated row waiting for its duplicate decision. */
    private static final class Pending {
        final int rowNo;
        CustomerForm form;
        final ContactForm contact;
        final OffsetDateTime createdAt;
        final MatchProfile query;
        List<Long> storedCandidates = List.of();
        /** For a row that becomes a new customer: contacts of later rows of the chunk merged into it. */
        final List<ContactForm> mergedContacts = new ArrayList<>();

        Pending(int rowNo, CustomerForm form, ContactForm contact, OffsetDateTime createdAt) {
            this.rowNo = rowNo;
            this.form = form;
            this.contact = contact;
            this.createdAt = createdAt;
            this.query =
                    MatchProfile.of(-1, form.name(), phones(form, contact), emails(form, contact), form.creditCode());
        }
    }

    /**
     * One chunk in one transaction: rows are validated, their duplicate look-ups against stored customers made with a
     * few statements for the whole chunk (keys, then the candidates' profiles), rows of the same chunk checked against
     * each other in memory, and the new customers, contacts, keys and per-row outcomes inserted in batches.
     */
    private void processChunk(
            long id,
            String fileName,
            List<Map.Entry<Integer, List<String>>> rows,
            Map<String, String> mapping,
            String policy,
            UserSummary owner,
            Set<Long> visibleOwners,
            ProfileCache cache) {
        long ownerId = owner.id();
        double threshold = customers.threshold();
        tx.executeWithoutResult(s -> {
            Map<Integer, RowOutcome> outcomes = new java.util.TreeMap<>();
            List<Pending> pending = new ArrayList<>();
            for (var entry : rows) {
                Object parsed = parseRow(entry.getKey(), entry.getValue(), mapping);
                if (parsed instanceof RowOutcome o) {
                    outcomes.put(o.row(), o);
                } else {
                    pending.add((Pending) parsed);
                }
            }
            lookUpStored(pending, cache);
            InMemoryKeyIndex fresh = new InMemoryKeyIndex();
            List<Pending> created = new ArrayList<>();
            Map<Integer, Integer> duplicateOfCreated = new LinkedHashMap<>();
            List<long[]> storedMerges = new ArrayList<>();
            List<Object[]> pairs = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                Pending row = pending.get(i);
                List<DuplicateMatcher.Match> old =
                        DuplicateMatcher.rank(row.query, cache.profiles(row.storedCandidates), threshold, 1);
                List<DuplicateMatcher.Match> same =
                        DuplicateMatcher.candidates(row.query, fresh, threshold, 1, CustomerImports::importKey);
                DuplicateMatcher.Match best = old.isEmpty()
                        ? (same.isEmpty() ? null : same.getFirst())
                        : same.isEmpty()
                                        || old.getFirst().score()
                                                >= same.getFirst().score()
                                ? old.getFirst()
                                : same.getFirst();
                if (best == null || "create".equals(policy)) {
                    if (best != null) {
                        pairs.add(new Object[] {created.size(), best.id(), best.score()});
                    }
                    fresh.add(withId(row.query, -2 - created.size()));
                    created.add(row);
                    continue;
                }
                boolean inChunk = best.id() < 0;
                String reason = " (score " + best.score() + ", " + String.join("/", best.matchedOn()) + ")";
                if ("skip".equals(policy)) {
                    if (inChunk) {
                        duplicateOfCreated.put(row.rowNo, (int) (-2 - best.id()));
                    }
                    outcomes.put(
                            row.rowNo,
                            new RowOutcome(
                                    row.rowNo,
                                    "SKIPPED",
                                    inChunk ? null : String.valueOf(best.id()),
                                    "possible duplicate of "
                                            + (inChunk ? "an earlier row of this file" : "customer " + best.id())
                                            + reason));
                } else if (inChunk) {
                    Pending target = created.get((int) (-2 - best.id()));
                    target.form = fillBlanks(target.form, row.form);
                    if (row.contact != null) {
                        target.mergedContacts.add(row.contact);
                    }
                    duplicateOfCreated.put(row.rowNo, (int) (-2 - best.id()));
                    outcomes.put(
                            row.rowNo,
                            new RowOutcome(
                                    row.rowNo, "MERGED", null, "merged into the customer of an earlier row" + reason));
                } else {
                    Long bestOwner = db.select(CUSTOMERS.OWNER_ID)
                            .from(CUSTOMERS)
                            .where(CUSTOMERS.ID.eq(best.id()))
                            .fetchOne(CUSTOMERS.OWNER_ID);
                    if (visibleOwners != null && !visibleOwners.contains(bestOwner)) {
                        outcomes.put(
                                row.rowNo,
                                new RowOutcome(
                                        row.rowNo,
                                        "SKIPPED",
                                        null,
                                        "possible duplicate of a customer of another team; not merged"));
                        continue;
                    }
                    customers.fillBlanks(best.id(), row.form);
                    cache.reload(best.id());
                    if (row.contact != null) {
                        storedMerges.add(new long[] {best.id(), i});
                    }
                    outcomes.put(
                            row.rowNo,
                            new RowOutcome(
                                    row.rowNo,
                                    "MERGED",
                                    String.valueOf(best.id()),
                                    "merged into customer " + best.id() + reason));
                }
            }
            List<Long> ids = customers.insertImported(
                    created.stream()
                            .map(r -> new CustomerManagement.ImportedRow(r.form, r.contact, r.createdAt))
                            .toList(),
                    ownerId);
            List<Long> contactOwners = new ArrayList<>();
            List<ContactForm> contactForms = new ArrayList<>();
            List<OffsetDateTime> contactTimes = new ArrayList<>();
            List<MatchProfile> profiles = new ArrayList<>();
            for (int i = 0; i < created.size(); i++) {
                Pending r = created.get(i);
                long customerId = ids.get(i);
                for (ContactForm c : r.mergedContacts) {
                    contactOwners.add(customerId);
                    contactForms.add(c);
                    contactTimes.add(r.createdAt);
                }
                profiles.addAll(profilesOf(customerId, r));
                outcomes.put(r.rowNo, new RowOutcome(r.rowNo, "IMPORTED", String.valueOf(customerId), null));
            }
            for (long[] merge : storedMerges) {
                Pending r = pending.get((int) merge[1]);
                contactOwners.add(merge[0]);
                contactForms.add(r.contact);
                contactTimes.add(r.createdAt);
            }
            customers.insertContacts(contactOwners, contactForms, contactTimes);
            index.add(profiles);
            cache.added(profiles);
            duplicateOfCreated.forEach((rowNo, createdIndex) -> {
                RowOutcome o = outcomes.get(rowNo);
                outcomes.put(
                        rowNo, new RowOutcome(rowNo, o.outcome(), String.valueOf(ids.get(createdIndex)), o.message()));
            });
            OffsetDateTime now = OffsetDateTime.now(clock);
            for (Object[] pair : pairs) {
                long a = ids.get((int) pair[0]);
                long b = (long) pair[1] < 0 ? ids.get((int) (-2 - (long) pair[1])) : (long) pair[1];
                index.flag(a, b, (double) pair[2], now);
            }
            recordOutcomes(id, fileName, outcomes.values(), owner);
        });
    }

    /**
     * Stores the chunk's row outcomes, adds them to the import's counters and gives every customer the chunk created or
     * merged a row into its own history entry ({@code imported} / {@code merged.by-import}), one batch for the chunk.
     */
    private void recordOutcomes(
            long id, String fileName, java.util.Collection<RowOutcome> outcomes, UserSummary owner) {
        int imported = 0, merged = 0, skipped = 0, rejected = 0;
        var insert = db.insertInto(
                CUSTOMER_IMPORT_ROWS,
                CUSTOMER_IMPORT_ROWS.IMPORT_ID,
                CUSTOMER_IMPORT_ROWS.ROW_NO,
                CUSTOMER_IMPORT_ROWS.OUTCOME,
                CUSTOMER_IMPORT_ROWS.CUSTOMER_ID,
                CUSTOMER_IMPORT_ROWS.MESSAGE);
        List<AuditLog.Fact> history = new ArrayList<>();
        for (RowOutcome o : outcomes) {
            switch (o.outcome()) {
                case "IMPORTED" -> {
                    imported++;
                    history.add(new AuditLog.Fact(o.customerId(), "imported", rowDetails(id, fileName, o)));
                }
                case "MERGED" -> {
                    merged++;
                    history.add(new AuditLog.Fact(o.customerId(), "merged.by-import", rowDetails(id, fileName, o)));
                }
                case "SKIPPED" -> skipped++;
                default -> rejected++;
            }
            String msg = o.message() == null
                    ? null
                    : o.message().length() > 500 ? o.message().substring(0, 500) : o.message();
            insert = insert.values(
                    id, o.row(), o.outcome(), o.customerId() == null ? null : Long.parseLong(o.customerId()), msg);
        }
        insert.execute();
        db.update(CUSTOMER_IMPORTS)
                .set(CUSTOMER_IMPORTS.PROCESSED_ROWS, CUSTOMER_IMPORTS.PROCESSED_ROWS.plus(outcomes.size()))
                .set(CUSTOMER_IMPORTS.IMPORTED, CUSTOMER_IMPORTS.IMPORTED.plus(imported))
                .set(CUSTOMER_IMPORTS.MERGED, CUSTOMER_IMPORTS.MERGED.plus(merged))
                .set(CUSTOMER_IMPORTS.SKIPPED, CUSTOMER_IMPORTS.SKIPPED.plus(skipped))
                .set(CUSTOMER_IMPORTS.REJECTED, CUSTOMER_IMPORTS.REJECTED.plus(rejected))
                .set(CUSTOMER_IMPORTS.UPDATED_AT, OffsetDateTime.now(clock))
                .where(CUSTOMER_IMPORTS.ID.eq(id))
                .execute();
        audit.recordedAllBy(new JobActor(owner.id(), owner.username()), "customer", history);
    }

    /** What a customer's history says of the row that created it or was merged into it: the import and the file line. */
    private static Map<String, Object> rowDetails(long importId, String fileName, RowOutcome o) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("importId", importId);
        details.put("file", fileName);
        details.put("row", o.row() + 1);
        return details;
    }

    /** Loads, for every row of a chunk, the stored customers worth scoring: one batch of key look-ups, one of profiles. */
    private void lookUpStored(List<Pending> rows, ProfileCache cache) {
        Set<String> keys = new java.util.HashSet<>();
        for (Pending row : rows) {
            for (String key : MatchKeys.forQuery(row.query)) {
                if (importKey(key)) {
                    keys.add(key);
                }
            }
        }
        cache.lookUp(keys);
        Set<Long> wanted = new java.util.LinkedHashSet<>();
        for (Pending row : rows) {
            row.storedCandidates =
                    DuplicateMatcher.candidateIds(row.query, cache, CustomerImports::importKey, IMPORT_SCORED);
            wanted.addAll(row.storedCandidates);
        }
        cache.load(wanted);
    }

    private static MatchProfile withId(MatchProfile p, long id) {
        return new MatchProfile(id, p.name(), p.phones(), p.emails(), p.creditCode());
    }

    /** The profiles the key index holds for a new customer: its name and, if any, its short name. */
    private static List<MatchProfile> profilesOf(long customerId, Pending r) {
        List<String> phones = phones(r.form, r.contact);
        List<String> emails = emails(r.form, r.contact);
        for (ContactForm c : r.mergedContacts) {
            phones.addAll(phones(null, c));
            emails.addAll(emails(null, c));
        }
        List<MatchProfile> result = new ArrayList<>();
        result.add(MatchProfile.of(customerId, r.form.name(), phones, emails, r.form.creditCode()));
        if (r.form.shortName() != null && !r.form.shortName().isBlank()) {
            result.add(MatchProfile.of(customerId, r.form.shortName(), phones, emails, r.form.creditCode()));
        }
        return result;
    }

    private static List<String> phones(CustomerForm form, ContactForm contact) {
        List<String> phones = new ArrayList<>();
        if (form != null && form.phone() != null) {
            phones.add(form.phone());
        }
        if (contact != null && contact.mobile() != null) {
            phones.add(contact.mobile());
        }
        return phones;
    }

    private static List<String> emails(CustomerForm form, ContactForm contact) {
        List<String> emails = new ArrayList<>();
        if (form != null && form.email() != null) {
            emails.add(form.email());
        }
        if (contact != null && contact.email() != null) {
            emails.add(contact.email());
        }
        return emails;
    }

    /** A new customer's form with its blank fields filled from a later row of the same file merged into it. */
    private static CustomerForm fillBlanks(CustomerForm a, CustomerForm b) {
        return new CustomerForm(
                a.name(),
                or(a.shortName(), b.shortName()),
                or(a.creditCode(), b.creditCode()),
                or(a.industry(), b.industry()),
                or(a.province(), b.province()),
                or(a.city(), b.city()),
                or(a.address(), b.address()),
                or(a.size(), b.size()),
                or(a.source(), b.source()),
                or(a.tags(), b.tags()),
                or(a.status(), b.status()),
                or(a.phone(), b.phone()),
                or(a.email(), b.email()),
                or(a.website(), b.website()),
                a.ownerId());
    }

    private static String or(String a, String b) {
        return a == null || a.isBlank() ? b : a;
    }

    /** Validates a row: a {@link RowOutcome} (rejected or empty) or a {@link Pending} row. */
    private Object parseRow(int rowNo, List<String> cells, Map<String, String> mapping) {
        Map<String, String> v = new LinkedHashMap<>();
        mapping.forEach((col, field) -> {
            int c = Integer.parseInt(col);
            String value = c < cells.size() ? cells.get(c) : null;
            if (value != null && !value.isBlank()) {
                v.put(field, value.strip());
            }
        });
        if (v.isEmpty()) {
            return new RowOutcome(rowNo, "SKIPPED", null, "empty row");
        }
        CustomerForm form = new CustomerForm(
                v.get("name"),
                v.get("shortName"),
                v.get("creditCode"),
                v.get("industry"),
                v.get("province"),
                v.get("city"),
                v.get("address"),
                sizeCode(v.get("size")),
                v.get("source"),
                v.get("tags"),
                statusCode(v.get("status")),
                v.get("phone"),
                v.get("email"),
                v.get("website"),
                null);
        List<FieldErrors.FieldError> errors = new ArrayList<>(customers.validate(form, true));
        OffsetDateTime createdAt = null;
        if (v.containsKey("createdAt")) {
            createdAt = parseTime(v.get("createdAt"));
            if (createdAt == null) {
                errors.add(
                        new FieldErrors.FieldError("createdAt", "is not a date (use 2024-03-01 or 2024-03-01 09:30)"));
            } else if (createdAt.isAfter(OffsetDateTime.now(clock))) {
                errors.add(new FieldErrors.FieldError("createdAt", "is in the future"));
            }
        }
        ContactForm contact = v.containsKey("contactName")
                ? new ContactForm(
                        v.get("contactName"),
                        v.get("contactTitle"),
                        null,
                        v.get("contactMobile"),
                        v.get("contactEmail"),
                        null,
                        null,
                        null,
                        null)
                : null;
        if (contact != null) {
            if (contact.mobile() != null && !app.lantern.customer.matching.Phones.isValid(contact.mobile())) {
                errors.add(new FieldErrors.FieldError("contactMobile", "is not a valid phone number"));
            }
            if (contact.email() != null && !app.lantern.customer.matching.Emails.isValid(contact.email())) {
                errors.add(new FieldErrors.FieldError("contactEmail", "is not a valid e-mail address"));
            }
        }
        if (!errors.isEmpty()) {
            return new RowOutcome(
                    rowNo,
                    "REJECTED",
                    null,
                    errors.stream()
                            .map(e -> e.field() + ": " + e.message())
                            .reduce((a, b) -> a + "; " + b)
                            .orElse(""));
        }
        return new Pending(rowNo, form, contact, createdAt);
    }

    static String sizeCode(String s) {
        if (s == null) {
            return null;
        }
        return switch (s) {
            case "微型" -> "MICRO";
            case "小型" -> "SMALL";
            case "中型" -> "MEDIUM";
            case "大型" -> "LARGE";
            case "集团", "特大型" -> "ENTERPRISE";
            default -> s.toUpperCase(Locale.ROOT);
        };
    }

    static String statusCode(String s) {
        if (s == null) {
            return null;
        }
        return switch (s) {
            case "潜在", "潜在客户" -> "PROSPECT";
            case "合作中", "活跃", "成交" -> "ACTIVE";
            case "休眠" -> "DORMANT";
            case "流失" -> "LOST";
            default -> s.toUpperCase(Locale.ROOT);
        };
    }

    OffsetDateTime parseTime(String s) {
        String t = s.strip().replace('/', '-').replace('.', '-');
        try {
            return OffsetDateTime.parse(t);
        } catch (DateTimeParseException ignored) {
            // try the local forms
        }
        for (String pattern : List.of("yyyy-M-d H:mm:ss", "yyyy-M-d H:mm")) {
            try {
                return LocalDateTime.parse(t, DateTimeFormatter.ofPattern(pattern))
                        .atZone(clock.getZone())
                        .toOffsetDateTime();
            } catch (DateTimeParseException ignored) {
                // next
            }
        }
        try {
            return LocalDate.parse(t, DateTimeFormatter.ofPattern("yyyy-M-d"))
                    .atStartOfDay(clock.getZone())
                    .toOffsetDateTime();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The import if the reader started it (or may see everything). */
    public ImportJob get(long id) {
        var r = db.selectFrom(CUSTOMER_IMPORTS)
                .where(CUSTOMER_IMPORTS.ID.eq(id))
                .fetchOptional()
                .orElseThrow(() -> NotFoundException.of("import", id));
        Actor actor = currentActor.require();
        if (r.getOwnerId() != actor.userId()
                && !scopes.of(actor, RecordKind.CUSTOMER).covers(r.getOwnerId())) {
            throw NotFoundException.of("import", id);
        }
        List<RowOutcome> errors = db.selectFrom(CUSTOMER_IMPORT_ROWS)
                .where(CUSTOMER_IMPORT_ROWS.IMPORT_ID.eq(id))
                .and(CUSTOMER_IMPORT_ROWS.OUTCOME.in("REJECTED", "SKIPPED"))
                // ordered as the primary key, so that H2 reads it in order and stops after 100 instead of sorting the
                // import
                .orderBy(CUSTOMER_IMPORT_ROWS.IMPORT_ID, CUSTOMER_IMPORT_ROWS.ROW_NO)
                .limit(100)
                .fetch(x -> new RowOutcome(
                        x.getRowNo(),
                        x.getOutcome(),
                        x.getCustomerId() == null ? null : String.valueOf(x.getCustomerId()),
                        x.getMessage()));
        return new ImportJob(
                String.valueOf(r.getId()),
                String.valueOf(r.getOwnerId()),
                r.getFileName(),
                r.getFormat(),
                r.getEncoding(),
                r.getStatus(),
                JSON.readValue(r.getHeaders(), new TypeReference<List<String>>() {}),
                JSON.readValue(r.getMapping(), new TypeReference<Map<String, String>>() {}),
                r.getDuplicatePolicy(),
                r.getTotalRows(),
                r.getProcessedRows(),
                r.getImported(),
                r.getMerged(),
                r.getSkipped(),
                r.getRejected(),
                r.getMessage(),
                r.getCreatedAt(),
                r.getFinishedAt(),
                List.of(),
                errors);
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

    /** Every row that did not land as a new customer, with its reason, as csv (UTF-8 with BOM for Excel). */
    public String errorReport(long id) {
        get(id);
        StringBuilder sb = new StringBuilder("\uFEFF");
        sb.append(CustomerExport.csvLine(List.of("行号 row", "结果 outcome", "客户编号 customer", "原因 reason")));
        db.selectFrom(CUSTOMER_IMPORT_ROWS)
                .where(CUSTOMER_IMPORT_ROWS.IMPORT_ID.eq(id))
                .and(CUSTOMER_IMPORT_ROWS.OUTCOME.ne("IMPORTED"))
                .orderBy(CUSTOMER_IMPORT_ROWS.IMPORT_ID, CUSTOMER_IMPORT_ROWS.ROW_NO)
                .forEach(r -> sb.append(CustomerExport.csvLine(java.util.Arrays.asList(
                        String.valueOf(r.getRowNo() + 1),
                        r.getOutcome(),
                        r.getCustomerId() == null ? "" : String.valueOf(r.getCustomerId()),
                        CustomerExport.safe(r.getMessage())))));
        return sb.toString();
    }
}
