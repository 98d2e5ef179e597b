package app.lantern.quote;

import static lantern.db.Tables.QUOTE_APPROVALS;
import static lantern.db.Tables.QUOTE_LINES;

import app.lantern.audit.AuditLog;
import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.Directory;
import app.lantern.identity.UserSummary;
import app.lantern.shared.ConflictException;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.Texts;
import app.lantern.shared.ValidationException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lantern.db.tables.records.QuoteApprovalsRecord;
import lantern.db.tables.records.QuotesRecord;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approving quotes: submitting sends a quote through the steps {@link ApprovalRules} decide (manager, then finance), or
 * approves it at once when none applies; each step's approver approves or rejects with a comment. The owner never
 * decides their own quote.
 */
@Service
@Transactional
public class QuoteApprovals {

    private final DSLContext db;
    private final Quotes quotes;
    private final CurrentActor currentActor;
    private final Directory directory;
    private final ApprovalRules rules;
    private final WorkingTime workingTime;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    QuoteApprovals(
            DSLContext db,
            Quotes quotes,
            CurrentActor currentActor,
            Directory directory,
            ApprovalRules rules,
            WorkingTime workingTime,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.db = db;
        this.quotes = quotes;
        this.currentActor = currentActor;
        this.directory = directory;
        this.rules = rules;
        this.workingTime = workingTime;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Sends the quote into approval: the approval rules that match its largest discount and its total decide the steps
     * (manager, then finance). A discount above the owner's role limit always needs at least the manager. With no
     * matching rule the quote is approved at once.
     */
    public QuoteView submit(long id) {
        QuotesRecord r = quotes.visibleForUpdate(id);
        QuoteStatus status = Quote.of(r).status();
        int lines = db.fetchCount(QUOTE_LINES, QUOTE_LINES.QUOTE_ID.eq(id));
        if (lines == 0) {
            throw ValidationException.unprocessable("lines", "a quote needs at least one line");
        }
        List<String> steps = rules.requiredSteps(r);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Quote.of(r).submit(!steps.isEmpty(), now);
        if (!steps.isEmpty()) {
            for (int i = 0; i < steps.size(); i++) {
                String role = steps.get(i);
                Long approver = role.equals(ApprovalRole.MANAGER.name())
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
                        .set(
                                QUOTE_APPROVALS.STATUS,
                                i == 0 ? ApprovalStatus.PENDING.name() : ApprovalStatus.WAITING.name())
                        .set(QUOTE_APPROVALS.REQUESTED_AT, i == 0 ? now : null)
                        .execute();
            }
        }
        Quote.of(r).save(db);
        audit.updated("quote", id, Map.of("status", status.name()), Map.of("status", r.getStatus()));
        audit.recorded("quote", id, "quote.submitted", Map.of("steps", String.join(",", steps)));
        events.publishEvent(new QuoteSubmitted(id, r.getOwnerId(), !steps.isEmpty()));
        events.publishEvent(new QuoteChanged(id, r.getOpportunityId()));
        return quotes.get(id);
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
        QuotesRecord r = quotes.visibleForUpdate(id);
        Quote.of(r).requireAwaitingApproval();
        QuoteApprovalsRecord step = db.selectFrom(QUOTE_APPROVALS)
                .where(QUOTE_APPROVALS.QUOTE_ID.eq(id).and(QUOTE_APPROVALS.STATUS.eq(ApprovalStatus.PENDING.name())))
                .orderBy(QUOTE_APPROVALS.STEP)
                .limit(1)
                .fetchOptional()
                .orElseThrow(() -> new ConflictException("no approval step is open"));
        OffsetDateTime now = OffsetDateTime.now(clock);
        Approval.of(step).decide(actor, r.getOwnerId(), approve, comment, now);
        step.update();
        String before = r.getStatus();
        boolean moreSteps = false;
        if (!approve) {
            db.update(QUOTE_APPROVALS)
                    .set(QUOTE_APPROVALS.STATUS, ApprovalStatus.CANCELLED.name())
                    .where(QUOTE_APPROVALS
                            .QUOTE_ID
                            .eq(id)
                            .and(QUOTE_APPROVALS.STATUS.eq(ApprovalStatus.WAITING.name())))
                    .execute();
        } else {
            Optional<QuoteApprovalsRecord> next = db.selectFrom(QUOTE_APPROVALS)
                    .where(QUOTE_APPROVALS
                            .QUOTE_ID
                            .eq(id)
                            .and(QUOTE_APPROVALS.STATUS.eq(ApprovalStatus.WAITING.name())))
                    .orderBy(QUOTE_APPROVALS.STEP)
                    .limit(1)
                    .fetchOptional();
            if (next.isPresent()) {
                Approval.of(next.get()).open(now);
                next.get().update();
                events.publishEvent(new ApprovalStepOpened(
                        id, next.get().getId(), next.get().getRole(), next.get().getApproverId()));
                moreSteps = true;
            }
        }
        Quote.of(r).decided(approve, moreSteps, now).save(db);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("step", step.getStep());
        details.put("role", step.getRole());
        details.put("comment", Texts.clean(comment));
        details.put("workingHoursWaited", workingTime.hours(step.getRequestedAt(), now));
        audit.recorded("quote", id, approve ? "quote.approval.approved" : "quote.approval.rejected", details);
        audit.updated("quote", id, Map.of("status", before), Map.of("status", r.getStatus()));
        events.publishEvent(new QuoteChanged(id, r.getOpportunityId()));
        return quotes.get(id);
    }
}
