package app.lantern.quote;

import static lantern.db.Tables.QUOTES;
import static lantern.db.Tables.QUOTE_APPROVALS;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record8;
import org.jooq.SelectSelectStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How long the quotes of some opportunities waited, for reports that look for process delays: approval steps
 * (requested → decided, or still open) and quote turnaround (created → sent). Unscoped; callers pass opportunity ids
 * they are allowed to see.
 */
@Service
@Transactional(readOnly = true)
public class QuoteTimings {

    /** One approval step of a quote, or the quote alone ({@code requestedAt} null) when it needed none. */
    public record QuoteTiming(
            long opportunityId,
            long ownerId,
            String number,
            OffsetDateTime createdAt,
            OffsetDateTime sentAt,
            OffsetDateTime requestedAt,
            OffsetDateTime decidedAt,
            String approvalStatus) {}

    private final DSLContext db;

    QuoteTimings(DSLContext db) {
        this.db = db;
    }

    /** The quotes created before {@code before} on the given opportunities, one row per approval step. */
    public List<QuoteTiming> forOpportunities(Collection<Long> opportunityIds, OffsetDateTime before) {
        if (opportunityIds.isEmpty()) {
            return List.of();
        }
        return selectTimings()
                .from(QUOTES)
                .leftJoin(QUOTE_APPROVALS)
                .on(QUOTE_APPROVALS.QUOTE_ID.eq(QUOTES.ID))
                .where(QUOTES.OPPORTUNITY_ID.in(opportunityIds))
                .and(QUOTES.CREATED_AT.lt(before))
                .orderBy(QUOTES.OPPORTUNITY_ID, QUOTES.ID, DSL.coalesce(QUOTE_APPROVALS.STEP, 0))
                .fetch(QuoteTimings::timing);
    }

    /** Approval steps requested in {@code [from, to)} by owner, with their decision (null while still open). */
    public List<QuoteTiming> approvalsRequested(Collection<Long> ownerIds, OffsetDateTime from, OffsetDateTime to) {
        if (ownerIds.isEmpty()) {
            return List.of();
        }
        return selectTimings()
                .from(QUOTE_APPROVALS)
                .join(QUOTES)
                .on(QUOTES.ID.eq(QUOTE_APPROVALS.QUOTE_ID))
                .where(QUOTES.OWNER_ID.in(ownerIds))
                .and(QUOTE_APPROVALS.REQUESTED_AT.ge(from))
                .and(QUOTE_APPROVALS.REQUESTED_AT.lt(to))
                .orderBy(QUOTE_APPROVALS.REQUESTED_AT)
                .fetch(QuoteTimings::timing);
    }

    private SelectSelectStep<
                    Record8<Long, Long, String, OffsetDateTime, OffsetDateTime, OffsetDateTime, OffsetDateTime, String>>
            selectTimings() {
        return db.select(
                QUOTES.OPPORTUNITY_ID,
                QUOTES.OWNER_ID,
                QUOTES.NUMBER,
                QUOTES.CREATED_AT,
                QUOTES.SENT_AT,
                QUOTE_APPROVALS.REQUESTED_AT,
                QUOTE_APPROVALS.DECIDED_AT,
                QUOTE_APPROVALS.STATUS);
    }

    /** A quote without an opportunity counts under none (id 0). */
    private static QuoteTiming timing(
            Record8<Long, Long, String, OffsetDateTime, OffsetDateTime, OffsetDateTime, OffsetDateTime, String> r) {
        return new QuoteTiming(
                r.value1() == null ? 0 : r.value1(),
                r.value2(),
                r.value3(),
                r.value4(),
                r.value5(),
                r.value6(),
                r.value7(),
                r.value8());
    }
}
