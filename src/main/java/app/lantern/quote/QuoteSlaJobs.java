package app.lantern.quote;

import static lantern.db.Tables.QUOTES;
import static lantern.db.Tables.QUOTE_APPROVALS;

import app.lantern.audit.AuditLog;
import app.lantern.calendar.WorkingCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import lantern.db.tables.records.QuoteApprovalsRecord;
import lantern.db.tables.records.QuotesRecord;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The scheduled jobs of quotes: approvals waiting too long, sent quotes about to expire without feedback. */
@Service
@Transactional
class QuoteSlaJobs {

    private final DSLContext db;
    private final WorkingCalendar calendar;
    private final WorkingTime workingTime;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    QuoteSlaJobs(
            DSLContext db,
            WorkingCalendar calendar,
            WorkingTime workingTime,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.db = db;
        this.calendar = calendar;
        this.workingTime = workingTime;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Publishes {@link ApprovalOverdue} once for every approval step waiting more than 2 working days (the working
     * calendar decides what a working day is). Returns how many steps became overdue.
     */
    public int flagOverdueApprovals() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int flagged = 0;
        for (QuoteApprovalsRecord step : db.selectFrom(QUOTE_APPROVALS)
                .where(QUOTE_APPROVALS
                        .STATUS
                        .eq(ApprovalStatus.PENDING.name())
                        .and(QUOTE_APPROVALS.OVERDUE_AT.isNull()))
                .fetch()) {
            int waited = workingTime.daysWaiting(step.getRequestedAt(), now);
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
}
