package app.lantern.quote;

import static lantern.db.Tables.QUOTES;
import static lantern.db.Tables.QUOTE_APPROVALS;
import static lantern.db.Tables.QUOTE_APPROVAL_RULES;
import static lantern.db.Tables.QUOTE_FEEDBACK_TAGS;
import static lantern.db.Tables.QUOTE_LINES;
import static lantern.db.Tables.QUOTE_NUMBER_SEQUENCES;
import static lantern.db.Tables.QUOTE_PRICE_BOOK_ENTRIES;
import static lantern.db.Tables.QUOTE_PRODUCTS;
import static lantern.db.Tables.QUOTE_SIGNATURES;
import static lantern.db.Tables.QUOTE_TALKING_POINTS;

import app.lantern.audit.AuditLog;
import app.lantern.calendar.WorkingCalendar;
import app.lantern.customer.CustomerRef;
import app.lantern.customer.Customers;
import app.lantern.customer.CustomersMerged;
import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.DataScope;
import app.lantern.identity.DataScopes;
import app.lantern.identity.Directory;
import app.lantern.identity.RecordKind;
import app.lantern.identity.Role;
import app.lantern.identity.UserSummary;
import app.lantern.pipeline.BudgetRange;
import app.lantern.pipeline.Opportunities;
import app.lantern.pipeline.OpportunityRef;
import app.lantern.pipeline.OpportunityStatus;
import app.lantern.shared.ConflictException;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.ForbiddenException;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.PageQuery;
import app.lantern.shared.PageResult;
import app.lantern.shared.Texts;
import app.lantern.shared.ValidationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lantern.db.tables.records.QuoteApprovalsRecord;
import lantern.db.tables.records.QuoteProductsRecord;
import lantern.db.tables.records.QuotesRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quotes: build from catalog items with discounts, number and revise, submit to approval, approve or reject, send with
 * a signing link, record the follow-up's feedback. Every read and write is limited to the caller's data scope
 * (RecordKind.QUOTE: reps their own, managers their subtree, finance and executives all) and every change is audited.
 */
@Service
@Transactional
public class Quotes {

    static final int MAX_LINES = 100;
    private static final Set<String> SORTS = Set.of("createdAt", "total", "number", "validUntil", "status");

    private final DSLContext db;
    private final DataScopes scopes;
    private final CurrentActor currentActor;
    private final Directory directory;
    private final Catalog catalog;
    private final Customers customers;
    private final Opportunities opportunities;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final int defaultValidDays;
    private final FeedbackTagLabels tagLabels;

