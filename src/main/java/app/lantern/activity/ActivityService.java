package app.lantern.activity;

import static lantern.db.Tables.ACTIVITIES;
import static lantern.db.Tables.ACTIVITY_PARTICIPANTS;

import app.lantern.audit.AuditLog;
import app.lantern.calendar.WorkingCalendar;
import app.lantern.customer.ContactRef;
import app.lantern.customer.CustomerRef;
import app.lantern.customer.Customers;
import app.lantern.customer.CustomersMerged;
import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.DataScopes;
import app.lantern.identity.Directory;
import app.lantern.identity.RecordKind;
import app.lantern.identity.Role;
import app.lantern.identity.UserSummary;
import app.lantern.pipeline.Interaction;
import app.lantern.pipeline.Opportunities;
import app.lantern.pipeline.OpportunityRef;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.PageQuery;
import app.lantern.shared.PageResult;
import app.lantern.shared.Texts;
import app.lantern.shared.ValidationException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import lantern.db.tables.records.ActivitiesRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Logging and reading activities, scoped and audited; feeds opportunity last contact and health. */
@Service
@Transactional
public class ActivityService {

    public static final Set<String> SORT_FIELDS = Set.of("occurredAt", "createdAt", "type", "durationMinutes");

    private final DSLContext db;
    private final Customers customers;
    private final Opportunities opportunities;
    private final Directory directory;
    private final DataScopes scopes;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final BackfillDetection backfill;

    ActivityService(
            DSLContext db,
            Customers customers,
            Opportunities opportunities,
            Directory directory,
            DataScopes scopes,
            CurrentActor currentActor,
            AuditLog audit,
            ApplicationEventPublisher events,
            WorkingCalendar calendar,
            Clock clock,
            BackfillDetection backfill) {
        this.db = db;
        this.customers = customers;
        this.opportunities = opportunities;
        this.directory = directory;
        this.scopes = scopes;
        this.currentActor = currentActor;
        this.audit = audit;
        this.events = events;
        this.calendar = calendar;
        this.clock = clock;
        this.backfill = backfill;
    }

    public ActivityView log(ActivityInput in) {
        Actor actor = currentActor.require();
        OffsetDateTime now = OffsetDateTime.now(clock);
        FieldErrors e = new FieldErrors();
        e.addIf(in.type() == null, "type", "must be one of " + Arrays.toString(ActivityType.values()));
        OffsetDateTime occurred = in.occurredAt() == null ? now : in.occurredAt();
        OffsetDateTime created = in.createdAt() != null && actor.has(Role.ADMIN) ? in.createdAt() : now;
        e.addIf(occurred.isAfter(created.plusMinutes(5)), "occurredAt", "must not be in the future");
        e.addIf(occurred.isBefore(now.minusYears(2)), "occurredAt", "must be within the last two years");
        int duration = in.durationMinutes() == null
                ? (in.type() == null ? 15 : ActivityInput.defaultDuration(in.type()))
                : in.durationMinutes();
        e.addIf(duration < 0 || duration > 1440, "durationMinutes", "must be between 0 and 1440");
        Texts.maxLength(e, "participants", in.participants(), 500);
        Texts.maxLength(e, "outcome", in.outcome(), 2000);
        Texts.maxLength(e, "nextStep", in.nextStep(), 500);
        e.addIf(
                in.participantContactIds() != null && in.participantContactIds().size() > 30,
                "participantContactIds",
                "at most 30");
        e.addIf(
                in.customerId() == null && in.opportunityId() == null && in.type() != ActivityType.OTHER,
                "customerId",
                "choose the customer");
        e.throwIfAny();
        Long customerId = in.customerId();
        OpportunityRef opp = null;
        if (in.opportunityId() != null) {
            opp = opportunities
                    .find(in.opportunityId())
                    .filter(o -> scopes.current(RecordKind.OPPORTUNITY).covers(o.ownerId()))
                    .orElseThrow(() ->
                            ValidationException.field("opportunityId", "not an opportunity you may log activities on"));
            if (customerId == null) {
                customerId = opp.customerId();
            } else if (opp.customerId() != customerId) {
                throw ValidationException.field("opportunityId", "belongs to another customer");
            }
        }
        CustomerRef customer = null;
        if (customerId != null) {
            try {
                customer = customers.requireVisible(customerId);
            } catch (NotFoundException ex) {
                throw ValidationException.field("customerId", "not a customer you may log activities on");
            }
            OffsetDateTime customerSince = customers.createdAt(customerId).orElse(null);
            if (customerSince != null
                    && occurred.isBefore(customerSince.minusDays(1).withHour(0))) {
                throw ValidationException.field(
                        "occurredAt", "is before the customer existed (" + customerSince.toLocalDate() + ")");
            }
        }
        Map<Long, ContactRef> contacts = customer == null
                ? Map.of()
                : customers.contacts(customer.id()).stream().collect(Collectors.toMap(ContactRef::id, c -> c));
        List<Long> participantIds = in.participantContactIds() == null
                ? List.of()
                : in.participantContactIds().stream().distinct().toList();
        for (Long cid : participantIds) {
            if (cid == null || !contacts.containsKey(cid)) {
                throw ValidationException.field("participantContactIds", "not a contact of this customer");
            }
        }
        String participants = Texts.clean(in.participants());
        if (participants == null && !participantIds.isEmpty()) {
            participants = participantIds.stream()
                    .map(contacts::get)
                    .map(ContactRef::name)
                    .collect(Collectors.joining("、"));
        }
        long id = db.insertInto(ACTIVITIES)
                .set(ACTIVITIES.TYPE, in.type().name())
                .set(ACTIVITIES.OWNER_ID, actor.userId())
                .set(ACTIVITIES.CUSTOMER_ID, customerId)
                .set(ACTIVITIES.OPPORTUNITY_ID, opp == null ? null : opp.id())
                .set(ACTIVITIES.OCCURRED_AT, occurred)
                .set(ACTIVITIES.CREATED_AT, created)
                .set(ACTIVITIES.DURATION_MINUTES, duration)
                .set(ACTIVITIES.PARTICIPANTS, participants)
                .set(ACTIVITIES.OUTCOME, Texts.clean(in.outcome()))
                .set(ACTIVITIES.NEXT_STEP, Texts.clean(in.nextStep()))
                .set(ACTIVITIES.UPDATED_AT, created)
                .returning(ACTIVITIES.ID)
                .fetchOne()
                .getId();
        for (Long cid : participantIds) {
            db.insertInto(ACTIVITY_PARTICIPANTS)
                    .set(ACTIVITY_PARTICIPANTS.ACTIVITY_ID, id)
                    .set(ACTIVITY_PARTICIPANTS.CONTACT_ID, cid)
                    .execute();
        }
        backfill.flagAround(actor.userId(), created);
        ActivityView logged = view(id);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", in.type().name());
        fields.put("customerId", customerId);
        fields.put("opportunityId", opp == null ? null : opp.id());
        fields.put("occurredAt", occurred.toString());
        fields.put("durationMinutes", duration);
        fields.put("participants", participants);
        fields.put("outcome", Texts.clean(in.outcome()));
        fields.put("nextStep", Texts.clean(in.nextStep()));
        fields.put("backfill", logged.backfill());
        audit.created("activity", id, fields);
        if (opp != null) {
            Map<Long, String> roles = opportunities.contactRoles(opp.id());
            boolean dm = participantIds.stream()
                    .anyMatch(cid -> "DECISION_MAKER".equals(contacts.get(cid).decisionRole())
                            || "DECISION_MAKER".equals(roles.get(cid)));
            opportunities.recordInteraction(new Interaction(
                    opp.id(), in.type().name(), occurred, dm, in.type().twoWay()));
        }
        events.publishEvent(
                new ActivityLogged(id, actor.userId(), in.type(), customerId, opp == null ? null : opp.id(), occurred));
        return logged;
    }

