package app.lantern.quote;

import static lantern.db.Tables.QUOTES;
import static lantern.db.Tables.QUOTE_BLOBS;
import static lantern.db.Tables.QUOTE_DOCUMENTS;
import static lantern.db.Tables.QUOTE_SIGNATURES;
import static lantern.db.Tables.QUOTE_SIGNING_LINKS;

import app.lantern.audit.AuditLog;
import app.lantern.calendar.WorkingCalendar;
import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.Role;
import app.lantern.shared.ConflictException;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.ForbiddenException;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.Texts;
import app.lantern.shared.ValidationException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import lantern.db.tables.records.QuoteSigningLinksRecord;
import lantern.db.tables.records.QuotesRecord;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sending, online signing and the company seal. Sending renders the PDF once with a QR code of the signing link and
 * keeps its bytes: the customer sees, and signs, exactly those bytes (their SHA-256 is recorded with the signature).
 * After signing nothing is re-rendered; finance's seal and the PAdES signature are added to the signed document.
 */
@Service
@Transactional
public class QuoteSigning {

    static final String SENT = "SENT";
    static final String STAMPED = "STAMPED";
    static final String SEAL_BLOB = "seal-image";
    static final Duration STAMP_SLA = Duration.ofHours(2);
    private static final int MAX_SIGNATURE_BYTES = 300 * 1024;
    private static final int MAX_SIGNATURE_PIXELS = 3000;

    private final DSLContext db;
    private final Quotes quotes;
    private final QuotePdf pdf;
    private final OrgCertificate certificate;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final PublicBaseUrl publicBaseUrl;

    QuoteSigning(
            DSLContext db,
            Quotes quotes,
            QuotePdf pdf,
            OrgCertificate certificate,
            CurrentActor currentActor,
            AuditLog audit,
            ApplicationEventPublisher events,
            WorkingCalendar calendar,
            Clock clock,
            PublicBaseUrl publicBaseUrl) {
        this.db = db;
        this.quotes = quotes;
        this.pdf = pdf;
        this.certificate = certificate;
        this.currentActor = currentActor;
        this.audit = audit;
        this.events = events;
        this.calendar = calendar;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
    }

    /**
     * False when {@code lantern.public-base-url} is unset and signing links take the address of the request that sends
     * the quote: correct only if every sender reaches Lantern by the address customers use, so admins are warned.
     */
    public boolean publicBaseUrlConfigured() {
        return publicBaseUrl.isConfigured();
    }

    /** The link the customer opens; shown once after sending (only its hash is stored). */
    public record SentQuote(QuoteView quote, String signingUrl) {}

    public record Document(byte[] content, String fileName, String sha256) {}

    /** What the public signing page shows. {@code state}: OPEN, SIGNED, EXPIRED, REVOKED, SUPERSEDED. */
    public record PublicQuote(QuoteView quote, String state, String documentSha256, String company) {}

    public record SignRequest(String signerName, String signatureDataUrl, boolean consent, String documentSha256) {}

    /** A signed quote waiting for the seal, with its 2-working-hour SLA. */
    public record StampTask(QuoteView quote, OffsetDateTime dueAt, boolean overdue) {}

    // ---- sending

