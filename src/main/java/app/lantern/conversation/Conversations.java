package app.lantern.conversation;

import static lantern.db.Tables.CONVERSATIONS;

import app.lantern.activity.ActivityInput;
import app.lantern.activity.ActivityService;
import app.lantern.activity.ActivityType;
import app.lantern.activity.ActivityView;
import app.lantern.audit.AuditLog;
import app.lantern.customer.ContactRef;
import app.lantern.customer.Customers;
import app.lantern.identity.CurrentActor;
import app.lantern.pipeline.BudgetRange;
import app.lantern.pipeline.OpportunityDetails;
import app.lantern.pipeline.OpportunityEditing;
import app.lantern.pipeline.OpportunityInput;
import app.lantern.pipeline.OpportunityQueries;
import app.lantern.shared.ConflictException;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.ValidationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import lantern.db.tables.records.ConversationsRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls and notes on an opportunity. Storing one keeps its extraction as a draft; nothing reaches the deal until the
 * rep confirms the items they accept: then the contacts' roles, next step and due date, budget range and competitors
 * are updated through the pipeline module (audited, health score recomputed) and a call activity is logged.
 */
@Service
@Transactional
public class Conversations {

    private final DSLContext db;
    private final ConversationExtraction extraction;
    private final OpportunityQueries opportunities;
    private final OpportunityEditing editing;
    private final Customers customers;
    private final ActivityService activities;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;