    /** Deletes one's own activity (or any in scope for a manager); audited. Last contact is not rolled back. */
    public void delete(long id) {
        ActivityView v = view(id);
        db.deleteFrom(ACTIVITY_PARTICIPANTS)
                .where(ACTIVITY_PARTICIPANTS.ACTIVITY_ID.eq(id))
                .execute();
        db.deleteFrom(ACTIVITIES).where(ACTIVITIES.ID.eq(id)).execute();
        audit.deleted(
                "activity",
                id,
                Map.of("type", v.type().name(), "occurredAt", v.occurredAt().toString()));
    }

    @Transactional(readOnly = true)
    public ActivityView view(long id) {
        var r = db.selectFrom(ACTIVITIES).where(ACTIVITIES.ID.eq(id)).fetchOne();
        if (r == null) {
            throw NotFoundException.of("activity", id);
        }
        scopes.current(RecordKind.ACTIVITY).require(r.getOwnerId(), "activity", id);
        return views(List.of(r)).getFirst();
    }

    /** Filters of lists, drill-downs and the API. */
    public record Filter(
            Long ownerId,
            Set<Long> ownerIds,
            ActivityType type,
            Long customerId,
            Long opportunityId,
            OffsetDateTime from,
            OffsetDateTime to,
            String backfill,
            Integer weekday,
            Integer hour) {}