    Quotes(
            DSLContext db,
            DataScopes scopes,
            CurrentActor currentActor,
            Directory directory,
            Catalog catalog,
            Customers customers,
            Opportunities opportunities,
            AuditLog audit,
            ApplicationEventPublisher events,
            WorkingCalendar calendar,
            Clock clock,
            FeedbackTagLabels tagLabels,
            @Value("${lantern.quote.default-valid-days:7}") int defaultValidDays) {
        this.tagLabels = tagLabels;
        this.db = db;
        this.scopes = scopes;
        this.currentActor = currentActor;
        this.directory = directory;
        this.catalog = catalog;
        this.customers = customers;
        this.opportunities = opportunities;
        this.audit = audit;
        this.events = events;
        this.calendar = calendar;
        this.clock = clock;
        this.defaultValidDays = defaultValidDays;
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

    public record QuoteFilter(String status, Long ownerId, Long customerId, Long opportunityId, String q) {

        public static QuoteFilter none() {
            return new QuoteFilter(null, null, null, null, null);
        }
    }

    public int defaultValidDays() {
        return defaultValidDays;
    }

    // ---- reads

    @Transactional(readOnly = true)
    public PageResult<QuoteView> list(QuoteFilter filter, PageQuery page) {
        DataScope scope = scopes.current(RecordKind.QUOTE);
        Condition c = scope.condition(QUOTES.OWNER_ID);
        if (!Texts.isBlank(filter.status())) {
            QuoteStatus status;
            try {
                status = QuoteStatus.valueOf(filter.status());
            } catch (IllegalArgumentException e) {
                throw ValidationException.field("status", "unknown status");
            }
            LocalDate today = LocalDate.now(clock);
            if (status == QuoteStatus.EXPIRED) {
                c = c.and(QUOTES.STATUS.eq("SENT")).and(QUOTES.VALID_UNTIL.lt(today));
            } else if (status == QuoteStatus.SENT) {
                c = c.and(QUOTES.STATUS.eq("SENT")).and(QUOTES.VALID_UNTIL.ge(today));
            } else {
                c = c.and(QUOTES.STATUS.eq(status.name()));
            }
        }
        if (filter.ownerId() != null) {
            c = c.and(QUOTES.OWNER_ID.eq(filter.ownerId()));
        }
        if (filter.customerId() != null) {
            c = c.and(QUOTES.CUSTOMER_ID.eq(filter.customerId()));
        }
        if (filter.opportunityId() != null) {
            c = c.and(QUOTES.OPPORTUNITY_ID.eq(filter.opportunityId()));
        }
        if (!Texts.isBlank(filter.q())) {
            String like = "%"
                    + filter.q()
                            .strip()
                            .replace("\\", "\\\\")
                            .replace("%", "\\%")
                            .replace("_", "\\_") + "%";
            c = c.and(QUOTES.NUMBER
                    .likeIgnoreCase(like, '\\')
                    .or(QUOTES.CUSTOMER_NAME.likeIgnoreCase(like, '\\'))
                    .or(QUOTES.TITLE.likeIgnoreCase(like, '\\')));
        }
        long total = db.fetchCount(QUOTES, c);
        Field<?> sortField = switch (page.sortField()) {
            case "total" -> QUOTES.TOTAL;
            case "number" -> QUOTES.NUMBER;
            case "validUntil" -> QUOTES.VALID_UNTIL;
            case "status" -> QUOTES.STATUS;
            default -> QUOTES.CREATED_AT;
        };
        SortField<?> sort = page.descending() ? sortField.desc() : sortField.asc();
        List<QuotesRecord> rows = db.selectFrom(QUOTES)
                .where(c)
                .orderBy(sort, QUOTES.ID.desc())
                .limit(page.size())
                .offset(page.offset())
                .fetch();
        boolean cost = catalog.canSeeCost();
        Map<Long, String> names = userNames();
        Map<String, String> tags = tagLabels();
        return PageResult.of(
                rows.stream()
                        .map(r -> view(r, List.of(), List.of(), null, cost, names, tags))
                        .toList(),
                page,
                total);
    }

    /** Numbers for the landing page, in the caller's scope. */
    public record Dashboard(
            int awaitingMyApproval,
            int awaitingSignature,
            int awaitingSeal,
            int feedbackMissing,
            BigDecimal signedThisMonth) {}

    @Transactional(readOnly = true)
    public Dashboard dashboard() {
        Condition scope = scopes.current(RecordKind.QUOTE).condition(QUOTES.OWNER_ID);
        LocalDate today = LocalDate.now(clock);
        int signature =
                db.fetchCount(QUOTES, scope.and(QUOTES.STATUS.eq("SENT")).and(QUOTES.VALID_UNTIL.ge(today)));
        int seal = db.fetchCount(QUOTES, scope.and(QUOTES.STATUS.eq("SIGNED")));
        int feedback = db.fetchCount(QUOTES, scope.and(QUOTES.STATUS.eq("SENT")).and(QUOTES.FEEDBACK_TAG.isNull()));
        OffsetDateTime monthStart =
                today.withDayOfMonth(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
        BigDecimal signed = db.select(DSL.coalesce(DSL.sum(QUOTES.TOTAL), BigDecimal.ZERO))
                .from(QUOTES)
                .where(scope)
                .and(QUOTES.SIGNED_AT.ge(monthStart))
                .fetchOne()
                .value1();
        return new Dashboard(awaitingMyApproval().size(), signature, seal, feedback, signed);
    }

    public static Set<String> sortFields() {
        return SORTS;
    }

    /** The quote, if the caller may see it (404 otherwise). */
    @Transactional(readOnly = true)
    public QuoteView get(long id) {
        QuotesRecord r = visible(id);
        return fullView(r, catalog.canSeeCost());
    }

    /** Unscoped, for the module itself (signing page, PDF, jobs). */
    QuoteView viewUnscoped(long id, boolean cost) {
        QuotesRecord r = db.selectFrom(QUOTES)
                .where(QUOTES.ID.eq(id))
                .fetchOptional()
                .orElseThrow(() -> NotFoundException.of("quote", id));
        return fullView(r, cost);
    }

    @Transactional(readOnly = true)
    public List<FeedbackTag> feedbackTags() {
        return db.selectFrom(QUOTE_FEEDBACK_TAGS)
                .where(QUOTE_FEEDBACK_TAGS.ACTIVE.isTrue())
                .orderBy(QUOTE_FEEDBACK_TAGS.POSITION)
                .fetch(r -> new FeedbackTag(r.getCode(), tagLabels.label(r.getCode(), r.getLabel()), r.getAccepted()));
    }

    public record FeedbackTag(String code, String label, boolean accepted) {}

    /** Admins extend the feedback tags (e.g. 预算冻结); tags are never deleted, so history keeps its meaning. */
    public FeedbackTag addFeedbackTag(String code, String label, boolean accepted) {
        if (!currentActor.require().has(Role.ADMIN)) {
            throw new ForbiddenException("only administrators add feedback tags");
        }
        FieldErrors errors = new FieldErrors();
        Texts.require(errors, "code", code, 40);
        Texts.require(errors, "label", label, 40);
        if (code != null && !code.strip().matches("[A-Z][A-Z0-9_]*")) {
            errors.add("code", "must be upper-case letters, digits and underscores");
        }
        errors.throwIfAny();
        if (db.fetchExists(QUOTE_FEEDBACK_TAGS, QUOTE_FEEDBACK_TAGS.CODE.eq(code.strip()))) {
            throw ValidationException.field("code", "this tag exists");
        }
        int position = db.select(DSL.coalesce(DSL.max(QUOTE_FEEDBACK_TAGS.POSITION), 0))
                        .from(QUOTE_FEEDBACK_TAGS)
                        .fetchOne()
                        .value1()
                + 1;
        db.insertInto(QUOTE_FEEDBACK_TAGS)
                .set(QUOTE_FEEDBACK_TAGS.CODE, code.strip())
                .set(QUOTE_FEEDBACK_TAGS.LABEL, label.strip())
                .set(QUOTE_FEEDBACK_TAGS.ACCEPTED, accepted)
                .set(QUOTE_FEEDBACK_TAGS.POSITION, position)
                .execute();
        audit.created("quote-feedback-tag", code.strip(), Map.of("label", label.strip(), "accepted", accepted));
        return new FeedbackTag(code.strip(), label.strip(), accepted);
    }

    // ---- writes

    public QuoteView create(QuoteDraft draft) {
        Actor actor = currentActor.require();
        int validDays = validDays(draft.validDays());
        validateHeader(draft);
        OpportunityRef opportunity = quotableOpportunity(draft);
        CustomerRef customer = customers
                .find(opportunity.customerId())
                .orElseThrow(() -> NotFoundException.of("customer", opportunity.customerId()));
        draft = withDefaultPriceBook(draft, customer);
        Priced priced = price(draft, customer);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String number = nextNumber(now.getYear());
        QuotesRecord r = db.newRecord(QUOTES);
        r.setNumber(number);
        r.setRevision(1);
        r.setOwnerId(actor.userId());
        r.setCustomerId(customer.id());
        r.setCustomerName(customer.name());
        r.setOpportunityId(opportunity.id());
        r.setPriceBookId(draft.priceBookId());
        r.setStatus(QuoteStatus.DRAFT.name());
        r.setTitle(Texts.clean(draft.title()) != null ? Texts.clean(draft.title()) : opportunity.name());
        r.setTerms(Texts.clean(draft.terms()));
        r.setValidDays(validDays);
        r.setValidUntil(now.toLocalDate().plusDays(validDays));
        r.setCreatedAt(now);
        r.setUpdatedAt(now);
        applyTotals(r, priced.totals());
        r.setBudgetWarning(budgetWarning(opportunity.budgetRange(), r.getTotal()));
        r.store();
        storeLines(r.getId(), priced.totals());
        audit.created("quote", r.getId(), snapshot(r));
        events.publishEvent(new QuoteChanged(r.getId(), r.getOpportunityId()));
        return get(r.getId());
    }

    /**
     * What a draft would come to, without storing anything: the same checks as {@link #create} and {@link #update}
     * (a {@link ValidationException} names the bad field), the totals with 大写金额, the budget warning and the approval
     * steps that submitting would open. {@code quoteId} is the quote being edited, or null for a new one (its owner's
     * discount limit applies; otherwise the caller's).
     */
    @Transactional(readOnly = true)
    public QuotePreview preview(Long quoteId, QuoteDraft draft) {
        long ownerId = quoteId == null
                ? currentActor.require().userId()
                : visible(quoteId).getOwnerId();
        validDays(draft.validDays());
        validateHeader(draft);
        OpportunityRef opportunity = quotableOpportunity(draft);
        CustomerRef customer = customers
                .find(opportunity.customerId())
                .orElseThrow(() -> NotFoundException.of("customer", opportunity.customerId()));
        QuoteCalculator.Totals t =
                price(withDefaultPriceBook(draft, customer), customer).totals();
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
                budgetWarning(opportunity.budgetRange(), t.total()),
                requiredSteps(ownerId, t.maxDiscount(), t.total()));
    }

    /** Changes a draft or rejected quote in place (same number and revision). */
    public QuoteView update(long id, QuoteDraft draft) {
        QuotesRecord r = visibleForUpdate(id);
        QuoteStatus status = QuoteStatus.valueOf(r.getStatus());
        if (!status.editable()) {
            throw new ConflictException(
                    "only draft or rejected quotes can be edited; revise a " + status + " quote instead",
                    Map.of("status", status.name()));
        }
        validateHeader(draft);
        OpportunityRef opportunity = quotableOpportunity(draft);
        CustomerRef customer = customers
                .find(opportunity.customerId())
                .orElseThrow(() -> NotFoundException.of("customer", opportunity.customerId()));
        draft = withDefaultPriceBook(draft, customer);
        Priced priced = price(draft, customer);
        Map<String, Object> before = snapshot(r);
        int validDays = validDays(draft.validDays());
        r.setCustomerId(customer.id());
        r.setCustomerName(customer.name());
        r.setOpportunityId(opportunity.id());
        r.setPriceBookId(draft.priceBookId());
        r.setTitle(Texts.clean(draft.title()));
        r.setTerms(Texts.clean(draft.terms()));
        r.setValidDays(validDays);
        r.setValidUntil(LocalDate.now(clock).plusDays(validDays));
        r.setStatus(QuoteStatus.DRAFT.name());
        r.setUpdatedAt(OffsetDateTime.now(clock));
        applyTotals(r, priced.totals());
        r.setBudgetWarning(budgetWarning(opportunity.budgetRange(), r.getTotal()));
        r.setVersion(r.getVersion() + 1);
        r.update();
        db.deleteFrom(QUOTE_LINES).where(QUOTE_LINES.QUOTE_ID.eq(id)).execute();
        storeLines(id, priced.totals());
        audit.updated("quote", id, before, snapshot(r));
        events.publishEvent(new QuoteChanged(id, r.getOpportunityId()));
        return get(id);
    }

    /**
     * A new revision (rev n+1, same number) from a quote that left the draft stage; the old one becomes SUPERSEDED, its
     * signing links stop working. Signed and stamped quotes are final and cannot be revised.
     */
    public QuoteView revise(long id, QuoteDraft draft) {
        QuotesRecord old = visibleForUpdate(id);
        QuoteStatus status = QuoteStatus.valueOf(old.getStatus());
        if (status == QuoteStatus.SIGNED || status == QuoteStatus.STAMPED || status == QuoteStatus.SUPERSEDED) {
            throw new ConflictException("a " + status + " quote cannot be revised", Map.of("status", status.name()));
        }
        QuoteDraft effective = draft != null ? draft : draftOf(old);
        validateHeader(effective);
        OpportunityRef opportunity = quotableOpportunity(effective);
        CustomerRef customer = customers
                .find(opportunity.customerId())
                .orElseThrow(() -> NotFoundException.of("customer", opportunity.customerId()));
        Priced priced = price(effective, customer);
        int validDays = validDays(effective.validDays());
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
        r.setCustomerId(customer.id());
        r.setCustomerName(customer.name());
        r.setOpportunityId(opportunity.id());
        r.setPriceBookId(effective.priceBookId());
        r.setStatus(QuoteStatus.DRAFT.name());
        r.setTitle(Texts.clean(effective.title()));
        r.setTerms(Texts.clean(effective.terms()));
        r.setValidDays(validDays);
        r.setValidUntil(now.toLocalDate().plusDays(validDays));
        r.setCreatedAt(now);
        r.setUpdatedAt(now);
        applyTotals(r, priced.totals());
        r.setBudgetWarning(budgetWarning(opportunity.budgetRange(), r.getTotal()));
        r.store();
        storeLines(r.getId(), priced.totals());
        Map<String, Object> before = Map.of("status", old.getStatus());
        old.setStatus(QuoteStatus.SUPERSEDED.name());
        old.setSupersededBy(r.getId());
        old.setUpdatedAt(now);
        old.setVersion(old.getVersion() + 1);
        old.update();
        db.update(QUOTE_APPROVALS)
                .set(QUOTE_APPROVALS.STATUS, "CANCELLED")
                .where(QUOTE_APPROVALS.QUOTE_ID.eq(id).and(QUOTE_APPROVALS.STATUS.in("PENDING", "WAITING")))
                .execute();
        SigningLinks.revokeAll(db, id, now);
        audit.updated("quote", id, before, Map.of("status", QuoteStatus.SUPERSEDED.name()));
        audit.recorded("quote", id, "quote.revised", Map.of("newQuoteId", r.getId(), "revision", nextRevision));
        audit.created("quote", r.getId(), snapshot(r));
        events.publishEvent(new QuoteChanged(r.getId(), r.getOpportunityId()));
        return get(r.getId());
    }

    /**
     * Sends the quote into approval: the approval rules that match its largest discount and its total decide the steps
     * (manager, then finance). A discount above the owner's role limit always needs at least the manager. With no
     * matching rule the quote is approved at once.
     */
    public QuoteView submit(long id) {
        QuotesRecord r = visibleForUpdate(id);
        QuoteStatus status = QuoteStatus.valueOf(r.getStatus());
        if (!status.editable()) {
            throw new ConflictException(
                    "only draft or rejected quotes can be submitted", Map.of("status", status.name()));
        }
        int lines = db.fetchCount(QUOTE_LINES, QUOTE_LINES.QUOTE_ID.eq(id));
        if (lines == 0) {
            throw ValidationException.unprocessable("lines", "a quote needs at least one line");
        }
        List<String> steps = requiredSteps(r);
        OffsetDateTime now = OffsetDateTime.now(clock);
        r.setSubmittedAt(now);
        r.setUpdatedAt(now);
        if (steps.isEmpty()) {
            r.setStatus(QuoteStatus.APPROVED.name());
            r.setApprovedAt(now);
        } else {
            r.setStatus(QuoteStatus.PENDING_APPROVAL.name());
            for (int i = 0; i < steps.size(); i++) {
                String role = steps.get(i);
                Long approver = role.equals("MANAGER")
                        ? directory
                                .directManagerOf(r.getOwnerId())
                                .map(UserSummary::id)
                                .orElse(null)
                        : null;
                db.insertInto(QUOTE_APPROVALS)
                        .set(QUOTE_APPROVALS.QUOTE_ID, id)
                        .set(QUOTE_APPROVALS.STEP, i + 1)
                        .set(QUOTE_APPROVALS.ROLE, role)
                        .set(QUOTE_APPROVALS.APPROVER_ID, approver)
                        .set(QUOTE_APPROVALS.STATUS, i == 0 ? "PENDING" : "WAITING")
                        .set(QUOTE_APPROVALS.REQUESTED_AT, i == 0 ? now : null)
                        .execute();
            }
        }
        r.setVersion(r.getVersion() + 1);
        r.update();
        audit.updated("quote", id, Map.of("status", status.name()), Map.of("status", r.getStatus()));
        audit.recorded("quote", id, "quote.submitted", Map.of("steps", String.join(",", steps)));
        events.publishEvent(new QuoteSubmitted(id, r.getOwnerId(), !steps.isEmpty()));
        events.publishEvent(new QuoteChanged(id, r.getOpportunityId()));
        return get(id);
    }

    public QuoteView approve(long id, String comment) {
        return decide(id, true, comment);
    }

    public QuoteView reject(long id, String comment) {
        if (Texts.isBlank(comment)) {
            throw ValidationException.field("comment", "say why the quote is rejected");
        }
        return decide(id, false, comment);
    }

    private QuoteView decide(long id, boolean approve, String comment) {
        Actor actor = currentActor.require();
        FieldErrors errors = new FieldErrors();
        Texts.maxLength(errors, "comment", comment, 1000);
        errors.throwIfAny();
        QuotesRecord r = visibleForUpdate(id);
        if (!QuoteStatus.PENDING_APPROVAL.name().equals(r.getStatus())) {
            throw new ConflictException("the quote is not waiting for approval", Map.of("status", r.getStatus()));
        }
        QuoteApprovalsRecord step = db.selectFrom(QUOTE_APPROVALS)
                .where(QUOTE_APPROVALS.QUOTE_ID.eq(id).and(QUOTE_APPROVALS.STATUS.eq("PENDING")))
                .orderBy(QUOTE_APPROVALS.STEP)
                .limit(1)
                .fetchOptional()
                .orElseThrow(() -> new ConflictException("no approval step is open"));
        if (!mayDecide(actor, step, r.getOwnerId())) {
            throw new ForbiddenException(
                    "this approval step waits for " + step.getRole().toLowerCase() + " approval");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        step.setStatus(approve ? "APPROVED" : "REJECTED");
        step.setDecidedAt(now);
        step.setDecidedBy(actor.userId());
        step.setComment(Texts.clean(comment));
        step.update();
        String before = r.getStatus();
        if (!approve) {
            r.setStatus(QuoteStatus.REJECTED.name());
            db.update(QUOTE_APPROVALS)
                    .set(QUOTE_APPROVALS.STATUS, "CANCELLED")
                    .where(QUOTE_APPROVALS.QUOTE_ID.eq(id).and(QUOTE_APPROVALS.STATUS.eq("WAITING")))
                    .execute();
        } else {
            Optional<QuoteApprovalsRecord> next = db.selectFrom(QUOTE_APPROVALS)
                    .where(QUOTE_APPROVALS.QUOTE_ID.eq(id).and(QUOTE_APPROVALS.STATUS.eq("WAITING")))
                    .orderBy(QUOTE_APPROVALS.STEP)
                    .limit(1)
                    .fetchOptional();
            if (next.isPresent()) {
                next.get().setStatus("PENDING");
                next.get().setRequestedAt(now);
                next.get().update();
                events.publishEvent(new ApprovalStepOpened(
                        id, next.get().getId(), next.get().getRole(), next.get().getApproverId()));
            } else {
                r.setStatus(QuoteStatus.APPROVED.name());
                r.setApprovedAt(now);
            }
        }
        r.setUpdatedAt(now);
        r.setVersion(r.getVersion() + 1);
        r.update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("step", step.getStep());
        details.put("role", step.getRole());
        details.put("comment", Texts.clean(comment));
        details.put("workingHoursWaited", workingHours(step.getRequestedAt(), now));
        audit.recorded("quote", id, approve ? "quote.approval.approved" : "quote.approval.rejected", details);
        audit.updated("quote", id, Map.of("status", before), Map.of("status", r.getStatus()));
        events.publishEvent(new QuoteChanged(id, r.getOpportunityId()));
        return get(id);
    }

    static boolean mayDecide(Actor actor, QuoteApprovalsRecord step, long ownerId) {
        if (actor.userId() == ownerId) {
            return false;
        }
        if (step.getRole().equals("FINANCE")) {
            return actor.has(Role.FINANCE);
        }
        return (step.getApproverId() != null && step.getApproverId() == actor.userId())
                || actor.has(Role.EXECUTIVE)
                || actor.has(Role.ADMIN);
    }

    /** Approval steps the actor can decide now, oldest first (their approval inbox). */
    @Transactional(readOnly = true)
    public List<QuoteView> awaitingMyApproval() {
        Actor actor = currentActor.require();
        List<Long> ids = db.select(QUOTE_APPROVALS.QUOTE_ID)
                .from(QUOTE_APPROVALS)
                .join(QUOTES)
                .on(QUOTES.ID.eq(QUOTE_APPROVALS.QUOTE_ID))
                .where(QUOTE_APPROVALS.STATUS.eq("PENDING"))
                .and(QUOTES.STATUS.eq("PENDING_APPROVAL"))
                .orderBy(QUOTE_APPROVALS.REQUESTED_AT)
                .fetch(QUOTE_APPROVALS.QUOTE_ID);
        List<QuoteView> result = new ArrayList<>();
        for (Long qid : ids) {
            QuotesRecord r = db.selectFrom(QUOTES).where(QUOTES.ID.eq(qid)).fetchOne();
            QuoteApprovalsRecord step = db.selectFrom(QUOTE_APPROVALS)
                    .where(QUOTE_APPROVALS.QUOTE_ID.eq(qid).and(QUOTE_APPROVALS.STATUS.eq("PENDING")))
                    .fetchAny();
            if (r != null && step != null && mayDecide(actor, step, r.getOwnerId())) {
                result.add(fullView(r, catalog.canSeeCost()));
            }
        }
        return result;
    }

    /**
     * Closes the quote's follow-up with one feedback tag (and an optional note). Needed before a sent quote's follow-up
     * counts as done; the tag feeds the opportunity's health.
     */
    public QuoteView recordFeedback(long id, String tag, String note) {
        QuotesRecord r = visibleForUpdate(id);
        FieldErrors errors = new FieldErrors();
        errors.addIf(Texts.isBlank(tag), "tag", "choose one feedback tag");
        Texts.maxLength(errors, "note", note, 1000);
        errors.throwIfAny();
        FeedbackTag chosen = feedbackTags().stream()
                .filter(t -> t.code().equals(tag.strip()))
                .findFirst()
                .orElseThrow(() -> ValidationException.field("tag", "unknown feedback tag"));
        QuoteStatus status = QuoteStatus.valueOf(r.getStatus());
        if (status != QuoteStatus.SENT && status != QuoteStatus.SIGNED && status != QuoteStatus.STAMPED) {
            throw new ConflictException(
                    "feedback is recorded on quotes that were sent", Map.of("status", status.name()));
        }
        Map<String, Object> before = new HashMap<>();
        before.put("feedbackTag", r.getFeedbackTag());
        before.put("feedbackNote", r.getFeedbackNote());
        r.setFeedbackTag(chosen.code());
        r.setFeedbackNote(Texts.clean(note));
        r.setFeedbackAt(OffsetDateTime.now(clock));
        r.setUpdatedAt(r.getFeedbackAt());
        r.setVersion(r.getVersion() + 1);
        r.update();
        Map<String, Object> after = new HashMap<>();
        after.put("feedbackTag", chosen.code());
        after.put("feedbackNote", Texts.clean(note));
        audit.updated("quote", id, before, after);
        events.publishEvent(
                new QuoteFeedbackRecorded(id, r.getOwnerId(), r.getOpportunityId(), chosen.code(), chosen.accepted()));
        events.publishEvent(new QuoteChanged(id, r.getOpportunityId()));
        return get(id);
    }

    // ---- approvals SLA

    /**
     * Publishes {@link ApprovalOverdue} once for every approval step waiting more than 2 working days (the working
     * calendar decides what a working day is). Returns how many steps became overdue.
     */
    public int flagOverdueApprovals() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int flagged = 0;
        for (QuoteApprovalsRecord step : db.selectFrom(QUOTE_APPROVALS)
                .where(QUOTE_APPROVALS.STATUS.eq("PENDING").and(QUOTE_APPROVALS.OVERDUE_AT.isNull()))
                .fetch()) {
            int waited = workingDaysWaiting(step.getRequestedAt(), now);
            if (waited > 2) {
                step.setOverdueAt(now);
                step.update();
                long owner = db.select(QUOTES.OWNER_ID)
                        .from(QUOTES)
                        .where(QUOTES.ID.eq(step.getQuoteId()))
                        .fetchOne(QUOTES.OWNER_ID);
                audit.recorded(
                        "quote",
                        step.getQuoteId(),
                        "quote.approval.overdue",
                        Map.of("step", step.getStep(), "workingDays", waited));
                events.publishEvent(new ApprovalOverdue(
                        step.getQuoteId(),
                        step.getId(),
                        owner,
                        step.getApproverId(),
                        step.getRole(),
                        step.getRequestedAt(),
                        waited));
                flagged++;
            }
        }
        return flagged;
    }

    /**
     * Publishes {@link QuoteExpiringWithoutFeedback} once for each sent quote that expires by the next working day and
     * has no feedback tag yet.
     */
    public int flagQuotesExpiringWithoutFeedback() {
        LocalDate today = LocalDate.now(clock);
        LocalDate horizon = calendar.addWorkingDays(today, 1);
        int n = 0;
        for (QuotesRecord r : db.selectFrom(QUOTES)
                .where(QUOTES.STATUS.eq(QuoteStatus.SENT.name()))
                .and(QUOTES.FEEDBACK_TAG.isNull())
                .and(QUOTES.EXPIRY_WARNED_AT.isNull())
                .and(QUOTES.VALID_UNTIL.between(today, horizon))
                .fetch()) {
            r.setExpiryWarnedAt(OffsetDateTime.now(clock));
            r.update();
            events.publishEvent(new QuoteExpiringWithoutFeedback(
                    r.getId(), r.getOwnerId(), r.getOpportunityId(), r.getValidUntil()));
            n++;
        }
        return n;
    }

    /** The owner's sent, unsigned quotes valid until a day in {@code [from, through]}, soonest first (unscoped: the caller checked). */
    @Transactional(readOnly = true)
    public List<ExpiringQuote> expiringFor(long ownerId, LocalDate from, LocalDate through) {
        return db.selectFrom(QUOTES)
                .where(QUOTES.OWNER_ID.eq(ownerId))
                .and(QUOTES.STATUS.eq(QuoteStatus.SENT.name()))
                .and(QUOTES.VALID_UNTIL.between(from, through))
                .orderBy(QUOTES.VALID_UNTIL, QUOTES.ID)
                .fetch(r -> new ExpiringQuote(
                        r.getId(),
                        displayNumber(r.getNumber(), r.getRevision()),
                        r.getCustomerName(),
                        r.getOpportunityId(),
                        r.getTotal(),
                        r.getValidUntil(),
                        r.getFeedbackTag() != null));
    }

    /** Whole working days between request and now: a request on Monday 10:00 is 2 days old on Wednesday 10:00. */
    int workingDaysWaiting(OffsetDateTime requested, OffsetDateTime now) {
        var zone = calendar.zone();
        var from = requested.atZoneSameInstant(zone);
        var to = now.atZoneSameInstant(zone);
        int days = calendar.workingDaysBetween(from.toLocalDate(), to.toLocalDate());
        if (to.toLocalTime().isBefore(from.toLocalTime()) && days > 0) {
            days--;
        }
        return days;
    }

    double workingHours(OffsetDateTime from, OffsetDateTime to) {
        if (from == null || to == null) {
            return 0;
        }
        return Math.round(calendar.workingTimeBetween(from.toInstant(), to.toInstant())
                                .toMinutes()
                        / 6.0)
                / 10.0;
    }

    /** As {@link #averageApprovalLatencyHours(OffsetDateTime, OffsetDateTime)} for the days {@code from}–{@code to}, both included, in the business zone. */
    @Transactional(readOnly = true)
    public Map<String, Double> averageApprovalLatencyHours(java.time.LocalDate from, java.time.LocalDate to) {
        java.time.ZoneId zone = clock.getZone();
        return averageApprovalLatencyHours(
                from.atStartOfDay(zone).toOffsetDateTime(),
                to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
    }

    /** Approval latency (working hours from request to decision) of steps decided in the range, by role. */
    @Transactional(readOnly = true)
    public Map<String, Double> averageApprovalLatencyHours(OffsetDateTime from, OffsetDateTime to) {
        DataScope scope = scopes.current(RecordKind.QUOTE);
        Map<String, List<Double>> byRole = new LinkedHashMap<>();
        db.select(QUOTE_APPROVALS.ROLE, QUOTE_APPROVALS.REQUESTED_AT, QUOTE_APPROVALS.DECIDED_AT)
                .from(QUOTE_APPROVALS)
                .join(QUOTES)
                .on(QUOTES.ID.eq(QUOTE_APPROVALS.QUOTE_ID))
                .where(scope.condition(QUOTES.OWNER_ID))
                .and(QUOTE_APPROVALS.DECIDED_AT.ge(from))
                .and(QUOTE_APPROVALS.DECIDED_AT.lt(to))
                .forEach(r -> byRole.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(workingHours(r.value2(), r.value3())));
        Map<String, Double> result = new LinkedHashMap<>();
        byRole.forEach((role, values) -> result.put(
                role, values.stream().mapToDouble(Double::doubleValue).average().orElse(0)));
        return result;
    }

    // ---- internals

    QuotesRecord visible(long id) {
        QuotesRecord r = db.selectFrom(QUOTES)
                .where(QUOTES.ID.eq(id))
                .fetchOptional()
                .orElseThrow(() -> NotFoundException.of("quote", id));
        scopes.current(RecordKind.QUOTE).require(r.getOwnerId(), "quote", id);
        return r;
    }

    /**
     * As {@link #visible} but with the row locked until the transaction ends: every change of a quote's status reads
     * it this way, so two transitions (a customer signing while the rep revises) run one after the other and the
     * second sees what the first did.
     */
    QuotesRecord visibleForUpdate(long id) {
        QuotesRecord r = db.selectFrom(QUOTES)
                .where(QUOTES.ID.eq(id))
                .forUpdate()
                .fetchOptional()
                .orElseThrow(() -> NotFoundException.of("quote", id));
        scopes.current(RecordKind.QUOTE).require(r.getOwnerId(), "quote", id);
        return r;
    }

    private List<String> requiredSteps(QuotesRecord r) {
        return requiredSteps(r.getOwnerId(), r.getMaxDiscount(), r.getTotal());
    }

    private List<String> requiredSteps(long ownerId, BigDecimal maxDiscount, BigDecimal total) {
        Set<String> steps = new LinkedHashSet<>();
        BigDecimal ownerLimit = catalog.discountLimitOf(
                directory.user(ownerId).map(UserSummary::roles).orElse(Set.of()));
        if (maxDiscount.compareTo(ownerLimit) > 0) {
            steps.add("MANAGER");
        }
        db.selectFrom(QUOTE_APPROVAL_RULES)
                .where(QUOTE_APPROVAL_RULES.ACTIVE.isTrue())
                .forEach(rule -> {
                    boolean discountHit =
                            rule.getMinDiscount() != null && maxDiscount.compareTo(rule.getMinDiscount()) > 0;
                    boolean totalHit = rule.getMinTotal() != null && total.compareTo(rule.getMinTotal()) >= 0;
                    if (discountHit || totalHit) {
                        steps.addAll(List.of(rule.getSteps().split(",")));
                    }
                });
        List<String> ordered = new ArrayList<>();
        if (steps.contains("MANAGER") && directory.directManagerOf(ownerId).isPresent()) {
            ordered.add("MANAGER");
        }
        if (steps.contains("FINANCE")) {
            ordered.add("FINANCE");
        }
        return ordered;
    }

    private int validDays(Integer requested) {
        int days = requested == null ? defaultValidDays : requested;
        if (days < 1 || days > 180) {
            throw ValidationException.field("validDays", "must be between 1 and 180");
        }
        return days;
    }

    private void validateHeader(QuoteDraft d) {
        FieldErrors errors = new FieldErrors();
        errors.addIf(
                d.opportunityId() == null || d.opportunityId() <= 0,
                "opportunityId",
                "is required: quotes are made from an opportunity");
        Texts.maxLength(errors, "title", d.title(), 200);
        Texts.maxLength(errors, "terms", d.terms(), 4000);
        errors.addIf(d.lines() == null || d.lines().isEmpty(), "lines", "add at least one product, bundle or service");
        errors.addIf(d.lines() != null && d.lines().size() > MAX_LINES, "lines", "at most " + MAX_LINES + " lines");
        errors.throwIfAny();
    }

    record Priced(QuoteCalculator.Totals totals) {}

    private Priced price(QuoteDraft d, CustomerRef customer) {
        FieldErrors errors = new FieldErrors();
        Map<Long, BigDecimal> bookPrices = Map.of();
        if (d.priceBookId() != null) {
            Optional<PriceBook> book = catalog.priceBook(d.priceBookId()).filter(PriceBook::active);
            if (book.isEmpty()) {
                errors.add("priceBookId", "no such active price book");
            } else if (!book.get().fits(customer.tier())) {
                // a tier's agreed prices are a discount off list that no approval rule sees: refused, not routed
                errors.add(
                        "priceBookId",
                        "the price book is for tier " + book.get().customerTier() + " customers");
            } else {
                bookPrices = new HashMap<>();
                for (var e : db.selectFrom(QUOTE_PRICE_BOOK_ENTRIES)
                        .where(QUOTE_PRICE_BOOK_ENTRIES.PRICE_BOOK_ID.eq(d.priceBookId()))
                        .fetch()) {
                    bookPrices.put(e.getProductId(), e.getPrice());
                }
            }
        }
        List<QuoteCalculator.PricedInput> inputs = new ArrayList<>();
        for (int i = 0; i < d.lines().size(); i++) {
            LineInput in = d.lines().get(i);
            String f = "lines[" + i + "]";
            if (in == null || in.productId() == null) {
                errors.add(f + ".productId", "is required");
                continue;
            }
            QuoteProductsRecord p = db.selectFrom(QUOTE_PRODUCTS)
                    .where(QUOTE_PRODUCTS.ID.eq(in.productId()))
                    .fetchOptional()
                    .orElse(null);
            if (p == null || !p.getActive()) {
                errors.add(f + ".productId", "no such active product");
                continue;
            }
            BigDecimal qty = in.quantity();
            if (qty == null || qty.signum() <= 0 || qty.scale() > 2 || qty.compareTo(new BigDecimal("1000000")) > 0) {
                errors.add(f + ".quantity", "must be more than 0 and at most 1000000, with at most 2 decimals");
                continue;
            }
            BigDecimal discount = in.discount() == null ? BigDecimal.ZERO : in.discount();
            if (discount.signum() < 0 || discount.compareTo(QuoteCalculator.HUNDRED) >= 0 || discount.scale() > 2) {
                errors.add(f + ".discount", "must be a percentage from 0 to below 100, with at most 2 decimals");
                continue;
            }
            BigDecimal list = bookPrices.getOrDefault(p.getId(), p.getListPrice());
            inputs.add(new QuoteCalculator.PricedInput(
                    p.getId(), p.getSku(), p.getName(), p.getUnit(), qty, list, discount, p.getTaxRate(), p.getCost()));
        }
        errors.throwIfAny();
        QuoteCalculator.Totals totals = QuoteCalculator.total(inputs);
        if (d.expectedTotal() != null && d.expectedTotal().compareTo(totals.total()) != 0) {
            throw new ValidationException(
                    List.of(new FieldErrors.FieldError(
                            "expectedTotal",
                            "does not add up: the lines total " + totals.total().toPlainString())),
                    422);
        }
        return new Priced(totals);
    }

    /**
     * The opportunity a quote is made from: visible to the caller, open, with its budget range set (Q3), and of the
     * customer named in the draft if one is named.
     */
    private OpportunityRef quotableOpportunity(QuoteDraft d) {
        OpportunityRef o = opportunities.requireVisible(d.opportunityId());
        if (d.customerId() != null && d.customerId() != o.customerId()) {
            throw ValidationException.field("customerId", "is not the opportunity's customer");
        }
        if (o.status() != OpportunityStatus.OPEN) {
            throw ValidationException.unprocessable("opportunityId", "the opportunity is closed (" + o.status() + ")");
        }
        if (o.budgetRange() == null) {
            throw ValidationException.unprocessable(
                    "opportunityId", "set the opportunity's budget range (客户预算区间) before quoting");
        }
        return o;
    }

    /** A warning when the total lies above the customer's budget range (quoting below it is fine). */
    static String budgetWarning(BudgetRange range, BigDecimal total) {
        if (range == null || range.contains(total) || BudgetRange.of(total).ordinal() <= range.ordinal()) {
            return null;
        }
        return "报价总额 ¥" + QuotePdf.money(total) + " 高于客户预算区间 " + range.label();
    }

    /** Demo talking points configured for a budget range, in order. */
    @Transactional(readOnly = true)
    public List<String> talkingPoints(BudgetRange range) {
        if (range == null) {
            return List.of();
        }
        return db.select(QUOTE_TALKING_POINTS.TEXT)
                .from(QUOTE_TALKING_POINTS)
                .where(QUOTE_TALKING_POINTS.BUDGET_RANGE.eq(range.name()))
                .orderBy(QUOTE_TALKING_POINTS.POSITION)
                .fetch(QUOTE_TALKING_POINTS.TEXT);
    }

    /** Replaces the talking points of a budget range (admins and managers). */
    public void setTalkingPoints(BudgetRange range, List<String> points) {
        Actor actor = currentActor.require();
        if (!actor.has(Role.ADMIN) && !actor.has(Role.MANAGER)) {
            throw new ForbiddenException("only managers and administrators edit talking points");
        }
        FieldErrors errors = new FieldErrors();
        List<String> cleaned = points == null
                ? List.of()
                : points.stream()
                        .map(Texts::clean)
                        .filter(java.util.Objects::nonNull)
                        .toList();
        errors.addIf(cleaned.size() > 10, "points", "at most 10 talking points");
        for (int i = 0; i < cleaned.size(); i++) {
            Texts.maxLength(errors, "points[" + i + "]", cleaned.get(i), 1000);
        }
        errors.throwIfAny();
        List<String> before = talkingPoints(range);
        db.deleteFrom(QUOTE_TALKING_POINTS)
                .where(QUOTE_TALKING_POINTS.BUDGET_RANGE.eq(range.name()))
                .execute();
        for (int i = 0; i < cleaned.size(); i++) {
            db.insertInto(QUOTE_TALKING_POINTS)
                    .set(QUOTE_TALKING_POINTS.BUDGET_RANGE, range.name())
                    .set(QUOTE_TALKING_POINTS.TEXT, cleaned.get(i))
                    .set(QUOTE_TALKING_POINTS.POSITION, i + 1)
                    .execute();
        }
        audit.updated("quote-talking-points", range.name(), Map.of("points", before), Map.of("points", cleaned));
    }

    private QuoteDraft withDefaultPriceBook(QuoteDraft d, CustomerRef customer) {
        if (d.priceBookId() != null) {
            return d;
        }
        return catalog.priceBookForTier(customer.tier())
                .map(book -> new QuoteDraft(
                        d.customerId(),
                        d.opportunityId(),
                        book.id(),
                        d.title(),
                        d.terms(),
                        d.validDays(),
                        d.lines(),
                        d.expectedTotal()))
                .orElse(d);
    }

    /** Quotes follow a merged customer to the survivor, inside the merge transaction. */
    @org.springframework.context.event.EventListener
    public void on(CustomersMerged merged) {
        String name = customers.find(merged.survivorId()).map(CustomerRef::name).orElse(null);
        var update = db.update(QUOTES).set(QUOTES.CUSTOMER_ID, merged.survivorId());
        if (name != null) {
            update = update.set(QUOTES.CUSTOMER_NAME, name);
        }
        int n = update.where(QUOTES.CUSTOMER_ID.eq(merged.mergedId())).execute();
        if (n > 0) {
            audit.recorded(
                    "customer",
                    merged.survivorId(),
                    "quote.customer.repointed",
                    Map.of("from", merged.mergedId(), "quotes", n));
        }
    }

    private static void applyTotals(QuotesRecord r, QuoteCalculator.Totals t) {
        r.setSubtotal(t.subtotal());
        r.setDiscountTotal(t.discountTotal());
        r.setTaxTotal(t.taxTotal());
        r.setTotal(t.total());
        r.setMaxDiscount(t.maxDiscount());
    }

    private void storeLines(long quoteId, QuoteCalculator.Totals t) {
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

    static String displayNumber(String number, int revision) {
        return revision <= 1 ? number : number + " rev " + revision;
    }

    private Map<Long, String> userNames() {
        Map<Long, String> names = new HashMap<>();
        directory.users().forEach(u -> names.put(u.id(), u.displayName()));
        return names;
    }

    private Map<String, String> tagLabels() {
        Map<String, String> labels = new HashMap<>();
        db.selectFrom(QUOTE_FEEDBACK_TAGS)
                .forEach(t -> labels.put(t.getCode(), tagLabels.label(t.getCode(), t.getLabel())));
        return labels;
    }

    private QuoteView fullView(QuotesRecord r, boolean cost) {
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
                                || ("PENDING".equals(a.getStatus())
                                        && a.getRequestedAt() != null
                                        && workingDaysWaiting(a.getRequestedAt(), now) > 2)));
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
                        .divide(r.getSubtotal(), 1, java.math.RoundingMode.HALF_UP);
            }
        }
        return view(r, lines, approvals, signature, cost, names, tagLabels(), costTotal, margin);
    }

    private QuoteView view(
            QuotesRecord r,
            List<QuoteView.Line> lines,
            List<QuoteView.Approval> approvals,
            QuoteView.Signature signature,
            boolean cost,
            Map<Long, String> names,
            Map<String, String> tags) {
        return view(r, lines, approvals, signature, cost, names, tags, null, null);
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
