package app.lantern.quote;

import static lantern.db.Tables.QUOTE_APPROVALS;
import static lantern.db.Tables.QUOTE_FEEDBACK_TAGS;
import static lantern.db.Tables.QUOTE_LINES;
import static lantern.db.Tables.QUOTE_SIGNATURES;

import app.lantern.identity.Directory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lantern.db.tables.records.QuotesRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Builds the views of quotes from their rows: names, lines, approval steps, signature, cost for those who may see it. */
@Component
class QuoteViews {

    private final DSLContext db;
    private final Directory directory;
    private final Clock clock;
    private final FeedbackTagLabels tagLabels;
    private final WorkingTime workingTime;

    QuoteViews(DSLContext db, Directory directory, Clock clock, FeedbackTagLabels tagLabels, WorkingTime workingTime) {
        this.db = db;
        this.directory = directory;
        this.clock = clock;
        this.tagLabels = tagLabels;
        this.workingTime = workingTime;
    }

    static String displayNumber(String number, int revision) {
        return revision <= 1 ? number : number + " rev " + revision;
    }

    Map<Long, String> userNames() {
        Map<Long, String> names = new HashMap<>();
        directory.users().forEach(u -> names.put(u.id(), u.displayName()));
        return names;
    }

    Map<String, String> tagLabels() {
        Map<String, String> labels = new HashMap<>();
        db.selectFrom(QUOTE_FEEDBACK_TAGS)
                .forEach(t -> labels.put(t.getCode(), this.tagLabels.label(t.getCode(), t.getLabel())));
        return labels;
    }

    /** The quote with its lines, approval steps and signature. */
    QuoteView full(QuotesRecord r, boolean cost) {
        Map<Long, String> names = userNames();
        List<QuoteView.Line> lines = db.selectFrom(QUOTE_LINES)
                .where(QUOTE_LINES.QUOTE_ID.eq(r.getId()))
                .orderBy(QUOTE_LINES.POSITION)
                .fetch(l -> new QuoteView.Line(
                        l.getPosition(),
                        l.getProductId(),
                        l.getSku(),
                        l.getName(),
                        l.getUnit(),
                        l.getQuantity(),
                        l.getListPrice(),
                        l.getDiscount(),
                        l.getUnitPrice(),
                        l.getTaxRate(),
                        l.getNetAmount(),
                        l.getTaxAmount(),
                        l.getGrossAmount(),
                        cost ? l.getUnitCost() : null));
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<QuoteView.Approval> approvals = db.selectFrom(QUOTE_APPROVALS)
                .where(QUOTE_APPROVALS.QUOTE_ID.eq(r.getId()))
                .orderBy(QUOTE_APPROVALS.ID)
                .fetch(a -> new QuoteView.Approval(
                        a.getId(),
                        a.getStep(),
                        a.getRole(),
                        a.getApproverId(),
                        a.getApproverId() == null ? null : names.get(a.getApproverId()),
                        a.getStatus(),
                        a.getRequestedAt(),
                        a.getDecidedAt(),
                        a.getDecidedBy() == null ? null : names.get(a.getDecidedBy()),
                        a.getComment(),
                        a.getOverdueAt() != null
                                || (ApprovalStatus.PENDING.name().equals(a.getStatus())
                                        && a.getRequestedAt() != null
                                        && workingTime.daysWaiting(a.getRequestedAt(), now) > 2)));
        QuoteView.Signature signature = db.selectFrom(QUOTE_SIGNATURES)
                .where(QUOTE_SIGNATURES.QUOTE_ID.eq(r.getId()))
                .fetchOptional()
                .map(s -> new QuoteView.Signature(
                        s.getSignerName(), s.getIp(), s.getUserAgent(), s.getSignedAt(), s.getDocumentSha256()))
                .orElse(null);
        BigDecimal costTotal = null;
        BigDecimal margin = null;
        if (cost) {
            costTotal = lines.stream()
                    .map(l -> QuoteCalculator.fen(l.quantity().multiply(l.unitCost())))
                    .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
            if (r.getSubtotal().signum() > 0) {
                margin = r.getSubtotal()
                        .subtract(costTotal)
                        .multiply(QuoteCalculator.HUNDRED)
                        .divide(r.getSubtotal(), 1, RoundingMode.HALF_UP);
            }
        }
        return view(r, lines, approvals, signature, cost, names, tagLabels(), costTotal, margin);
    }

    /** The quote without lines, approvals and signature (list rows). */
    QuoteView summary(QuotesRecord r, boolean cost, Map<Long, String> names, Map<String, String> tags) {
        return view(r, List.of(), List.of(), null, cost, names, tags, null, null);
    }

    private QuoteView view(
            QuotesRecord r,
            List<QuoteView.Line> lines,
            List<QuoteView.Approval> approvals,
            QuoteView.Signature signature,
            boolean cost,
            Map<Long, String> names,
            Map<String, String> tags,
            BigDecimal costTotal,
            BigDecimal margin) {
        QuoteStatus status = QuoteStatus.valueOf(r.getStatus());
        if (status == QuoteStatus.SENT && r.getValidUntil().isBefore(LocalDate.now(clock))) {
            status = QuoteStatus.EXPIRED;
        }
        return new QuoteView(
                r.getId(),
                r.getNumber(),
                r.getRevision(),
                displayNumber(r.getNumber(), r.getRevision()),
                r.getOwnerId(),
                names.get(r.getOwnerId()),
                r.getCustomerId(),
                r.getCustomerName(),
                r.getOpportunityId(),
                r.getPriceBookId(),
                status,
                r.getTitle(),
                r.getTerms(),
                r.getValidDays(),
                r.getValidUntil(),
                r.getSubtotal().add(r.getDiscountTotal()),
                r.getDiscountTotal(),
                r.getSubtotal(),
                r.getTaxTotal(),
                r.getTotal(),
                ChineseAmount.of(r.getTotal()),
                r.getMaxDiscount(),
                r.getBudgetWarning(),
                cost ? costTotal : null,
                cost ? margin : null,
                r.getCreatedAt(),
                r.getSubmittedAt(),
                r.getApprovedAt(),
                r.getSentAt(),
                r.getSignedAt(),
                r.getStampDueAt(),
                r.getStampedAt(),
                r.getStampReference(),
                r.getSupersededBy(),
                r.getFeedbackTag(),
                r.getFeedbackTag() == null ? null : tags.get(r.getFeedbackTag()),
                r.getFeedbackNote(),
                r.getFeedbackAt(),
                lines,
                approvals,
                signature);
    }

    static Map<String, Object> snapshot(QuotesRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", r.getNumber());
        m.put("revision", r.getRevision());
        m.put("customerId", r.getCustomerId());
        m.put("customerName", r.getCustomerName());
        m.put("opportunityId", r.getOpportunityId());
        m.put("status", r.getStatus());
        m.put("title", r.getTitle());
        m.put("validUntil", String.valueOf(r.getValidUntil()));
        m.put("subtotal", r.getSubtotal());
        m.put("taxTotal", r.getTaxTotal());
        m.put("total", r.getTotal());
        m.put("maxDiscount", r.getMaxDiscount());
        return m;
    }
}