    @Transactional(readOnly = true)
    public PageResult<ActivityView> list(Filter f, PageQuery page) {
        Condition c = scopes.current(RecordKind.ACTIVITY).condition(ACTIVITIES.OWNER_ID);
        if (f.ownerId() != null) {
            c = c.and(ACTIVITIES.OWNER_ID.eq(f.ownerId()));
        }
        if (f.ownerIds() != null) {
            c = c.and(f.ownerIds().isEmpty() ? DSL.falseCondition() : ACTIVITIES.OWNER_ID.in(f.ownerIds()));
        }
        if (f.type() != null) {
            c = c.and(ACTIVITIES.TYPE.eq(f.type().name()));
        }
        if (f.customerId() != null) {
            c = c.and(ACTIVITIES.CUSTOMER_ID.eq(f.customerId()));
        }
        if (f.opportunityId() != null) {
            c = c.and(ACTIVITIES.OPPORTUNITY_ID.eq(f.opportunityId()));
        }
        if (f.from() != null) {
            c = c.and(ACTIVITIES.OCCURRED_AT.ge(f.from()));
        }
        if (f.to() != null) {
            c = c.and(ACTIVITIES.OCCURRED_AT.lt(f.to()));
        }
        if (f.backfill() != null) {
            c = c.and(
                    "ANY".equals(f.backfill())
                            ? ACTIVITIES.BACKFILL.isNotNull()
                            : ACTIVITIES.BACKFILL.eq(f.backfill()));
        }
        Field<?> sort = switch (page.sortField()) {
            case "createdAt" -> ACTIVITIES.CREATED_AT;
            case "type" -> ACTIVITIES.TYPE;
            case "durationMinutes" -> ACTIVITIES.DURATION_MINUTES;
            default -> ACTIVITIES.OCCURRED_AT;
        };
        if (f.weekday() != null || f.hour() != null) {
            // weekday/hour cells of the heatmap are in business time: filter in memory over the (bounded) period
            var rows = db.selectFrom(ACTIVITIES)
                    .where(c)
                    .orderBy(page.descending() ? sort.desc() : sort.asc(), ACTIVITIES.ID.desc())
                    .fetch();
            List<ActivitiesRecord> kept = rows.stream()
                    .filter(r -> {
                        var local = r.getOccurredAt().atZoneSameInstant(calendar.zone());
                        return (f.weekday() == null || local.getDayOfWeek().getValue() == f.weekday())
                                && (f.hour() == null || local.getHour() == f.hour());
                    })
                    .toList();
            List<ActivitiesRecord> slice =
                    kept.stream().skip(page.offset()).limit(page.size()).toList();
            return PageResult.of(views(slice), page, kept.size());
        }
        long total = db.fetchCount(db.selectOne().from(ACTIVITIES).where(c).limit(PageResult.COUNT_LIMIT + 1));
        var rows = db.selectFrom(ACTIVITIES)
                .where(c)
                .orderBy(page.descending() ? sort.desc() : sort.asc(), ACTIVITIES.ID.desc())
                .limit(page.size())
                .offset(page.offset())
                .fetch();
        return PageResult.counted(views(rows), page, total);
    }

    /** The recent customers for the quick-log picker: those the rep logged on lately first, then recently touched ones. */
    @Transactional(readOnly = true)
    public List<CustomerRef> recentCustomers(int limit) {
        Actor actor = currentActor.require();
        Map<Long, CustomerRef> result = new LinkedHashMap<>();
        db.select(ACTIVITIES.CUSTOMER_ID, DSL.max(ACTIVITIES.CREATED_AT).as("last"))
                .from(ACTIVITIES)
                .where(ACTIVITIES.OWNER_ID.eq(actor.userId()))
                .and(ACTIVITIES.CUSTOMER_ID.isNotNull())
                .groupBy(ACTIVITIES.CUSTOMER_ID)
                .orderBy(DSL.field("last").desc())
                .limit(limit)
                .forEach(r -> customers
                        .find(r.value1())
                        .filter(c -> scopes.current(RecordKind.CUSTOMER).covers(c.ownerId()))
                        .ifPresent(c -> result.put(c.id(), c)));
        if (result.size() < limit) {
            customers.recentlyTouchedBy(actor.userId(), limit).forEach(c -> result.putIfAbsent(c.id(), c));
        }
        return result.values().stream().limit(limit).toList();
    }

    List<ActivityView> views(List<ActivitiesRecord> rows) {
        Map<Long, String> users =
                directory.users().stream().collect(Collectors.toMap(UserSummary::id, UserSummary::displayName));
        Map<Long, String> names = customers.names(rows.stream()
                .map(ActivitiesRecord::getCustomerId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        Function<Long, String> customerName = cid -> cid == null ? null : names.getOrDefault(cid, "#" + cid);
        return rows.stream()
                .map(r -> new ActivityView(
                        r.getId(),
                        ActivityType.valueOf(r.getType()),
                        r.getOwnerId(),
                        users.getOrDefault(r.getOwnerId(), "#" + r.getOwnerId()),
                        r.getCustomerId(),
                        customerName.apply(r.getCustomerId()),
                        r.getOpportunityId(),
                        r.getOccurredAt(),
                        r.getCreatedAt(),
                        r.getDurationMinutes(),
                        r.getParticipants(),
                        r.getOutcome(),
                        r.getNextStep(),
                        r.getBackfill(),
                        r.getVersion()))
                .toList();
    }

    /** Activities of a merged customer follow it to the survivor, inside the merge transaction. */
    @EventListener
    void on(CustomersMerged e) {
        db.update(ACTIVITIES)
                .set(ACTIVITIES.CUSTOMER_ID, e.survivorId())
                .where(ACTIVITIES.CUSTOMER_ID.eq(e.mergedId()))
                .execute();
    }
}
