package app.lantern.quote;

import static lantern.db.Tables.QUOTES;
import static lantern.db.Tables.QUOTE_SIGNATURES;
import static lantern.db.Tables.QUOTE_SIGNING_LINKS;

import app.lantern.audit.AuditLog;
import app.lantern.calendar.WorkingCalendar;
import app.lantern.shared.ConflictException;
import app.lantern.shared.FieldErrors;
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
import java.util.Base64;
import java.util.LinkedHashMap;
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
 * Sending and online signing. Sending renders the PDF once with a QR code of the signing link and keeps its bytes: the
 * customer sees, and signs, exactly those bytes (their SHA-256 is recorded with the signature). After signing nothing
 * is re-rendered; {@link QuoteSeal} adds finance's seal and the PAdES signature to the signed document.
 */
@Service
@Transactional
public class QuoteSigning {

    static final Duration STAMP_SLA = Duration.ofHours(2);
    private static final int MAX_SIGNATURE_BYTES = 300 * 1024;
    private static final int MAX_SIGNATURE_PIXELS = 3000;

    private final DSLContext db;
    private final Quotes quotes;
    private final QuoteDocumentStore documents;
    private final QuotePdf pdf;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final PublicBaseUrl publicBaseUrl;

    QuoteSigning(
            DSLContext db,
            Quotes quotes,
            QuoteDocumentStore documents,
            QuotePdf pdf,
            AuditLog audit,
            ApplicationEventPublisher events,
            WorkingCalendar calendar,
            Clock clock,
            PublicBaseUrl publicBaseUrl) {
        this.db = db;
        this.quotes = quotes;
        this.documents = documents;
        this.pdf = pdf;
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
        Quote.of(r).save(db);
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
        documents.store(r.getId(), QuoteDocumentStore.SENT, bytes, now);
        return url;
    }

    /**
     * The quote's PDF for staff: the sealed and digitally signed one once stamped, the one sent (and maybe signed) after
     * sending, otherwise a fresh draft rendering.
     */
    @Transactional
    public Document pdf(long id) {
        QuotesRecord r = quotes.visible(id);
        String base = QuoteViews.displayNumber(r.getNumber(), r.getRevision()).replace(' ', '-');
        Optional<Document> stamped = documents.latest(id, QuoteDocumentStore.STAMPED, base + "-signed.pdf");
        if (stamped.isPresent()) {
            audit.recorded("quote", id, "quote.pdf.downloaded", Map.of("kind", QuoteDocumentStore.STAMPED));
            return stamped.get();
        }
        Optional<Document> sent = documents.latest(id, QuoteDocumentStore.SENT, base + ".pdf");
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
        String sha = documents
                .latest(r.getId(), QuoteDocumentStore.SENT, "")
                .map(Document::sha256)
                .orElse(null);
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
            return documents
                    .latest(r.getId(), QuoteDocumentStore.STAMPED, r.getNumber() + "-signed.pdf")
                    .orElseThrow();
        }
        return documents
                .latest(
                        r.getId(),
                        QuoteDocumentStore.SENT,
                        QuoteViews.displayNumber(r.getNumber(), r.getRevision()).replace(' ', '-') + ".pdf")
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
        Document shown =
                documents.latest(r.getId(), QuoteDocumentStore.SENT, "").orElseThrow();
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
        Quote.of(r).sign(now, due).save(db);
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
                QuoteViews.displayNumber(r.getNumber(), r.getRevision()),
                now,
                due));
        events.publishEvent(new QuoteChanged(r.getId(), r.getOpportunityId()));
        return publicView(token);
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
