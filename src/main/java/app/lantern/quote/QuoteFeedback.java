package app.lantern.quote;

import static lantern.db.Tables.QUOTE_FEEDBACK_TAGS;
import static lantern.db.Tables.QUOTE_TALKING_POINTS;

import app.lantern.audit.AuditLog;
import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.Role;
import app.lantern.pipeline.BudgetRange;
import app.lantern.shared.ConflictException;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.ForbiddenException;
import app.lantern.shared.Texts;
import app.lantern.shared.ValidationException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import lantern.db.tables.records.QuotesRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The follow-up of a sent quote: one feedback tag (and a note) per quote, which feeds the opportunity's health; admins
 * extend the tags, managers set the talking points shown for each budget range.
 */
@Service
@Transactional
public class QuoteFeedback {

    private final DSLContext db;
    private final Quotes quotes;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    QuoteFeedback(
            DSLContext db,
            Quotes quotes,
            CurrentActor currentActor,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.db = db;
        this.quotes = quotes;
        this.currentActor = currentActor;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Closes the quote's follow-up with one feedback tag (and an optional note). Needed before a sent quote's follow-up
     * counts as done; the tag feeds the opportunity's health.
     */
    public QuoteView recordFeedback(long id, String tag, String note) {
        QuotesRecord r = quotes.visibleForUpdate(id);
        FieldErrors errors = new FieldErrors();
        errors.addIf(Texts.isBlank(tag), "tag", "choose one feedback tag");
        Texts.maxLength(errors, "note", note, 1000);
        errors.throwIfAny();
        Quotes.FeedbackTag chosen = quotes.feedbackTags().stream()
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
        Quote.of(r).save(db);
        Map<String, Object> after = new HashMap<>();
        after.put("feedbackTag", chosen.code());
        after.put("feedbackNote", Texts.clean(note));
        audit.updated("quote", id, before, after);
        events.publishEvent(
                new QuoteFeedbackRecorded(id, r.getOwnerId(), r.getOpportunityId(), chosen.code(), chosen.accepted()));
        events.publishEvent(new QuoteChanged(id, r.getOpportunityId()));
        return quotes.get(id);
    }

    /** Admins extend the feedback tags (e.g. 预算冻结); tags are never deleted, so history keeps its meaning. */
    public Quotes.FeedbackTag addFeedbackTag(String code, String label, boolean accepted) {
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
        return new Quotes.FeedbackTag(code.strip(), label.strip(), accepted);
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
                : points.stream().map(Texts::clean).filter(Objects::nonNull).toList();
        errors.addIf(cleaned.size() > 10, "points", "at most 10 talking points");
        for (int i = 0; i < cleaned.size(); i++) {
            Texts.maxLength(errors, "points[" + i + "]", cleaned.get(i), 1000);
        }
        errors.throwIfAny();
        List<String> before = quotes.talkingPoints(range);
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
}