    Conversations(
            DSLContext db,
            ConversationExtraction extraction,
            OpportunityQueries opportunities,
            OpportunityEditing editing,
            Customers customers,
            ActivityService activities,
            CurrentActor currentActor,
            AuditLog audit,
            JsonMapper json,
            Clock clock) {
        this.db = db;
        this.extraction = extraction;
        this.opportunities = opportunities;
        this.editing = editing;
        this.customers = customers;
        this.activities = activities;
        this.currentActor = currentActor;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** Stores a call on an opportunity the signed-in user may see, with its extraction as a draft. */
    public ConversationView create(long opportunityId, String transcript, String callDate) {
        OpportunityDetails opp = opportunities.visible(opportunityId);
        Extraction draft = extraction.extract(transcript, callDate, customers.contacts(opp.customerId()));
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = db.insertInto(CONVERSATIONS)
                .set(CONVERSATIONS.OPPORTUNITY_ID, opp.id())
                .set(CONVERSATIONS.CUSTOMER_ID, opp.customerId())
                .set(CONVERSATIONS.CREATED_BY, currentActor.require().userId())
                .set(CONVERSATIONS.CALL_DATE, LocalDate.parse(callDate.strip()))
                .set(CONVERSATIONS.TRANSCRIPT, transcript)
                .set(CONVERSATIONS.EXTRACTION, json.writeValueAsString(draft))
                .set(CONVERSATIONS.STATUS, ConversationView.DRAFT)
                .set(CONVERSATIONS.CREATED_AT, now)
                .returning(CONVERSATIONS.ID)
                .fetchOne()
                .getId();
        audit.created(
                "conversation",
                id,
                Map.of("opportunityId", opp.id(), "callDate", callDate.strip(), "length", transcript.length()));
        return view(id);
    }

    /** The conversation if the signed-in user may see its opportunity; 404 otherwise. */
    @Transactional(readOnly = true)
    public ConversationView view(long id) {
        ConversationsRecord r = db.selectFrom(CONVERSATIONS)
                .where(CONVERSATIONS.ID.eq(id))
                .fetchOptional()
                .orElseThrow(() -> NotFoundException.of("conversation", id));
        opportunities.visible(r.getOpportunityId());
        return toView(r);
    }

    /** The opportunity's conversations, newest first (the opportunity must be visible). */
    @Transactional(readOnly = true)
    public List<ConversationView> of(long opportunityId) {
        opportunities.visible(opportunityId);
        return db.selectFrom(CONVERSATIONS)
                .where(CONVERSATIONS.OPPORTUNITY_ID.eq(opportunityId))
                .orderBy(CONVERSATIONS.CREATED_AT.desc(), CONVERSATIONS.ID.desc())
                .limit(50)
                .fetch(this::toView);
    }

    /**
     * Lands the accepted items on the deal, once: a second confirmation (or a race with another user) gets 409. Roles
     * need a contact of the opportunity's customer; the earliest sales commitment becomes the next step.
     */
    public ConversationView confirm(long id, Extraction accepted) {
        ConversationsRecord r = db.selectFrom(CONVERSATIONS)
                .where(CONVERSATIONS.ID.eq(id))
                .forUpdate()
                .fetchOptional()
                .orElseThrow(() -> NotFoundException.of("conversation", id));
        OpportunityDetails opp = opportunities.visible(r.getOpportunityId());
        if (!ConversationView.DRAFT.equals(r.getStatus())) {
            throw new ConflictException("this conversation was already confirmed");
        }
        Extraction items = clean(accepted, opp);
        OpportunityDetails updated = editing.update(opp.id(), landOn(opp, items), opp.version());
        ActivityView activity = activities.log(new ActivityInput(
                ActivityType.CALL,
                occurredAt(r.getCallDate()),
                null,
                opp.customerId(),
                opp.id(),
                items.roles().stream()
                        .map(Extraction.Person::contactId)
                        .filter(Objects::nonNull)
                        .distinct()
                        .limit(30)
                        .toList(),
                null,
                outcome(items),
                updated.nextStep(),
                null));
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.update(CONVERSATIONS)
                .set(CONVERSATIONS.STATUS, ConversationView.CONFIRMED)
                .set(CONVERSATIONS.ACCEPTED, json.writeValueAsString(items))
                .set(CONVERSATIONS.ACTIVITY_ID, activity.id())
                .set(CONVERSATIONS.CONFIRMED_BY, currentActor.require().userId())
                .set(CONVERSATIONS.CONFIRMED_AT, now)
                .where(CONVERSATIONS.ID.eq(id))
                .execute();
        audit.recorded(
                "conversation",
                id,
                "confirmed",
                Map.of(
                        "opportunityId", opp.id(),
                        "objections", items.objections().size(),
                        "roles", items.roles().size(),
                        "commitments", items.commitments().size(),
                        "activityId", activity.id()));
        return view(id);
    }

    private Extraction clean(Extraction a, OpportunityDetails opp) {
        if (a == null) {
            throw ValidationException.field("objections", "send the accepted items");
        }
        Set<Long> customerContacts = customers.contacts(opp.customerId()).stream()
                .map(ContactRef::id)
                .collect(Collectors.toSet());
        List<Extraction.Person> roles = a.roles() == null ? List.of() : a.roles();
        for (int i = 0; i < roles.size(); i++) {
            Extraction.Person p = roles.get(i);
            if (p == null || p.role() == null) {
                throw ValidationException.field("roles[" + i + "].role", "must be a decision-chain role");
            }
            if (p.contactId() != null && !customerContacts.contains(p.contactId())) {
                throw ValidationException.field("roles[" + i + "].contactId", "not a contact of this customer");
            }
        }
        List<Extraction.Commitment> commitments = a.commitments() == null ? List.of() : a.commitments();
        for (int i = 0; i < commitments.size(); i++) {
            Extraction.Commitment c = commitments.get(i);
            if (c == null
                    || c.who() == null
                    || c.what() == null
                    || c.what().isBlank()
                    || c.what().length() > 500) {
                throw ValidationException.field(
                        "commitments[" + i + "]", "needs who and what (at most 500 characters)");
            }
        }
        Extraction.Budget b = a.budget();
        if (b != null
                && (negative(b.min())
                        || negative(b.max())
                        || b.min() != null && b.max() != null && b.min().compareTo(b.max()) > 0)) {
            throw ValidationException.field("budget", "min and max must be 0 or more, min not above max");
        }
        List<Extraction.Objection> objections = a.objections() == null ? List.of() : a.objections();
        List<String> competitors = a.competitors() == null ? List.of() : a.competitors();
        if (competitors.stream().anyMatch(c -> c == null || c.isBlank() || c.length() > 100)) {
            throw ValidationException.field("competitors", "names of 1 to 100 characters");
        }
        String summary = a.summary() == null ? "" : a.summary().strip();
        if (summary.length() > 1000) {
            throw ValidationException.field("summary", "at most 1000 characters");
        }
        return new Extraction(objections, roles, commitments, b, competitors, summary);
    }

    private static boolean negative(BigDecimal v) {
        return v != null && v.signum() < 0;
    }

    private static OpportunityInput landOn(OpportunityDetails o, Extraction items) {
        Map<Long, String> roles = new LinkedHashMap<>();
        o.contacts().forEach(c -> roles.put(c.contactId(), c.role()));
        for (Extraction.Person p : items.roles()) {
            if (p.contactId() != null) {
                roles.put(
                        p.contactId(),
                        p.role() == ChainRole.CHAMPION ? "SUPPORTER" : p.role().name());
            }
        }
        List<OpportunityInput.ContactRole> contacts = new ArrayList<>();
        roles.forEach((id, role) -> contacts.add(new OpportunityInput.ContactRole(id, role)));
        Extraction.Commitment next = items.commitments().stream()
                .filter(c -> c.due() != null)
                .sorted(Comparator.comparing((Extraction.Commitment c) -> c.who() != Party.SALES)
                        .thenComparing(Extraction.Commitment::due))
                .findFirst()
                .orElse(
                        items.commitments().isEmpty()
                                ? null
                                : items.commitments().getFirst());
        BudgetRange range = o.budgetRange();
        if (items.budget() != null) {
            BigDecimal v = items.budget().max() != null
                    ? items.budget().max()
                    : items.budget().min();
            range = v != null ? BudgetRange.of(v) : range;
        }
        Set<String> competitors = new LinkedHashSet<>();
        if (o.competitors() != null && !o.competitors().isBlank()) {
            competitors.addAll(List.of(o.competitors().split("[,，、]\\s*")));
        }
        competitors.addAll(items.competitors());
        String competitorText = String.join("、", competitors);
        return new OpportunityInput(
                o.name(),
                o.customerId(),
                o.ownerId(),
                o.pipelineId(),
                null,
                o.amount(),
                range,
                o.expectedClose(),
                o.coreNeed(),
                o.blocker(),
                competitorText.length() > 500 ? o.competitors() : competitorText,
                next != null ? next.what() : o.nextStep(),
                next != null && next.due() != null ? next.due() : o.nextStepDue(),
                o.source(),
                contacts);
    }

    private OffsetDateTime occurredAt(LocalDate callDate) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!callDate.isBefore(now.atZoneSameInstant(clock.getZone()).toLocalDate())) {
            return null;
        }
        return callDate.atTime(10, 0).atZone(clock.getZone()).toOffsetDateTime();
    }

    private static String outcome(Extraction items) {
        StringBuilder b = new StringBuilder(items.summary());
        for (Extraction.Objection o : items.objections()) {
            b.append(b.isEmpty() ? "" : "\n")
                    .append("异议 ")
                    .append(o.category())
                    .append("：")
                    .append(o.evidence());
        }
        return b.length() > 2000 ? b.substring(0, 1999) + "…" : b.toString();
    }

    private ConversationView toView(ConversationsRecord r) {
        return new ConversationView(
                r.getId(),
                r.getOpportunityId(),
                r.getCallDate(),
                r.getStatus(),
                r.getTranscript(),
                json.readValue(r.getExtraction(), Extraction.class),
                r.getAccepted() == null ? null : json.readValue(r.getAccepted(), Extraction.class),
                r.getCreatedAt(),
                r.getConfirmedAt());
    }
}