    /** Sends an approved quote: a signing link (expiring with the quote) and the PDF the customer will see. */
    public SentQuote send(long id) {
        QuotesRecord r = quotes.visibleForUpdate(id);
        if (!QuoteStatus.APPROVED.name().equals(r.getStatus())) {
            if (QuoteStatus.PENDING_APPROVAL.name().equals(r.getStatus())
                    || QuoteStatus.DRAFT.name().equals(r.getStatus())
                    || QuoteStatus.REJECTED.name().equals(r.getStatus())) {
                throw ValidationException.unprocessable(
                        "status", "the quote must be submitted and approved before it is sent");
            }
            throw new ConflictException("the quote was already sent or is closed", Map.of("status", r.getStatus()));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        // validity runs from the day the customer receives the quote
        r.setValidUntil(now.toLocalDate().plusDays(r.getValidDays()));
        r.setStatus(QuoteStatus.SENT.name());
        r.setSentAt(now);
        r.setUpdatedAt(now);
        r.setVersion(r.getVersion() + 1);
        r.update();
        String url = issueLink(r, now);
        audit.updated(
                "quote", id, Map.of("status", QuoteStatus.APPROVED.name()), Map.of("status", QuoteStatus.SENT.name()));
        events.publishEvent(new QuoteSent(id, r.getOwnerId(), r.getOpportunityId(), now, r.getValidUntil()));
        events.publishEvent(new QuoteChanged(id, r.getOpportunityId()));
        return new SentQuote(quotes.get(id), url);
    }

    /** A new link (the old ones stop working) and a new PDF with its QR code; only before the customer signed. */
    public SentQuote renewLink(long id) {
        QuotesRecord r = quotes.visibleForUpdate(id);
        requireOpenForSigning(r);
        OffsetDateTime now = OffsetDateTime.now(clock);
        SigningLinks.revokeAll(db, id, now);
        String url = issueLink(r, now);
        audit.recorded("quote", id, "quote.link.renewed", Map.of());
        return new SentQuote(quotes.get(id), url);
    }

    public void revokeLinks(long id) {
        QuotesRecord r = quotes.visible(id);
        int n = SigningLinks.revokeAll(db, id, OffsetDateTime.now(clock));
        audit.recorded("quote", r.getId(), "quote.link.revoked", Map.of("links", n));
    }

    private void requireOpenForSigning(QuotesRecord r) {
        if (!QuoteStatus.SENT.name().equals(r.getStatus())) {
            throw new ConflictException(
                    "only a sent, unsigned quote has a signing link", Map.of("status", r.getStatus()));
        }
        if (r.getValidUntil().isBefore(LocalDate.now(clock))) {
            throw new ConflictException(
                    "the quote has expired; revise it to send a new one", Map.of("status", "EXPIRED"));
        }
    }

    private String issueLink(QuotesRecord r, OffsetDateTime now) {
        String token = SigningLinks.newToken();
        OffsetDateTime expires =
                r.getValidUntil().plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
        db.insertInto(QUOTE_SIGNING_LINKS)
                .set(QUOTE_SIGNING_LINKS.QUOTE_ID, r.getId())
                .set(QUOTE_SIGNING_LINKS.TOKEN_HASH, SigningLinks.hash(token))
                .set(QUOTE_SIGNING_LINKS.CREATED_AT, now)
                .set(QUOTE_SIGNING_LINKS.EXPIRES_AT, expires)
                .execute();
        String url = publicBaseUrl.resolve() + "/public/quotes/" + token;
        byte[] bytes = pdf.render(quotes.viewUnscoped(r.getId(), false), url);
        storeDocument(r.getId(), SENT, bytes, now);
        return url;
    }

    private void storeDocument(long quoteId, String kind, byte[] bytes, OffsetDateTime now) {
        db.insertInto(QUOTE_DOCUMENTS)
                .set(QUOTE_DOCUMENTS.QUOTE_ID, quoteId)
                .set(QUOTE_DOCUMENTS.KIND, kind)
                .set(QUOTE_DOCUMENTS.SHA256, SigningLinks.sha256(bytes))
                .set(QUOTE_DOCUMENTS.CONTENT, bytes)
                .set(QUOTE_DOCUMENTS.CREATED_AT, now)
                .execute();
    }

    private Optional<Document> latest(long quoteId, String kind, String fileName) {
        return db.selectFrom(QUOTE_DOCUMENTS)
                .where(QUOTE_DOCUMENTS.QUOTE_ID.eq(quoteId).and(QUOTE_DOCUMENTS.KIND.eq(kind)))
                .orderBy(QUOTE_DOCUMENTS.ID.desc())
                .limit(1)
                .fetchOptional()
                .map(d -> new Document(d.getContent(), fileName, d.getSha256()));
    }

    /**
     * The quote's PDF for staff: the sealed and digitally signed one once stamped, the one sent (and maybe signed) after
     * sending, otherwise a fresh draft rendering.
     */
    @Transactional
    public Document pdf(long id) {
        QuotesRecord r = quotes.visible(id);
        String base = Quotes.displayNumber(r.getNumber(), r.getRevision()).replace(' ', '-');
        Optional<Document> stamped = latest(id, STAMPED, base + "-signed.pdf");
        if (stamped.isPresent()) {
            audit.recorded("quote", id, "quote.pdf.downloaded", Map.of("kind", STAMPED));
            return stamped.get();
        }
        Optional<Document> sent = latest(id, SENT, base + ".pdf");
        if (sent.isPresent()) {
            return sent.get();
        }
        byte[] bytes = pdf.render(quotes.viewUnscoped(id, false), null);
        return new Document(bytes, base + "-draft.pdf", SigningLinks.sha256(bytes));
    }

    // ---- public signing

    private Optional<QuoteSigningLinksRecord> link(String token) {
        if (!SigningLinks.wellFormed(token)) {
            return Optional.empty();
        }
        return db.selectFrom(QUOTE_SIGNING_LINKS)
                .where(QUOTE_SIGNING_LINKS.TOKEN_HASH.eq(SigningLinks.hash(token)))
                .fetchOptional();
    }

    private String state(QuoteSigningLinksRecord link, QuotesRecord r) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (r.getSignedAt() != null) {
            return "SIGNED";
        }
        if (QuoteStatus.SUPERSEDED.name().equals(r.getStatus())) {
            return "SUPERSEDED";
        }
        if (link.getRevokedAt() != null) {
            return "REVOKED";
        }
        if (!link.getExpiresAt().isAfter(now) || r.getValidUntil().isBefore(now.toLocalDate())) {
            return "EXPIRED";
        }
        return QuoteStatus.SENT.name().equals(r.getStatus()) ? "OPEN" : "REVOKED";
    }

