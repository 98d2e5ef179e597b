package app.lantern.customer;

import static lantern.db.Tables.CUSTOMERS;
import static lantern.db.Tables.CUSTOMER_IMPORTS;
import static lantern.db.Tables.CUSTOMER_IMPORT_ROWS;

import app.lantern.audit.AuditLog;
import app.lantern.customer.matching.DuplicateMatcher;
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
    public static final List<String> FIELDS = List.of("name", "shortName", "creditCode", "industry", "province", "city", "address",
            "size", "source", "tags", "status", "phone", "email", "website", "createdAt", "contactName", "contactTitle", "contactMobile",
            "contactEmail");
    public static final List<String> POLICIES = List.of("skip", "merge", "create");

    private static final Logger log = LoggerFactory.getLogger(CustomerImports.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> SYNONYMS = new LinkedHashMap<>();

    static {
        synonyms("name", "客户名称", "公司名称", "企业名称", "单位名称", "名称", "客户", "公司", "公司全称", "客户全称", "name", "company", "customer",
                "companyname", "customername");
        synonyms("shortName", "简称", "客户简称", "公司简称", "shortname", "short", "abbreviation");
        synonyms("creditCode", "统一社会信用代码", "信用代码", "社会信用代码", "税号", "creditcode", "uscc", "taxid", "unifiedsocialcreditcode");
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

    CustomerImports(DSLContext db, CustomerManagement customers, MatchIndex index, AttachmentStorage storage, CurrentActor currentActor,
            DataScopes scopes, Directory directory, AuditLog audit, TransactionTemplate tx, Clock clock,
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

    public record ImportJob(String id, String ownerId, String fileName, String format, String encoding, String status,
            List<String> headers, Map<String, String> mapping, String duplicatePolicy, int totalRows, int processedRows, int imported,
            int merged, int skipped, int rejected, String message, OffsetDateTime createdAt, OffsetDateTime finishedAt,
            List<List<String>> preview, List<RowOutcome> errors) {

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
        String h = Normalizer.normalize(header, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-*:：()（）]", "");
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
        List<String> headers = head.getFirst().stream().map(h -> h == null ? "" : h.strip()).toList();
        Map<String, String> mapping = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            String f = fieldFor(headers.get(i));
            if (f != null && !mapping.containsValue(f)) {
                mapping.put(String.valueOf(i), f);
            }
        }
        if (!mapping.containsValue("name")) {
            throw ValidationException.field("file", "has no recognisable header: one column must be the customer name (客户名称 / name)");
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
                .returningResult(CUSTOMER_IMPORTS.ID).fetchOne().value1());
        ImportJob job = get(id);
        return new ImportJob(job.id(), job.ownerId(), job.fileName(), job.format(), job.encoding(), job.status(), job.headers(), job.mapping(),
                job.duplicatePolicy(), job.totalRows(), 0, 0, 0, 0, 0, null, job.createdAt(), null, head.subList(1, head.size()), List.of());
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
        tx.executeWithoutResult(s -> db.update(CUSTOMER_IMPORTS).set(CUSTOMER_IMPORTS.MAPPING, JSON.writeValueAsString(m))
                .set(CUSTOMER_IMPORTS.DUPLICATE_POLICY, p).set(CUSTOMER_IMPORTS.STATUS, "QUEUED")
                .set(CUSTOMER_IMPORTS.UPDATED_AT, OffsetDateTime.now(clock)).where(CUSTOMER_IMPORTS.ID.eq(id)).execute());
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
        for (Long id : db.select(CUSTOMER_IMPORTS.ID).from(CUSTOMER_IMPORTS).where(CUSTOMER_IMPORTS.STATUS.in("QUEUED", "RUNNING"))
                .fetch(CUSTOMER_IMPORTS.ID)) {
            log.info("resuming customer import {}", id);
            workers.submit(() -> run(id));
        }
    }

    /** Processes the remaining rows of an import; safe to call again after an interruption. */
    void run(long id) {
        try {
            var job = db.selectFrom(CUSTOMER_IMPORTS).where(CUSTOMER_IMPORTS.ID.eq(id)).fetchOne();
            if (job == null || "DONE".equals(job.getStatus())) {
                return;
            }
            UserSummary owner = directory.user(job.getOwnerId()).orElseThrow();
            Actor actor = new Actor(owner.id(), owner.username(), owner.displayName(), owner.roles(), owner.teamId());
            Set<Long> visibleOwners = scopes.of(actor, RecordKind.CUSTOMER).isEverything() ? null : scopes.visibleOwners(actor);
            Map<String, String> mapping = JSON.readValue(job.getMapping(), new TypeReference<Map<String, String>>() {});
            Integer done = db.select(org.jooq.impl.DSL.max(CUSTOMER_IMPORT_ROWS.ROW_NO)).from(CUSTOMER_IMPORT_ROWS)
                    .where(CUSTOMER_IMPORT_ROWS.IMPORT_ID.eq(id)).fetchOne().value1();
            int resumeAfter = done == null ? 0 : done;
            tx.executeWithoutResult(s -> db.update(CUSTOMER_IMPORTS).set(CUSTOMER_IMPORTS.STATUS, "RUNNING")
                    .set(CUSTOMER_IMPORTS.UPDATED_AT, OffsetDateTime.now(clock)).where(CUSTOMER_IMPORTS.ID.eq(id)).execute());
            byte[] content;
            try (InputStream in = storage.open(job.getStorageKey())) {
                content = in.readAllBytes();
            }
            Charset charset = job.getEncoding() == null ? java.nio.charset.StandardCharsets.UTF_8 : Charset.forName(job.getEncoding());
            List<Map.Entry<Integer, List<String>>> chunk = new ArrayList<>();
            int[] rowNo = {0};
            SheetReader.read(job.getFormat(), content, charset, row -> {
                int n = rowNo[0]++;
                if (n == 0 || n <= resumeAfter) {
                    return true;
                }
                chunk.add(Map.entry(n, row));
                if (chunk.size() >= CHUNK) {
                    processChunk(id, chunk, mapping, job.getDuplicatePolicy(), owner, visibleOwners);
                    chunk.clear();
                }
                return true;
            });
            if (!chunk.isEmpty()) {
                processChunk(id, chunk, mapping, job.getDuplicatePolicy(), owner, visibleOwners);
            }
            tx.executeWithoutResult(s -> {
                db.update(CUSTOMER_IMPORTS).set(CUSTOMER_IMPORTS.STATUS, "DONE").set(CUSTOMER_IMPORTS.FINISHED_AT, OffsetDateTime.now(clock))
                        .set(CUSTOMER_IMPORTS.UPDATED_AT, OffsetDateTime.now(clock)).where(CUSTOMER_IMPORTS.ID.eq(id)).execute();
                audit.recordedBy(new JobActor(owner.id(), owner.username()), "customer.import", id, "finished", summary(id));
            });
        } catch (Exception e) {
            log.error("customer import {} failed", id, e);
            String message = e instanceof ValidationException v ? v.getMessage() : "the import stopped unexpectedly; rows already listed landed";
            tx.executeWithoutResult(s -> db.update(CUSTOMER_IMPORTS).set(CUSTOMER_IMPORTS.STATUS, "FAILED")
                    .set(CUSTOMER_IMPORTS.MESSAGE, message.length() > 500 ? message.substring(0, 500) : message)
                    .set(CUSTOMER_IMPORTS.UPDATED_AT, OffsetDateTime.now(clock)).where(CUSTOMER_IMPORTS.ID.eq(id)).execute());
        }
    }

    private Map<String, Object> summary(long id) {
        var j = db.selectFrom(CUSTOMER_IMPORTS).where(CUSTOMER_IMPORTS.ID.eq(id)).fetchOne();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", j.getFileName());
        m.put("imported", j.getImported());
        m.put("merged", j.getMerged());
        m.put("skipped", j.getSkipped());
        m.put("rejected", j.getRejected());
        return m;
    }

    private void processChunk(long id, List<Map.Entry<Integer, List<String>>> rows, Map<String, String> mapping, String policy,
            UserSummary owner, Set<Long> visibleOwners) {
        long ownerId = owner.id();
        tx.executeWithoutResult(s -> {
            int imported = 0, merged = 0, skipped = 0, rejected = 0;
            var outcomes = db.insertInto(CUSTOMER_IMPORT_ROWS, CUSTOMER_IMPORT_ROWS.IMPORT_ID, CUSTOMER_IMPORT_ROWS.ROW_NO,
                    CUSTOMER_IMPORT_ROWS.OUTCOME, CUSTOMER_IMPORT_ROWS.CUSTOMER_ID, CUSTOMER_IMPORT_ROWS.MESSAGE);
            List<Long> created = new ArrayList<>();
            for (var entry : rows) {
                RowOutcome o = processRow(entry.getKey(), entry.getValue(), mapping, policy, ownerId, visibleOwners);
                switch (o.outcome()) {
                    case "IMPORTED" -> {
                        imported++;
                        created.add(Long.parseLong(o.customerId()));
                    }
                    case "MERGED" -> merged++;
                    case "SKIPPED" -> skipped++;
                    default -> rejected++;
                }
                String msg = o.message() == null ? null : o.message().length() > 500 ? o.message().substring(0, 500) : o.message();
                outcomes = outcomes.values(id, o.row(), o.outcome(), o.customerId() == null ? null : Long.parseLong(o.customerId()), msg);
            }
            outcomes.execute();
            db.update(CUSTOMER_IMPORTS)
                    .set(CUSTOMER_IMPORTS.PROCESSED_ROWS, CUSTOMER_IMPORTS.PROCESSED_ROWS.plus(rows.size()))
                    .set(CUSTOMER_IMPORTS.IMPORTED, CUSTOMER_IMPORTS.IMPORTED.plus(imported))
                    .set(CUSTOMER_IMPORTS.MERGED, CUSTOMER_IMPORTS.MERGED.plus(merged))
                    .set(CUSTOMER_IMPORTS.SKIPPED, CUSTOMER_IMPORTS.SKIPPED.plus(skipped))
                    .set(CUSTOMER_IMPORTS.REJECTED, CUSTOMER_IMPORTS.REJECTED.plus(rejected))
                    .set(CUSTOMER_IMPORTS.UPDATED_AT, OffsetDateTime.now(clock))
                    .where(CUSTOMER_IMPORTS.ID.eq(id)).execute();
            if (!created.isEmpty()) {
                audit.recordedBy(new JobActor(ownerId, owner.username()), "customer.import", id, "rows.imported",
                        Map.of("firstRow", rows.getFirst().getKey(), "lastRow", rows.getLast().getKey(), "customerIds", created));
            }
        });
    }

    private RowOutcome processRow(int rowNo, List<String> cells, Map<String, String> mapping, String policy, long ownerId,
            Set<Long> visibleOwners) {
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
        CustomerForm form = new CustomerForm(v.get("name"), v.get("shortName"), v.get("creditCode"), v.get("industry"), v.get("province"),
                v.get("city"), v.get("address"), sizeCode(v.get("size")), v.get("source"), v.get("tags"), statusCode(v.get("status")),
                v.get("phone"), v.get("email"), v.get("website"), null);
        List<FieldErrors.FieldError> errors = new ArrayList<>(customers.validate(form, true));
        OffsetDateTime createdAt = null;
        if (v.containsKey("createdAt")) {
            createdAt = parseTime(v.get("createdAt"));
            if (createdAt == null) {
                errors.add(new FieldErrors.FieldError("createdAt", "is not a date (use 2024-03-01 or 2024-03-01 09:30)"));
            } else if (createdAt.isAfter(OffsetDateTime.now(clock))) {
                errors.add(new FieldErrors.FieldError("createdAt", "is in the future"));
            }
        }
        ContactForm contact = v.containsKey("contactName")
                ? new ContactForm(v.get("contactName"), v.get("contactTitle"), null, v.get("contactMobile"), v.get("contactEmail"), null, null, null, null)
                : null;
        if (contact != null) {
            FieldErrors ce = new FieldErrors();
            if (contact.mobile() != null && !app.lantern.customer.matching.Phones.isValid(contact.mobile())) {
                ce.add("contactMobile", "is not a valid phone number");
            }
            if (contact.email() != null && !app.lantern.customer.matching.Emails.isValid(contact.email())) {
                ce.add("contactEmail", "is not a valid e-mail address");
            }
            errors.addAll(ce.list());
        }
        if (!errors.isEmpty()) {
            return new RowOutcome(rowNo, "REJECTED", null, errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""));
        }
        if (!"create".equals(policy)) {
            List<String> phones = new ArrayList<>();
            if (form.phone() != null) {
                phones.add(form.phone());
            }
            if (contact != null && contact.mobile() != null) {
                phones.add(contact.mobile());
            }
            List<String> emails = new ArrayList<>();
            if (form.email() != null) {
                emails.add(form.email());
            }
            if (contact != null && contact.email() != null) {
                emails.add(contact.email());
            }
            MatchProfile query = MatchProfile.of(-1, form.name(), phones, emails, form.creditCode());
            List<DuplicateMatcher.Match> found = DuplicateMatcher.candidates(query, index, customers.threshold(), 5,
                    key -> MatchKeys.isStrong(key) || key.startsWith("b:"));
            if (!found.isEmpty()) {
                DuplicateMatcher.Match best = found.getFirst();
                if ("skip".equals(policy)) {
                    return new RowOutcome(rowNo, "SKIPPED", String.valueOf(best.id()),
                            "possible duplicate of customer " + best.id() + " (score " + best.score() + ", " + String.join("/", best.matchedOn()) + ")");
                }
                Long bestOwner = db.select(CUSTOMERS.OWNER_ID).from(CUSTOMERS).where(CUSTOMERS.ID.eq(best.id())).fetchOne(CUSTOMERS.OWNER_ID);
                if (visibleOwners != null && !visibleOwners.contains(bestOwner)) {
                    return new RowOutcome(rowNo, "SKIPPED", null, "possible duplicate of a customer of another team; not merged");
                }
                customers.fillBlanks(best.id(), form);
                if (contact != null) {
                    customers.insertContact(best.id(), contact, createdAt);
                }
                return new RowOutcome(rowNo, "MERGED", String.valueOf(best.id()), "merged into customer " + best.id() + " (score " + best.score() + ")");
            }
        }
        long id = customers.insertImported(form, ownerId, createdAt);
        if (contact != null) {
            customers.insertContact(id, contact, createdAt);
        }
        index.reindexAndFlag(id, customers.threshold(), OffsetDateTime.now(clock));
        return new RowOutcome(rowNo, "IMPORTED", String.valueOf(id), null);
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
                return LocalDateTime.parse(t, DateTimeFormatter.ofPattern(pattern)).atZone(clock.getZone()).toOffsetDateTime();
            } catch (DateTimeParseException ignored) {
                // next
            }
        }
        try {
            return LocalDate.parse(t, DateTimeFormatter.ofPattern("yyyy-M-d")).atStartOfDay(clock.getZone()).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The import if the reader started it (or may see everything). */
    public ImportJob get(long id) {
        var r = db.selectFrom(CUSTOMER_IMPORTS).where(CUSTOMER_IMPORTS.ID.eq(id)).fetchOptional()
                .orElseThrow(() -> NotFoundException.of("import", id));
        Actor actor = currentActor.require();
        if (r.getOwnerId() != actor.userId() && !scopes.of(actor, RecordKind.CUSTOMER).covers(r.getOwnerId())) {
            throw NotFoundException.of("import", id);
        }
        List<RowOutcome> errors = db.selectFrom(CUSTOMER_IMPORT_ROWS).where(CUSTOMER_IMPORT_ROWS.IMPORT_ID.eq(id))
                .and(CUSTOMER_IMPORT_ROWS.OUTCOME.in("REJECTED", "SKIPPED")).orderBy(CUSTOMER_IMPORT_ROWS.ROW_NO).limit(100)
                .fetch(x -> new RowOutcome(x.getRowNo(), x.getOutcome(), x.getCustomerId() == null ? null : String.valueOf(x.getCustomerId()), x.getMessage()));
        return new ImportJob(String.valueOf(r.getId()), String.valueOf(r.getOwnerId()), r.getFileName(), r.getFormat(), r.getEncoding(), r.getStatus(),
                JSON.readValue(r.getHeaders(), new TypeReference<List<String>>() {}),
                JSON.readValue(r.getMapping(), new TypeReference<Map<String, String>>() {}), r.getDuplicatePolicy(), r.getTotalRows(),
                r.getProcessedRows(), r.getImported(), r.getMerged(), r.getSkipped(), r.getRejected(), r.getMessage(), r.getCreatedAt(),
                r.getFinishedAt(), List.of(), errors);
    }

    /** The reader's imports, newest first. */
    public List<ImportJob> mine() {
        long me = currentActor.require().userId();
        return db.select(CUSTOMER_IMPORTS.ID).from(CUSTOMER_IMPORTS).where(CUSTOMER_IMPORTS.OWNER_ID.eq(me))
                .orderBy(CUSTOMER_IMPORTS.ID.desc()).limit(20).fetch(CUSTOMER_IMPORTS.ID).stream().map(this::get).toList();
    }

    /** Every row that did not land as a new customer, with its reason, as csv (UTF-8 with BOM for Excel). */
    public String errorReport(long id) {
        get(id);
        StringBuilder sb = new StringBuilder("\uFEFF");
        sb.append(CustomerExport.csvLine(List.of("行号 row", "结果 outcome", "客户编号 customer", "原因 reason")));
        db.selectFrom(CUSTOMER_IMPORT_ROWS).where(CUSTOMER_IMPORT_ROWS.IMPORT_ID.eq(id)).and(CUSTOMER_IMPORT_ROWS.OUTCOME.ne("IMPORTED"))
                .orderBy(CUSTOMER_IMPORT_ROWS.ROW_NO)
                .forEach(r -> sb.append(CustomerExport.csvLine(java.util.Arrays.asList(String.valueOf(r.getRowNo() + 1), r.getOutcome(),
                        r.getCustomerId() == null ? "" : String.valueOf(r.getCustomerId()), CustomerExport.safe(r.getMessage())))));
        return sb.toString();
    }
}
