package app.lantern.quote;

import static lantern.db.Tables.QUOTES;
import static lantern.db.Tables.QUOTE_BLOBS;
import static lantern.db.Tables.QUOTE_SIGNATURES;

import app.lantern.audit.AuditLog;
import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.Role;
import app.lantern.shared.ConflictException;
import app.lantern.shared.ForbiddenException;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import lantern.db.tables.records.QuotesRecord;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finance's part of a signed quote: the queue of quotes waiting for the seal (2 working hours), the company seal image,
 * the organisation certificate, and stamping: the signed document gets the seal and a PAdES signature and the quote
 * becomes STAMPED (or a finance system reports it stamped).
 */
@Service
@Transactional
public class QuoteSeal {

    static final String SEAL_BLOB = "seal-image";

    private final DSLContext db;
    private final Quotes quotes;
    private final QuoteDocumentStore documents;
    private final QuotePdf pdf;
    private final OrgCertificate certificate;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    QuoteSeal(
            DSLContext db,
            Quotes quotes,
            QuoteDocumentStore documents,
            QuotePdf pdf,
            OrgCertificate certificate,
            CurrentActor currentActor,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.db = db;
        this.quotes = quotes;
        this.documents = documents;
        this.pdf = pdf;
        this.certificate = certificate;
        this.currentActor = currentActor;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A signed quote waiting for the seal, with its 2-working-hour SLA. */
    public record StampTask(QuoteView quote, OffsetDateTime dueAt, boolean overdue) {}

    /** Signed quotes waiting for the seal, oldest first, with the 2-working-hour SLA. */
    @Transactional(readOnly = true)
    public List<StampTask> stampQueue() {
        requireFinance();
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<StampTask> tasks = new ArrayList<>();
        for (QuotesRecord r : db.selectFrom(QUOTES)
                .where(QUOTES.STATUS.eq(QuoteStatus.SIGNED.name()))
                .orderBy(QUOTES.SIGNED_AT)
                .fetch()) {
            tasks.add(new StampTask(
                    quotes.viewUnscoped(r.getId(), false),
                    r.getStampDueAt(),
                    r.getStampDueAt() != null && now.isAfter(r.getStampDueAt())));
        }
        return tasks;
    }

    public record SealInfo(boolean present, OffsetDateTime updatedAt) {}

    @Transactional(readOnly = true)
    public SealInfo sealInfo() {
        return db.selectFrom(QUOTE_BLOBS)
                .where(QUOTE_BLOBS.NAME.eq(SEAL_BLOB))
                .fetchOptional()
                .map(b -> new SealInfo(true, b.getUpdatedAt()))
                .orElse(new SealInfo(false, null));
    }

    @Transactional(readOnly = true)
    public Optional<byte[]> sealImage() {
        requireFinance();
        return db.select(QUOTE_BLOBS.CONTENT)
                .from(QUOTE_BLOBS)
                .where(QUOTE_BLOBS.NAME.eq(SEAL_BLOB))
                .fetchOptional(QUOTE_BLOBS.CONTENT);
    }

    /** Finance uploads the company seal (PNG, ideally red on transparent, at most 1 MB). */
    public void uploadSeal(byte[] png) {
        Actor actor = requireFinance();
        Optional<PngSize> size = PngSize.of(png);
        if (png == null || png.length == 0 || png.length > 1024 * 1024 || size.isEmpty()) {
            throw ValidationException.field("file", "upload a PNG image of at most 1 MB");
        }
        if (!size.get().within(50, 4000)) {
            throw ValidationException.field("file", "the seal image must be between 50 and 4000 pixels wide and high");
        }
        try {
            if (ImageIO.read(new ByteArrayInputStream(png)) == null) {
                throw ValidationException.field("file", "the file is not a readable PNG image");
            }
        } catch (IOException e) {
            throw ValidationException.field("file", "the file is not a readable PNG image");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean existed = db.fetchExists(QUOTE_BLOBS, QUOTE_BLOBS.NAME.eq(SEAL_BLOB));
        db.deleteFrom(QUOTE_BLOBS).where(QUOTE_BLOBS.NAME.eq(SEAL_BLOB)).execute();
        db.insertInto(QUOTE_BLOBS)
                .set(QUOTE_BLOBS.NAME, SEAL_BLOB)
                .set(QUOTE_BLOBS.CONTENT, png)
                .set(QUOTE_BLOBS.INFO, "image/png")
                .set(QUOTE_BLOBS.UPDATED_AT, now)
                .set(QUOTE_BLOBS.UPDATED_BY, actor.userId())
                .execute();
        audit.recorded(
                "quote-seal",
                "seal",
                existed ? "seal.replaced" : "seal.uploaded",
                Map.of("sha256", SigningLinks.sha256(png), "bytes", png.length));
    }

    public record CertificateInfo(boolean present, boolean selfSigned, String subject, String notAfter) {}

    @Transactional(readOnly = true)
    public CertificateInfo certificateInfo() {
        OrgCertificate.Info i = certificate.info();
        return new CertificateInfo(i.present(), i.selfSigned(), i.subject(), i.notAfter());
    }

    /** Admins upload the organisation's PKCS#12 certificate (password in LANTERN_ORG_CERT_PASSWORD). */
    public CertificateInfo uploadCertificate(byte[] pkcs12) {
        Actor actor = currentActor.require();
        if (!actor.has(Role.ADMIN)) {
            throw new ForbiddenException("only administrators install the organisation certificate");
        }
        if (pkcs12 == null || pkcs12.length == 0 || pkcs12.length > 64 * 1024) {
            throw ValidationException.field("file", "upload a PKCS#12 (.p12/.pfx) file of at most 64 KB");
        }
        certificate.upload(pkcs12, actor.userId());
        audit.recorded(
                "quote-certificate", "org", "certificate.uploaded", Map.of("sha256", SigningLinks.sha256(pkcs12)));
        return certificateInfo();
    }

    /**
     * Finance applies the company seal: the signed document gets the customer's drawn signature, the seal image and a
     * PAdES signature with the organisation certificate; the quote becomes STAMPED.
     */
    public QuoteView applySeal(long id) {
        Actor actor = requireFinance();
        QuotesRecord r = db.selectFrom(QUOTES)
                .where(QUOTES.ID.eq(id))
                .forUpdate()
                .fetchOptional()
                .orElseThrow(() -> NotFoundException.of("quote", id));
        if (!QuoteStatus.SIGNED.name().equals(r.getStatus())) {
            throw new ConflictException(
                    "only a quote the customer signed can be stamped", Map.of("status", r.getStatus()));
        }
        byte[] seal = db.select(QUOTE_BLOBS.CONTENT)
                .from(QUOTE_BLOBS)
                .where(QUOTE_BLOBS.NAME.eq(SEAL_BLOB))
                .fetchOptional(QUOTE_BLOBS.CONTENT)
                .orElseThrow(() -> ValidationException.unprocessable(
                        "seal", "no company seal image yet: finance uploads it on /quotes/finance"));
        var signature = db.selectFrom(QUOTE_SIGNATURES)
                .where(QUOTE_SIGNATURES.QUOTE_ID.eq(id))
                .fetchOne();
        QuoteSigning.Document sent =
                documents.latest(id, QuoteDocumentStore.SENT, "").orElseThrow();
        if (!sent.sha256().equals(signature.getDocumentSha256())) {
            throw new IllegalStateException("stored document of quote " + id + " does not match the signed hash");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        String signedAt = QuotePdf.formatTime(signature.getSignedAt(), clock.getZone());
        byte[] sealed = StampOverlay.apply(
                sent.content(),
                new StampOverlay.Marks(
                        seal,
                        signature.getSignaturePng(),
                        "客户签署：" + signature.getSignerName() + "  " + signedAt,
                        "盖章时间：" + QuotePdf.formatTime(now, clock.getZone()),
                        "已于 " + signedAt + " 由 " + signature.getSignerName() + " 在线签署（文件 SHA-256 "
                                + signature.getDocumentSha256().substring(0, 16) + "…）"));
        GregorianCalendar when = GregorianCalendar.from(now.toZonedDateTime());
        byte[] signed = PadesSigner.sign(
                sealed, certificate.signingKey(), pdf.letterhead().company(), "报价单盖章 " + r.getNumber(), when);
        documents.store(id, QuoteDocumentStore.STAMPED, signed, now);
        finishStamp(r, now, actor.userId(), null, false);
        return quotes.viewUnscoped(id, false);
    }

    /** A finance system reported the quote stamped (inbound callback, already authenticated). */
    QuoteView markStampedExternally(String number, int revision, String reference) {
        QuotesRecord r = db.selectFrom(QUOTES)
                .where(QUOTES.NUMBER.eq(number).and(QUOTES.REVISION.eq(revision)))
                .forUpdate()
                .fetchOptional()
                .orElseThrow(() -> NotFoundException.of("quote", number));
        if (!QuoteStatus.SIGNED.name().equals(r.getStatus())) {
            throw new ConflictException("only a signed quote can be marked stamped", Map.of("status", r.getStatus()));
        }
        finishStamp(r, OffsetDateTime.now(clock), null, reference, true);
        return quotes.viewUnscoped(r.getId(), false);
    }

    private void finishStamp(QuotesRecord r, OffsetDateTime now, Long by, String reference, boolean external) {
        Quote.of(r).stamp(now, by, reference).save(db);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("external", external);
        details.put("reference", reference);
        details.put("withinSla", r.getStampDueAt() == null || !now.isAfter(r.getStampDueAt()));
        audit.recorded("quote", r.getId(), "quote.stamped", details);
        audit.updated(
                "quote",
                r.getId(),
                Map.of("status", QuoteStatus.SIGNED.name()),
                Map.of("status", QuoteStatus.STAMPED.name()));
        events.publishEvent(new QuoteStamped(
                r.getId(),
                r.getOwnerId(),
                r.getOpportunityId(),
                QuoteViews.displayNumber(r.getNumber(), r.getRevision()),
                now,
                external));
        events.publishEvent(new QuoteChanged(r.getId(), r.getOpportunityId()));
    }

    private Actor requireFinance() {
        Actor actor = currentActor.require();
        if (!actor.has(Role.FINANCE) && !actor.has(Role.ADMIN)) {
            throw new ForbiddenException("only finance applies the company seal");
        }
        return actor;
    }
}