    @Transactional(readOnly = true)
    public PublicQuote publicView(String token) {
        QuoteSigningLinksRecord l = link(token).orElseThrow(() -> NotFoundException.of("quote", "link"));
        QuotesRecord r =
                db.selectFrom(QUOTES).where(QUOTES.ID.eq(l.getQuoteId())).fetchOne();
        String sha = latest(r.getId(), SENT, "").map(Document::sha256).orElse(null);
        return new PublicQuote(
                quotes.viewUnscoped(r.getId(), false),
                state(l, r),
                sha,
                pdf.letterhead().company());
    }

    /** The exact PDF the customer signs. */
    @Transactional(readOnly = true)
    public Document publicPdf(String token) {
        QuoteSigningLinksRecord l = link(token).orElseThrow(() -> NotFoundException.of("quote", "link"));
        QuotesRecord r =
                db.selectFrom(QUOTES).where(QUOTES.ID.eq(l.getQuoteId())).fetchOne();
        if (r.getStampedAt() != null) {
            return latest(r.getId(), STAMPED, r.getNumber() + "-signed.pdf").orElseThrow();
        }
        return latest(
                        r.getId(),
                        SENT,
                        Quotes.displayNumber(r.getNumber(), r.getRevision()).replace(' ', '-') + ".pdf")
                .orElseThrow(() -> NotFoundException.of("quote", "document"));
    }

