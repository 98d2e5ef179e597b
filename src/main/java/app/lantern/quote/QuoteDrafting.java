package app.lantern.quote;

import static lantern.db.Tables.QUOTES;
import static lantern.db.Tables.QUOTE_APPROVALS;
import static lantern.db.Tables.QUOTE_LINES;
import static lantern.db.Tables.QUOTE_NUMBER_SEQUENCES;

import app.lantern.audit.AuditLog;
import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.Directory;
import app.lantern.identity.UserSummary;
import app.lantern.shared.Texts;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lantern.db.tables.records.QuotesRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafting quotes: build one from an opportunity and catalog items with discounts, number it, preview what it comes to,
 * edit a draft or rejected quote in place, and revise a quote that left the draft stage (rev n+1, same number). Every
 * change is limited to the caller's data scope and audited; {@link QuotePricing} checks every draft the same way.
 */
@Service
@Transactional
public class QuoteDrafting {

    static final int MAX_LINES = 100;

    private final DSLContext db;
    private final Quotes quotes;
    private final QuotePricing pricing;
    private final ApprovalRules rules;
    private final CurrentActor currentActor;
    private final Directory directory;
    private final Catalog catalog;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    QuoteDrafting(
            DSLContext db,
            Quotes quotes,
            QuotePricing pricing,
            ApprovalRules rules,
            CurrentActor currentActor,
            Directory directory,
            Catalog catalog,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.db = db;
        this.quotes = quotes;
        this.pricing = pricing;
        this.rules = rules;
        this.currentActor = currentActor;
        this.directory = directory;
        this.catalog = catalog;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What a quote is built from. {@code expectedTotal}, when given, must equal the computed total to the fen (a client
     * that computed a different total gets 422 and nothing is stored).
     */
    public record QuoteDraft(
            Long customerId,
            Long opportunityId,
            Long priceBookId,
            String title,
            String terms,
            Integer validDays,
            List<LineInput> lines,
            BigDecimal expectedTotal) {}

    public record LineInput(Long productId, BigDecimal quantity, BigDecimal discount) {}

    public QuoteView create(QuoteDraft draft) {
        Actor actor = currentActor.require();
        int validDays = pricing.validDays(draft.validDays());
        QuotePricing.Checked checked = pricing.check(draft);
        OffsetDateTime now = OffsetDateTime.now(clock);
        QuotesRecord r = db.newRecord(QUOTES);
        r.setNumber(nextNumber(now.getYear()));
        r.setRevision(1);
        r.setOwnerId(actor.userId());
        r.setCreatedAt(now);
        fill(r, checked, validDays, now);
        if (r.getTitle() == null) {
            r.setTitle(checked.opportunity().name());
        }
        r.store();
        storeLines(db, r.getId(), checked.totals());
        audit.created("quote", r.getId(), QuoteViews.snapshot(r));
        events.publishEvent(new QuoteChanged(r.getId(), r.getOpportunityId()));
        return quotes.get(r.getId());
    }

    /**
     * What a draft would come to, without storing anything: the same checks as {@link #create} and {@link #update}
     * (a {@link app.lantern.shared.ValidationException} names the bad field), the totals with 大写金额, the budget
     * warning and the approval steps that submitting would open. {@code quoteId} is the quote being edited, or null for
     * a new one (its owner's discount limit applies; otherwise the caller's).
     */
    @Transactional(readOnly = true)
    public QuotePreview preview(Long quoteId, QuoteDraft draft) {
        long ownerId = quoteId == null
                ? currentActor.require().userId()
                : quotes.visible(quoteId).getOwnerId();
        pricing.validDays(draft.validDays());
        QuotePricing.Checked checked = pricing.check(draft);
        QuoteCalculator.Totals t = checked.totals();
        BigDecimal limit = catalog.discountLimitOf(
                directory.user(ownerId).map(UserSummary::roles).orElse(Set.of()));
        return new QuotePreview(
                t.lines().stream()
                        .map(l -> new QuotePreview.Line(l.input().name(), l.gross()))
                        .toList(),
                t.listTotal(),
                t.discountTotal(),
                t.subtotal(),
                t.taxTotal(),
                t.total(),
                ChineseAmount.of(t.total()),
                t.maxDiscount(),
                limit,
                QuotePricing.budgetWarning(checked.opportunity().budgetRange(), t.total()),
                rules.requiredSteps(ownerId, t.maxDiscount(), t.total()));
    }

    /** Changes a draft or rejected quote in place (same number and revision). */
    public QuoteView update(long id, QuoteDraft draft) {
        QuotesRecord r = quotes.visibleForUpdate(id);
        Quote.of(r).requireEditable();
        QuotePricing.Checked checked = pricing.check(draft);
        Map<String, Object> before = QuoteViews.snapshot(r);
        int validDays = pricing.validDays(draft.validDays());
        fill(r, checked, validDays, OffsetDateTime.now(clock));
        Quote.of(r).save(db);
        db.deleteFrom(QUOTE_LINES).where(QUOTE_LINES.QUOTE_ID.eq(id)).execute();
        storeLines(db, id, checked.totals());
        audit.updated("quote", id, before, QuoteViews.snapshot(r));
        events.publishEvent(new QuoteChanged(id, r.getOpportunityId()));
        return quotes.get(id);
    }

    /**
     * A new revision (rev n+1, same number) from a quote that left the draft stage; the old one becomes SUPERSEDED, its
     * signing links stop working. Signed and stamped quotes are final and cannot be revised. The old quote's row is
     * locked first, so a customer signing at the same moment either signs before (and the revision is refused) or finds
     * the quote superseded.
     */
    public QuoteView revise(long id, QuoteDraft draft) {
        QuotesRecord old = quotes.visibleForUpdate(id);
        Quote.of(old).requireRevisable();
        QuoteDraft effective = draft != null ? draft : draftOf(old);
        QuotePricing.Checked checked = pricing.checkAsGiven(effective);
        int validDays = pricing.validDays(effective.validDays());
        OffsetDateTime now = OffsetDateTime.now(clock);
        int nextRevision = db.select(DSL.max(QUOTES.REVISION))
                        .from(QUOTES)
                        .where(QUOTES.NUMBER.eq(old.getNumber()))
                        .fetchOne()
                        .value1()
                + 1;
        QuotesRecord r = db.newRecord(QUOTES);
        r.setNumber(old.getNumber());
        r.setRevision(nextRevision);
        r.setOwnerId(old.getOwnerId());
        r.setCreatedAt(now);
        fill(r, checked, validDays, now);
        r.store();
        storeLines(db, r.getId(), checked.totals());
        Map<String, Object> before = Map.of("status", old.getStatus());
        Quote.of(old).supersede(r.getId(), now).save(db);
        db.update(QUOTE_APPROVALS)
                .set(QUOTE_APPROVALS.STATUS, ApprovalStatus.CANCELLED.name())
                .where(QUOTE_APPROVALS.QUOTE_ID.eq(id))
                .and(QUOTE_APPROVALS.STATUS.in(ApprovalStatus.PENDING.name(), ApprovalStatus.WAITING.name()))
                .execute();
        SigningLinks.revokeAll(db, id, now);
        audit.updated("quote", id, before, Map.of("status", QuoteStatus.SUPERSEDED.name()));
        audit.recorded("quote", id, "quote.revised", Map.of("newQuoteId", r.getId(), "revision", nextRevision));
        audit.created("quote", r.getId(), QuoteViews.snapshot(r));
        events.publishEvent(new QuoteChanged(r.getId(), r.getOpportunityId()));
        return quotes.get(r.getId());
    }

    /** What create, update and revise all set from a checked draft: a draft again, valid from {@code now}. */
    private static void fill(QuotesRecord r, QuotePricing.Checked checked, int validDays, OffsetDateTime now) {
        QuoteDraft d = checked.draft();
        QuoteCalculator.Totals t = checked.totals();
        r.setCustomerId(checked.customer().id());
        r.setCustomerName(checked.customer().name());
        r.setOpportunityId(checked.opportunity().id());
        r.setPriceBookId(d.priceBookId());
        r.setStatus(QuoteStatus.DRAFT.name());
        r.setTitle(Texts.clean(d.title()));
        r.setTerms(Texts.clean(d.terms()));
        r.setValidDays(validDays);
        r.setValidUntil(now.toLocalDate().plusDays(validDays));
        r.setUpdatedAt(now);
        r.setSubtotal(t.subtotal());
        r.setDiscountTotal(t.discountTotal());
        r.setTaxTotal(t.taxTotal());
        r.setTotal(t.total());
        r.setMaxDiscount(t.maxDiscount());
        r.setBudgetWarning(QuotePricing.budgetWarning(checked.opportunity().budgetRange(), t.total()));
    }

    /** Writes a quote's priced lines in order; drafting and the demo data write them the same way. */
    static void storeLines(DSLContext db, long quoteId, QuoteCalculator.Totals t) {
        int pos = 1;
        for (QuoteCalculator.PricedLine l : t.lines()) {
            var in = l.input();
            db.insertInto(QUOTE_LINES)
                    .set(QUOTE_LINES.QUOTE_ID, quoteId)
                    .set(QUOTE_LINES.POSITION, pos++)
                    .set(QUOTE_LINES.PRODUCT_ID, in.productId())
                    .set(QUOTE_LINES.SKU, in.sku())
                    .set(QUOTE_LINES.NAME, in.name())
                    .set(QUOTE_LINES.UNIT, in.unit())
                    .set(QUOTE_LINES.QUANTITY, in.quantity())
                    .set(QUOTE_LINES.LIST_PRICE, in.listPrice())
                    .set(QUOTE_LINES.DISCOUNT, in.discount())
                    .set(QUOTE_LINES.UNIT_PRICE, l.unitPrice())
                    .set(QUOTE_LINES.TAX_RATE, in.taxRate())
                    .set(QUOTE_LINES.NET_AMOUNT, l.net())
                    .set(QUOTE_LINES.TAX_AMOUNT, l.tax())
                    .set(QUOTE_LINES.GROSS_AMOUNT, l.gross())
                    .set(QUOTE_LINES.UNIT_COST, in.unitCost())
                    .execute();
        }
    }

    private QuoteDraft draftOf(QuotesRecord r) {
        List<LineInput> lines = db.selectFrom(QUOTE_LINES)
                .where(QUOTE_LINES.QUOTE_ID.eq(r.getId()))
                .orderBy(QUOTE_LINES.POSITION)
                .fetch(l -> new LineInput(l.getProductId(), l.getQuantity(), l.getDiscount()));
        return new QuoteDraft(
                r.getCustomerId(),
                r.getOpportunityId(),
                r.getPriceBookId(),
                r.getTitle(),
                r.getTerms(),
                r.getValidDays(),
                lines,
                null);
    }

    /** The next number of the year, QT-2026-000123, from a locked counter row. */
    String nextNumber(int year) {
        var row = db.selectFrom(QUOTE_NUMBER_SEQUENCES)
                .where(QUOTE_NUMBER_SEQUENCES.SEQ_YEAR.eq(year))
                .forUpdate()
                .fetchOptional();
        long next;
        if (row.isEmpty()) {
            next = 1;
            db.insertInto(QUOTE_NUMBER_SEQUENCES)
                    .set(QUOTE_NUMBER_SEQUENCES.SEQ_YEAR, year)
                    .set(QUOTE_NUMBER_SEQUENCES.NEXT_VALUE, 2L)
                    .execute();
        } else {
            next = row.get().getNextValue();
            db.update(QUOTE_NUMBER_SEQUENCES)
                    .set(QUOTE_NUMBER_SEQUENCES.NEXT_VALUE, next + 1)
                    .where(QUOTE_NUMBER_SEQUENCES.SEQ_YEAR.eq(year))
                    .execute();
        }
        return "QT-%d-%06d".formatted(year, next);
    }
}
