package app.lantern.customer;

import static lantern.db.Tables.CUSTOMER_ATTACHMENTS;
import static lantern.db.Tables.CUSTOMER_TIMELINE;
import static lantern.db.Tables.USERS;

import app.lantern.audit.AuditLog;
import app.lantern.identity.CurrentActor;
import app.lantern.shared.ConflictException;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.Texts;
import app.lantern.shared.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One chronological feed per customer: its own notes, contact changes, attachments and ingested orders, tickets,
 * e-mails and chats, merged with whatever other modules contribute through {@link TimelineSource}.
 */
@Service
@Transactional
public class CustomerTimeline {

    public static final Set<String> INGEST_TYPES = Set.of("order", "ticket", "email", "chat");
    static final Set<String> ALLOWED_EXTENSIONS = Set.of(
            "pdf", "png", "jpg", "jpeg", "gif", "webp", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt", "csv",
            "zip", "rar", "7z", "wps", "et", "dps", "md");
    private static final Logger log = LoggerFactory.getLogger(CustomerTimeline.class);

    private static final java.util.regex.Pattern MEDIA_TYPE = java.util.regex.Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,63}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,63}");

    private final DSLContext db;
    private final Customers customers;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final AttachmentStorage storage;
    private final ObjectProvider<TimelineSource> sources;
    private final Clock clock;
    private final long maxAttachmentBytes;

    CustomerTimeline(
            DSLContext db,
            Customers customers,
            CurrentActor currentActor,
            AuditLog audit,
            AttachmentStorage storage,
            ObjectProvider<TimelineSource> sources,
            Clock clock,
            @Value("${lantern.customer.attachment-max-bytes:10485760}") long maxAttachmentBytes) {
        this.db = db;
        this.customers = customers;
        this.currentActor = currentActor;
        this.audit = audit;
        this.storage = storage;
        this.sources = sources;
        this.clock = clock;
        this.maxAttachmentBytes = maxAttachmentBytes;
    }

    public long maxAttachmentBytes() {
        return maxAttachmentBytes;
    }

    /** The newest {@code limit} entries from every source, newest first. */
    @Transactional(readOnly = true)
    public List<TimelineItem> feed(long customerId, int limit) {
        customers.requireVisible(customerId);
        List<TimelineItem> items = new ArrayList<>(db.select(CUSTOMER_TIMELINE.asterisk())
                .from(CUSTOMER_TIMELINE)
                .where(CUSTOMER_TIMELINE.CUSTOMER_ID.eq(customerId))
                .orderBy(CUSTOMER_TIMELINE.OCCURRED_AT.desc(), CUSTOMER_TIMELINE.ID.desc())
                .limit(limit)
                .fetch(r -> new TimelineItem(
                        r.get(CUSTOMER_TIMELINE.TYPE),
                        r.get(CUSTOMER_TIMELINE.OCCURRED_AT),
                        r.get(CUSTOMER_TIMELINE.TITLE),
                        r.get(CUSTOMER_TIMELINE.BODY),
                        r.get(CUSTOMER_TIMELINE.LINK),
                        r.get(CUSTOMER_TIMELINE.ACTOR_ID) == null ? 0 : r.get(CUSTOMER_TIMELINE.ACTOR_ID))));
        for (TimelineSource source : sources) {
            try {
                items.addAll(source.timeline(customerId, limit));
            } catch (RuntimeException e) {
                log.warn(
                        "timeline source {} failed for customer {}",
                        source.getClass().getSimpleName(),
                        customerId,
                        e);
            }
        }
        items.sort(Comparator.comparing(TimelineItem::occurredAt).reversed());
        return items.size() > limit ? List.copyOf(items.subList(0, limit)) : items;
    }

    /** Entries of the customer's own table (API listing), newest first. */
    @Transactional(readOnly = true)
    public List<TimelineEntryView> entries(long customerId, int limit) {
        customers.requireVisible(customerId);
        return db.selectFrom(CUSTOMER_TIMELINE)
                .where(CUSTOMER_TIMELINE.CUSTOMER_ID.eq(customerId))
                .orderBy(CUSTOMER_TIMELINE.OCCURRED_AT.desc(), CUSTOMER_TIMELINE.ID.desc())
                .limit(limit)
                .fetch(CustomerTimeline::entry);
    }

    public TimelineEntryView addNote(long customerId, String text) {
        customers.requireVisible(customerId);
        FieldErrors errors = new FieldErrors();
        Texts.require(errors, "text", text, 5000);
        errors.throwIfAny();
        String body = text.strip();
        String title = body.codePointCount(0, body.length()) > 40
                ? body.substring(0, body.offsetByCodePoints(0, 40)) + "…"
                : body;
        long id = insert(
                customerId,
                "note",
                OffsetDateTime.now(clock),
                title,
                body,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        audit.created("customer.note", id, Map.of("customerId", customerId, "text", body));
        return entry(db.fetchOne(CUSTOMER_TIMELINE, CUSTOMER_TIMELINE.ID.eq(id)));
    }

    /** Stores an external entry once per (type, externalId); a repeat returns the stored entry unchanged. */
    public Ingested ingest(long customerId, TimelineIngest in) {
        customers.requireVisible(customerId);
        FieldErrors errors = new FieldErrors();
        if (Texts.isBlank(in.type()) || !INGEST_TYPES.contains(in.type())) {
            errors.add(
                    "type", "must be one of " + INGEST_TYPES.stream().sorted().toList());
        }
        Texts.require(errors, "externalId", in.externalId(), 100);
        Texts.require(errors, "title", in.title(), 200);
        Texts.maxLength(errors, "body", in.body(), 20000);
        Texts.maxLength(errors, "source", in.source(), 50);
        Texts.maxLength(errors, "link", in.link(), 300);
        if (in.link() != null && !in.link().isBlank() && !in.link().matches("(?i)(https?://|/)\\S*")) {
            errors.add("link", "must be an http(s) URL or a path");
        }
        if (in.occurredAt() == null) {
            errors.add("occurredAt", "is required");
        }
        if ("order".equals(in.type()) && in.amount() == null) {
            errors.add("amount", "is required for orders");
        }
        money(errors, "amount", in.amount());
        money(errors, "grossMargin", in.grossMargin());
        money(errors, "serviceCost", in.serviceCost());
        if (!"order".equals(in.type())
                && (in.amount() != null || in.grossMargin() != null || in.paidOnTime() != null)) {
            errors.add("amount", "amount, grossMargin and paidOnTime belong to orders");
        }
        if (!"ticket".equals(in.type()) && in.serviceCost() != null) {
            errors.add("serviceCost", "belongs to tickets");
        }
        errors.throwIfAny();
        var existing = db.selectFrom(CUSTOMER_TIMELINE)
                .where(CUSTOMER_TIMELINE.TYPE.eq(in.type()))
                .and(CUSTOMER_TIMELINE.EXTERNAL_ID.eq(in.externalId().strip()))
                .fetchOptional();
        if (existing.isPresent()) {
            if (existing.get().getCustomerId() != customerId) {
                throw new ConflictException("this " + in.type() + " id is already on another customer's timeline");
            }
            return new Ingested(entry(existing.get()), false);
        }
        long id = insert(
                customerId,
                in.type(),
                in.occurredAt(),
                in.title().strip(),
                Texts.clean(in.body()),
                Texts.clean(in.link()),
                Texts.clean(in.source()),
                in.externalId().strip(),
                scale(in.amount()),
                scale(in.grossMargin()),
                in.paidOnTime(),
                scale(in.serviceCost()),
                null);
        audit.recorded(
                "customer",
                customerId,
                "timeline.ingested",
                Map.of("type", in.type(), "externalId", in.externalId().strip(), "entryId", id));
        return new Ingested(entry(db.fetchOne(CUSTOMER_TIMELINE, CUSTOMER_TIMELINE.ID.eq(id))), true);
    }

    public record Ingested(TimelineEntryView entry, boolean created) {}

    private static void money(FieldErrors errors, String field, BigDecimal v) {
        if (v != null && (v.signum() < 0 || v.scale() > 2 || v.compareTo(new BigDecimal("999999999999.99")) > 0)) {
            errors.add(field, "must be a non-negative amount in yuan with at most 2 decimals");
        }
    }

    private static BigDecimal scale(BigDecimal v) {
        return v == null ? null : v.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    /** A system entry (contact changes, merges) in the caller's transaction. */
    void record(long customerId, String type, String title, String body) {
        insert(
                customerId,
                type,
                OffsetDateTime.now(clock),
                title,
                body,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    long insert(
            long customerId,
            String type,
            OffsetDateTime at,
            String title,
            String body,
            String link,
            String source,
            String externalId,
            BigDecimal amount,
            BigDecimal margin,
            Boolean paidOnTime,
            BigDecimal serviceCost,
            Long attachmentId) {
        Long actor = currentActor.current().map(a -> a.userId()).orElse(null);
        return db.insertInto(CUSTOMER_TIMELINE)
                .set(CUSTOMER_TIMELINE.CUSTOMER_ID, customerId)
                .set(CUSTOMER_TIMELINE.TYPE, type)
                .set(CUSTOMER_TIMELINE.OCCURRED_AT, at)
                .set(CUSTOMER_TIMELINE.TITLE, title.length() > 200 ? title.substring(0, 200) : title)
                .set(CUSTOMER_TIMELINE.BODY, body)
                .set(CUSTOMER_TIMELINE.LINK, link)
                .set(CUSTOMER_TIMELINE.ACTOR_ID, actor)
                .set(CUSTOMER_TIMELINE.SOURCE, source)
                .set(CUSTOMER_TIMELINE.EXTERNAL_ID, externalId)
                .set(CUSTOMER_TIMELINE.AMOUNT, amount)
                .set(CUSTOMER_TIMELINE.GROSS_MARGIN, margin)
                .set(CUSTOMER_TIMELINE.PAID_ON_TIME, paidOnTime)
                .set(CUSTOMER_TIMELINE.SERVICE_COST, serviceCost)
                .set(CUSTOMER_TIMELINE.ATTACHMENT_ID, attachmentId)
                .set(CUSTOMER_TIMELINE.CREATED_AT, OffsetDateTime.now(clock))
                .returningResult(CUSTOMER_TIMELINE.ID)
                .fetchOne()
                .value1();
    }

    // ---- attachments

    @Transactional(readOnly = true)
    public List<AttachmentView> attachments(long customerId) {
        customers.requireVisible(customerId);
        return db.select(CUSTOMER_ATTACHMENTS.asterisk(), USERS.DISPLAY_NAME)
                .from(CUSTOMER_ATTACHMENTS)
                .join(USERS)
                .on(USERS.ID.eq(CUSTOMER_ATTACHMENTS.UPLOADED_BY))
                .where(CUSTOMER_ATTACHMENTS.CUSTOMER_ID.eq(customerId))
                .orderBy(CUSTOMER_ATTACHMENTS.UPLOADED_AT.desc())
                .fetch(CustomerTimeline::attachment);
    }

    /** Stores an upload within the size and type limits; audited. */
    public AttachmentView upload(long customerId, String fileName, String contentType, long size, InputStream content) {
        customers.requireVisible(customerId);
        String name = Texts.clean(fileName);
        if (name == null) {
            throw ValidationException.field("file", "is required");
        }
        name = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        if (name.length() > 255) {
            name = name.substring(name.length() - 255);
        }
        String ext =
                name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (!ALLOWED_EXTENSIONS.contains(ext)) {
            throw ValidationException.field(
                    "file",
                    "this file type is not allowed; allowed: "
                            + ALLOWED_EXTENSIONS.stream().sorted().toList());
        }
        if (size <= 0) {
            throw ValidationException.field("file", "is empty");
        }
        if (size > maxAttachmentBytes) {
            throw ValidationException.field("file", "is larger than " + (maxAttachmentBytes / 1024 / 1024) + " MB");
        }
        String key;
        try {
            key = storage.store("attachments", content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long actor = currentActor.require().userId();
        OffsetDateTime now = OffsetDateTime.now(clock);
        // The client's word for the type is kept only when it is a plain type/subtype: anything else (a NUL byte
        // PostgreSQL refuses, header injection, parameters) is stored as a generic binary type.
        String type = contentType != null && MEDIA_TYPE.matcher(contentType).matches()
                ? contentType.toLowerCase(Locale.ROOT)
                : "application/octet-stream";
        long id = db.insertInto(CUSTOMER_ATTACHMENTS)
                .set(CUSTOMER_ATTACHMENTS.CUSTOMER_ID, customerId)
                .set(CUSTOMER_ATTACHMENTS.FILE_NAME, name)
                .set(CUSTOMER_ATTACHMENTS.CONTENT_TYPE, type)
                .set(CUSTOMER_ATTACHMENTS.SIZE_BYTES, size)
                .set(CUSTOMER_ATTACHMENTS.STORAGE_KEY, key)
                .set(CUSTOMER_ATTACHMENTS.UPLOADED_BY, actor)
                .set(CUSTOMER_ATTACHMENTS.UPLOADED_AT, now)
                .returningResult(CUSTOMER_ATTACHMENTS.ID)
                .fetchOne()
                .value1();
        insert(
                customerId,
                "attachment",
                now,
                "上传附件：" + name,
                null,
                "/customers/" + customerId + "/attachments/" + id,
                null,
                null,
                null,
                null,
                null,
                null,
                id);
        audit.recorded(
                "customer",
                customerId,
                "attachment.uploaded",
                Map.of("attachmentId", id, "fileName", name, "sizeBytes", size));
        return attachments(customerId).stream()
                .filter(a -> a.id().equals(String.valueOf(id)))
                .findFirst()
                .orElseThrow();
    }

    public record Download(AttachmentView attachment, InputStream content) {}

    /** Opens an attachment for download; audited. */
    public Download download(long customerId, long attachmentId) {
        customers.requireVisible(customerId);
        var r = db.selectFrom(CUSTOMER_ATTACHMENTS)
                .where(CUSTOMER_ATTACHMENTS.ID.eq(attachmentId))
                .and(CUSTOMER_ATTACHMENTS.CUSTOMER_ID.eq(customerId))
                .fetchOptional()
                .orElseThrow(() -> NotFoundException.of("attachment", attachmentId));
        audit.recorded(
                "customer",
                customerId,
                "attachment.downloaded",
                Map.of("attachmentId", attachmentId, "fileName", r.getFileName()));
        try {
            InputStream in = storage.open(r.getStorageKey());
            return new Download(
                    new AttachmentView(
                            String.valueOf(r.getId()),
                            String.valueOf(customerId),
                            r.getFileName(),
                            r.getContentType(),
                            r.getSizeBytes(),
                            null,
                            r.getUploadedAt()),
                    in);
        } catch (IOException e) {
            throw NotFoundException.of("attachment", attachmentId);
        }
    }

    static TimelineEntryView entry(Record r) {
        return new TimelineEntryView(
                String.valueOf(r.get(CUSTOMER_TIMELINE.ID)),
                String.valueOf(r.get(CUSTOMER_TIMELINE.CUSTOMER_ID)),
                r.get(CUSTOMER_TIMELINE.TYPE),
                r.get(CUSTOMER_TIMELINE.OCCURRED_AT),
                r.get(CUSTOMER_TIMELINE.TITLE),
                r.get(CUSTOMER_TIMELINE.BODY),
                r.get(CUSTOMER_TIMELINE.LINK),
                r.get(CUSTOMER_TIMELINE.SOURCE),
                r.get(CUSTOMER_TIMELINE.EXTERNAL_ID),
                r.get(CUSTOMER_TIMELINE.AMOUNT),
                r.get(CUSTOMER_TIMELINE.GROSS_MARGIN),
                r.get(CUSTOMER_TIMELINE.PAID_ON_TIME),
                r.get(CUSTOMER_TIMELINE.SERVICE_COST),
                r.get(CUSTOMER_TIMELINE.CREATED_AT));
    }

    static AttachmentView attachment(Record r) {
        return new AttachmentView(
                String.valueOf(r.get(CUSTOMER_ATTACHMENTS.ID)),
                String.valueOf(r.get(CUSTOMER_ATTACHMENTS.CUSTOMER_ID)),
                r.get(CUSTOMER_ATTACHMENTS.FILE_NAME),
                r.get(CUSTOMER_ATTACHMENTS.CONTENT_TYPE),
                r.get(CUSTOMER_ATTACHMENTS.SIZE_BYTES),
                r.get(USERS.DISPLAY_NAME),
                r.get(CUSTOMER_ATTACHMENTS.UPLOADED_AT));
    }
}