    /**
     * The customer signs: typed name, drawn signature (PNG data URL), consent and the SHA-256 of the document they saw.
     * Refused (nothing stored, attempt audited) for expired, revoked or superseded links, a document hash that is not the
     * one sent, or a second signature.
     */
    @Transactional(noRollbackFor = {ConflictException.class, ValidationException.class})
    public PublicQuote sign(String token, SignRequest request, String ip, String userAgent) {
        QuoteSigningLinksRecord l = link(token).orElseThrow(() -> NotFoundException.of("quote", "link"));
        QuotesRecord r = db.selectFrom(QUOTES)
                .where(QUOTES.ID.eq(l.getQuoteId()))
                .forUpdate()
                .fetchOne();
        String state = state(l, r);
        if (!"OPEN".equals(state)) {
            audit.recorded("quote", r.getId(), "quote.sign.refused", Map.of("reason", state, "ip", String.valueOf(ip)));
            throw new ConflictException(
                    switch (state) {
                        case "SIGNED" -> "this quote has already been signed";
                        case "EXPIRED" -> "this quote has expired and can no longer be signed";
                        case "SUPERSEDED" -> "this quote was replaced by a newer revision";
                        default -> "this signing link was revoked";
                    },
                    Map.of("state", state));
        }
        FieldErrors errors = new FieldErrors();
        Texts.require(errors, "signerName", request.signerName(), 50);
        errors.addIf(!request.consent(), "consent", "confirm that you agree to sign electronically");
        errors.addIf(Texts.isBlank(request.documentSha256()), "documentSha256", "is required");
        byte[] png = null;
        if (Texts.isBlank(request.signatureDataUrl())
                || !request.signatureDataUrl().startsWith("data:image/png;base64,")) {
            errors.add("signature", "draw your signature");
        } else {
            try {
                png = Base64.getDecoder()
                        .decode(request.signatureDataUrl().substring("data:image/png;base64,".length()));
                Optional<PngSize> size = PngSize.of(png);
                if (size.isPresent() && !size.get().within(1, MAX_SIGNATURE_PIXELS)) {
                    errors.add(
                            "signature",
                            "the signature image may be at most " + MAX_SIGNATURE_PIXELS + " pixels wide and high");
                    png = null;
                } else if (png.length > MAX_SIGNATURE_BYTES || size.isEmpty() || blank(png)) {
                    errors.add("signature", "draw your signature");
                    png = null;
                }
            } catch (IllegalArgumentException e) {
                errors.add("signature", "draw your signature");
            }
        }
        if (!errors.isEmpty()) {
            audit.recorded(
                    "quote",
                    r.getId(),
                    "quote.sign.refused",
                    Map.of("reason", "invalid input", "ip", String.valueOf(ip)));
            errors.throwIfAny();
        }
        Document shown = latest(r.getId(), SENT, "").orElseThrow();
        if (!shown.sha256().equalsIgnoreCase(request.documentSha256().strip())) {
            audit.recorded(
                    "quote",
                    r.getId(),
                    "quote.sign.refused",
                    Map.of("reason", "document hash mismatch", "ip", String.valueOf(ip)));
            throw ValidationException.unprocessable(
                    "documentSha256", "the document changed since you opened it; reload the page");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime due = calendar.addWorkingTime(now.toInstant(), STAMP_SLA)
                .atZone(clock.getZone())
                .toOffsetDateTime();
        db.insertInto(QUOTE_SIGNATURES)
                .set(QUOTE_SIGNATURES.QUOTE_ID, r.getId())
                .set(QUOTE_SIGNATURES.SIGNER_NAME, request.signerName().strip())
                .set(QUOTE_SIGNATURES.SIGNATURE_PNG, png)
                .set(QUOTE_SIGNATURES.IP, truncate(ip, 64))
                .set(QUOTE_SIGNATURES.USER_AGENT, truncate(userAgent, 500))
                .set(QUOTE_SIGNATURES.SIGNED_AT, now)
                .set(QUOTE_SIGNATURES.DOCUMENT_SHA256, shown.sha256())
                .execute();
        r.setStatus(QuoteStatus.SIGNED.name());
        r.setSignedAt(now);
        r.setStampDueAt(due);
        r.setUpdatedAt(now);
        r.setVersion(r.getVersion() + 1);
        r.update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("signerName", request.signerName().strip());
        details.put("ip", ip);
        details.put("userAgent", truncate(userAgent, 500));
        details.put("documentSha256", shown.sha256());
        audit.recordedBy(null, "quote", r.getId(), "quote.signed", details);
        audit.updated(
                "quote",
                r.getId(),
                Map.of("status", QuoteStatus.SENT.name()),
                Map.of("status", QuoteStatus.SIGNED.name()));
        events.publishEvent(new QuoteSigned(
                r.getId(),
                r.getOwnerId(),
                r.getOpportunityId(),
                Quotes.displayNumber(r.getNumber(), r.getRevision()),
                now,
                due));
        events.publishEvent(new QuoteChanged(r.getId(), r.getOpportunityId()));
        return publicView(token);
    }

    // ---- finance: seal and final document

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
        Document sent = latest(id, SENT, "").orElseThrow();
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
        storeDocument(id, STAMPED, signed, now);
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
        r.setStatus(QuoteStatus.STAMPED.name());
        r.setStampedAt(now);
        r.setStampedBy(by);
        r.setStampReference(reference);
        r.setUpdatedAt(now);
        r.setVersion(r.getVersion() + 1);
        r.update();
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
                Quotes.displayNumber(r.getNumber(), r.getRevision()),
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

    private static boolean blank(byte[] png) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            if (img == null || img.getWidth() < 20 || img.getHeight() < 20) {
                return true;
            }
            int inked = 0;
            for (int y = 0; y < img.getHeight(); y += 2) {
                for (int x = 0; x < img.getWidth(); x += 2) {
                    int argb = img.getRGB(x, y);
                    int alpha = argb >>> 24;
                    int lum = ((argb >> 16 & 0xFF) + (argb >> 8 & 0xFF) + (argb & 0xFF)) / 3;
                    if (alpha > 64 && lum < 160) {
                        inked++;
                    }
                }
            }
            return inked < 5;
        } catch (IOException e) {
            return true;
        }
    }

    private static String truncate(String s, int max) {
        return s == null ? null : s.length() <= max ? s : s.substring(0, max);
    }
}
