package app.lantern.quote;

import static lantern.db.Tables.QUOTES;
import static lantern.db.Tables.QUOTE_APPROVALS;
import static lantern.db.Tables.QUOTE_FEEDBACK_TAGS;
import static lantern.db.Tables.QUOTE_TALKING_POINTS;

import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.DataScope;
import app.lantern.identity.DataScopes;
import app.lantern.identity.RecordKind;
import app.lantern.pipeline.BudgetRange;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import lantern.db.tables.records.QuoteApprovalsRecord;
import lantern.db.tables.records.QuotesRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading quotes: lists, the landing page's numbers, one quote, the approval inbox, expiring quotes, feedback tags and
 * talking points. Every read is limited to the caller's data scope (RecordKind.QUOTE: reps their own, managers their
 * subtree, finance and executives all). Changes are made by the use cases: {@link QuoteDrafting} (create, edit,
 * revise), {@link QuoteApprovals} (submit, approve, reject), {@link QuoteFeedback}, {@link QuoteSigning} (send, sign,
 * stamp); jobs in {@link QuoteSlaJobs}, figures in {@link QuoteMetrics}.
 */
@Service
@Transactional(readOnly = true)
public class Quotes {

    private static final Set<String> SORTS = Set.of("createdAt", "total", "number", "validUntil", "status");

    private final DSLContext db;
    private final DataScopes scopes;
    private final CurrentActor currentActor;
    private final Catalog catalog;
    private final QuoteViews views;
    private final FeedbackTagLabels tagLabels;
    private final Clock clock;
    private final int defaultValidDays;

    Quotes(
            DSLContext db,
            DataScopes scopes,
            CurrentActor currentActor,
            Catalog catalog,
            QuoteViews views,
            FeedbackTagLabels tagLabels,
            Clock clock,
            @Value("${lantern.quote.default-valid-days:7}") int defaultValidDays) {
        this.db = db;
        this.scopes = scopes;
        this.currentActor = currentActor;
        this.catalog = catalog;
        this.views = views;
        this.tagLabels = tagLabels;
        this.clock = clock;
        this.defaultValidDays = defaultValidDays;
    }

    public record QuoteFilter(String status, Long ownerId, Long customerId, Long opportunityId, String q) {

        public static QuoteFilter none() {
            return new QuoteFilter(null, null, null, null, null);
        }
    }

    public int defaultValidDays() {
        return defaultValidDays;
    }

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
                c = c.and(QUOTES.STATUS.eq(QuoteStatus.SENT.name())).and(QUOTES.VALID_UNTIL.lt(today));
            } else if (status == QuoteStatus.SENT) {
                c = c.and(QUOTES.STATUS.eq(QuoteStatus.SENT.name())).and(QUOTES.VALID_UNTIL.ge(today));
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
        Map<Long, String> names = views.userNames();
        Map<String, String> tags = views.tagLabels();
        return PageResult.of(
                rows.stream().map(r -> views.summary(r, cost, names, tags)).toList(), page, total);
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
        int signature = db.fetchCount(
                QUOTES, scope.and(QUOTES.STATUS.eq(QuoteStatus.SENT.name())).and(QUOTES.VALID_UNTIL.ge(today)));
        int seal = db.fetchCount(QUOTES, scope.and(QUOTES.STATUS.eq(QuoteStatus.SIGNED.name())));
        int feedback = db.fetchCount(
                QUOTES, scope.and(QUOTES.STATUS.eq(QuoteStatus.SENT.name())).and(QUOTES.FEEDBACK_TAG.isNull()));
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
        return views.full(r, catalog.canSeeCost());
    }

    /** Unscoped, for the module itself (signing page, PDF, jobs). */
    QuoteView viewUnscoped(long id, boolean cost) {
        QuotesRecord r = db.selectFrom(QUOTES)
                .where(QUOTES.ID.eq(id))
                .fetchOptional()
                .orElseThrow(() -> NotFoundException.of("quote", id));
        return views.full(r, cost);
    }

    @Transactional(readOnly = true)
    public List<FeedbackTag> feedbackTags() {
        return db.selectFrom(QUOTE_FEEDBACK_TAGS)
                .where(QUOTE_FEEDBACK_TAGS.ACTIVE.isTrue())
                .orderBy(QUOTE_FEEDBACK_TAGS.POSITION)
                .fetch(r -> new FeedbackTag(r.getCode(), tagLabels.label(r.getCode(), r.getLabel()), r.getAccepted()));
    }

    public record FeedbackTag(String code, String label, boolean accepted) {}

    /** Approval steps the actor can decide now, oldest first (their approval inbox). */
    @Transactional(readOnly = true)
    public List<QuoteView> awaitingMyApproval() {
        Actor actor = currentActor.require();
        List<Long> ids = db.select(QUOTE_APPROVALS.QUOTE_ID)
                .from(QUOTE_APPROVALS)
                .join(QUOTES)
                .on(QUOTES.ID.eq(QUOTE_APPROVALS.QUOTE_ID))
                .where(QUOTE_APPROVALS.STATUS.eq(ApprovalStatus.PENDING.name()))
                .and(QUOTES.STATUS.eq(QuoteStatus.PENDING_APPROVAL.name()))
                .orderBy(QUOTE_APPROVALS.REQUESTED_AT)
                .fetch(QUOTE_APPROVALS.QUOTE_ID);
        List<QuoteView> result = new ArrayList<>();
        for (Long qid : ids) {
            QuotesRecord r = db.selectFrom(QUOTES).where(QUOTES.ID.eq(qid)).fetchOne();
            QuoteApprovalsRecord step = db.selectFrom(QUOTE_APPROVALS)
                    .where(QUOTE_APPROVALS
                            .QUOTE_ID
                            .eq(qid)
                            .and(QUOTE_APPROVALS.STATUS.eq(ApprovalStatus.PENDING.name())))
                    .fetchAny();
            if (r != null && step != null && Approval.of(step).mayBeDecidedBy(actor, r.getOwnerId())) {
                result.add(views.full(r, catalog.canSeeCost()));
            }
        }
        return result;
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
                        QuoteViews.displayNumber(r.getNumber(), r.getRevision()),
                        r.getCustomerName(),
                        r.getOpportunityId(),
                        r.getTotal(),
                        r.getValidUntil(),
                        r.getFeedbackTag() != null));
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
}
