package app.lantern.pipeline;

import static lantern.db.Tables.OPPORTUNITIES;
import static lantern.db.Tables.OPPORTUNITY_CONTACTS;
import static lantern.db.Tables.OPPORTUNITY_INTERVENTIONS;
import static lantern.db.Tables.OPPORTUNITY_STAGE_HISTORY;

import app.lantern.calendar.WorkingCalendar;
import app.lantern.customer.ContactRef;
import app.lantern.customer.CustomerRef;
import app.lantern.customer.Customers;
import app.lantern.identity.Directory;
import app.lantern.identity.UserSummary;
import app.lantern.shared.ConflictException;
import app.lantern.shared.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import lantern.db.tables.records.OpportunitiesRecord;
import org.jooq.DSLContext;
import org.jooq.UpdateSetMoreStep;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;

/** Opportunities in the database: the lifecycle state with its version, stage history, contacts and read models. */
@Component
class OpportunityStore {

    private final DSLContext db;
    private final Pipelines pipelines;
    private final Customers customers;
    private final Directory directory;
    private final WorkingCalendar calendar;
    private final Clock clock;

    OpportunityStore(
            DSLContext db,
            Pipelines pipelines,
            Customers customers,
            Directory directory,
            WorkingCalendar calendar,
            Clock clock) {
        this.db = db;
        this.pipelines = pipelines;
        this.customers = customers;
        this.directory = directory;
        this.calendar = calendar;
        this.clock = clock;
    }

    Opportunity load(long id) {
        var r = db.selectFrom(OPPORTUNITIES).where(OPPORTUNITIES.ID.eq(id)).fetchOne();
        if (r == null) {
            throw NotFoundException.of("opportunity", id);
        }
        return new Opportunity(
                r.getId(),
                r.getOwnerId(),
                r.getPipelineId(),
                r.getStageId(),
                OpportunityStatus.valueOf(r.getStatus()),
                r.getAmount(),
                r.getLossReason(),
                r.getClosedAt(),
                r.getStageEnteredAt(),
                r.getVersion());
    }

    /** Stores the opportunity's lifecycle state; 409 when it changed since it was loaded. */
    void save(Opportunity o, OffsetDateTime at) {
        bump(
                db.update(OPPORTUNITIES)
                        .set(OPPORTUNITIES.STAGE_ID, o.stageId())
                        .set(OPPORTUNITIES.STAGE_ENTERED_AT, o.stageEnteredAt())
                        .set(OPPORTUNITIES.STATUS, o.status().name())
                        .set(OPPORTUNITIES.AMOUNT, o.amount())
                        .set(OPPORTUNITIES.LOSS_REASON, o.lossReason())
                        .set(OPPORTUNITIES.CLOSED_AT, o.closedAt())
                        .set(OPPORTUNITIES.UPDATED_AT, at),
                o.id(),
                o.version());
    }

    /**
     * Runs an update of one opportunity that also moves its version on, only if the version is still {@code expected}:
     * of two concurrent writers one wins, the other gets a 409 carrying the current version.
     */
    void bump(UpdateSetMoreStep<OpportunitiesRecord> step, long id, int expected) {
        int n;
        try {
            n = step.set(OPPORTUNITIES.VERSION, OPPORTUNITIES.VERSION.plus(1))
                    .where(OPPORTUNITIES.ID.eq(id))
                    .and(OPPORTUNITIES.VERSION.eq(expected))
                    .execute();
        } catch (PessimisticLockingFailureException e) {
            throw conflict(expected + 1);
        }
        if (n == 0) {
            Integer current = db.select(OPPORTUNITIES.VERSION)
                    .from(OPPORTUNITIES)
                    .where(OPPORTUNITIES.ID.eq(id))
                    .fetchOne(OPPORTUNITIES.VERSION);
            if (current == null) {
                throw NotFoundException.of("opportunity", id);
            }
            throw conflict(current);
        }
    }

    static ConflictException conflict(int currentVersion) {
        return new ConflictException(
                "the opportunity was changed by someone else; reload and try again",
                Map.of("currentVersion", currentVersion));
    }

    void enterStage(long id, long stageId, OffsetDateTime at, long actorId) {
        db.insertInto(OPPORTUNITY_STAGE_HISTORY)
                .set(OPPORTUNITY_STAGE_HISTORY.OPPORTUNITY_ID, id)
                .set(OPPORTUNITY_STAGE_HISTORY.STAGE_ID, stageId)
                .set(OPPORTUNITY_STAGE_HISTORY.ENTERED_AT, at)
                .set(OPPORTUNITY_STAGE_HISTORY.ACTOR_ID, actorId)
                .execute();
    }

    void leaveStage(long id, OffsetDateTime at, StageExit exit) {
        db.update(OPPORTUNITY_STAGE_HISTORY)
                .set(OPPORTUNITY_STAGE_HISTORY.EXITED_AT, at)
                .set(OPPORTUNITY_STAGE_HISTORY.EXIT_KIND, exit.name())
                .where(OPPORTUNITY_STAGE_HISTORY.OPPORTUNITY_ID.eq(id))
                .and(OPPORTUNITY_STAGE_HISTORY.EXITED_AT.isNull())
                .execute();
    }

    /** A closed opportunity needs no more intervention: its open ones are resolved with the closing as outcome. */
    void resolveInterventions(long id, InterventionOutcome outcome, OffsetDateTime at) {
        db.update(OPPORTUNITY_INTERVENTIONS)
                .set(OPPORTUNITY_INTERVENTIONS.STATUS, InterventionStatus.DONE.name())
                .set(OPPORTUNITY_INTERVENTIONS.OUTCOME, outcome.name())
                .set(OPPORTUNITY_INTERVENTIONS.RESOLVED_AT, at)
                .where(OPPORTUNITY_INTERVENTIONS.OPPORTUNITY_ID.eq(id))
                .and(OPPORTUNITY_INTERVENTIONS.STATUS.eq(InterventionStatus.OPEN.name()))
                .execute();
    }

    /** The entry-criteria fields the opportunity has filled in, contacts and their roles included. */
    StageEvidence evidence(long id) {
        var r = db.selectFrom(OPPORTUNITIES).where(OPPORTUNITIES.ID.eq(id)).fetchOne();
        int[] roles = new int[2];
        db.select(OPPORTUNITY_CONTACTS.ROLE)
                .from(OPPORTUNITY_CONTACTS)
                .where(OPPORTUNITY_CONTACTS.OPPORTUNITY_ID.eq(id))
                .forEach(x -> {
                    roles[0] |= HealthModel.roleBit(x.value1());
                    roles[1]++;
                });
        Set<OpportunityField> filled = EnumSet.noneOf(OpportunityField.class);
        for (OpportunityField f : OpportunityField.values()) {
            if (HealthEngine.filled(f, r, roles)) {
                filled.add(f);
            }
        }
        return new StageEvidence(filled);
    }

    void replaceContacts(long id, List<OpportunityInput.ContactRole> contacts) {
        db.deleteFrom(OPPORTUNITY_CONTACTS)
                .where(OPPORTUNITY_CONTACTS.OPPORTUNITY_ID.eq(id))
                .execute();
        addContacts(id, contacts);
    }

    void addContacts(long id, List<OpportunityInput.ContactRole> contacts) {
        if (contacts == null) {
            return;
        }
        Map<Long, String> unique = new LinkedHashMap<>();
        contacts.forEach(c -> unique.put(c.contactId(), c.role()));
        unique.forEach((cid, role) -> db.insertInto(OPPORTUNITY_CONTACTS)
                .set(OPPORTUNITY_CONTACTS.OPPORTUNITY_ID, id)
                .set(OPPORTUNITY_CONTACTS.CONTACT_ID, cid)
                .set(OPPORTUNITY_CONTACTS.ROLE, role)
                .execute());
    }

    OpportunityDetails details(long id) {
        OpportunityDetails d = detailsOrNull(id);
        if (d == null) {
            throw NotFoundException.of("opportunity", id);
        }
        return d;
    }

    OpportunityDetails detailsOrNull(long id) {
        var r = db.selectFrom(OPPORTUNITIES).where(OPPORTUNITIES.ID.eq(id)).fetchOne();
        if (r == null) {
            return null;
        }
        PipelineView p = pipelines.require(r.getPipelineId());
        StageView stage = p.stage(r.getStageId()).orElseThrow();
        String customerName =
                customers.find(r.getCustomerId()).map(CustomerRef::name).orElse("#" + r.getCustomerId());
        String ownerName =
                directory.user(r.getOwnerId()).map(UserSummary::displayName).orElse("#" + r.getOwnerId());
        return new OpportunityDetails(
                r.getId(),
                r.getName(),
                r.getCustomerId(),
                customerName,
                r.getOwnerId(),
                ownerName,
                p.id(),
                p.name(),
                p.productLine(),
                stage.id(),
                stage.name(),
                stage.position(),
                stage.winProbability(),
                OpportunityStatus.valueOf(r.getStatus()),
                r.getAmount(),
                r.getBudgetRange() == null ? null : BudgetRange.valueOf(r.getBudgetRange()),
                r.getExpectedClose(),
                r.getCoreNeed(),
                r.getBlocker(),
                r.getCompetitors(),
                r.getCompetitorDoc(),
                r.getNextStep(),
                r.getNextStepDue(),
                r.getSource(),
                r.getLossReason(),
                r.getLastContactAt(),
                r.getStageEnteredAt(),
                r.getHealthScore(),
                r.getCreatedAt(),
                r.getUpdatedAt(),
                r.getClosedAt(),
                r.getVersion(),
                contacts(id, r.getCustomerId()),
                history(id, p));
    }

    private List<OpportunityDetails.Contact> contacts(long id, long customerId) {
        Map<Long, ContactRef> refs =
                customers.contacts(customerId).stream().collect(Collectors.toMap(ContactRef::id, c -> c, (a, b) -> a));
        return db.selectFrom(OPPORTUNITY_CONTACTS)
                .where(OPPORTUNITY_CONTACTS.OPPORTUNITY_ID.eq(id))
                .orderBy(OPPORTUNITY_CONTACTS.CONTACT_ID)
                .fetch(c -> {
                    ContactRef ref = refs.get(c.getContactId());
                    return new OpportunityDetails.Contact(
                            c.getContactId(),
                            ref == null ? "#" + c.getContactId() : ref.name(),
                            ref == null ? null : ref.title(),
                            c.getRole());
                });
    }

    private List<StageHistoryEntry> history(long id, PipelineView p) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<Long, StageView> stages = new HashMap<>();
        p.stages().forEach(s -> stages.put(s.id(), s));
        return db.selectFrom(OPPORTUNITY_STAGE_HISTORY)
                .where(OPPORTUNITY_STAGE_HISTORY.OPPORTUNITY_ID.eq(id))
                .orderBy(OPPORTUNITY_STAGE_HISTORY.ENTERED_AT, OPPORTUNITY_STAGE_HISTORY.ID)
                .fetch(h -> {
                    StageView s = stages.get(h.getStageId());
                    OffsetDateTime end = h.getExitedAt() == null ? now : h.getExitedAt();
                    return new StageHistoryEntry(
                            h.getStageId(),
                            s == null ? "#" + h.getStageId() : s.name(),
                            s == null ? 0 : s.position(),
                            h.getEnteredAt(),
                            h.getExitedAt(),
                            h.getExitKind(),
                            Duration.between(h.getEnteredAt(), end).toHours(),
                            calendar.workingDaysBetween(
                                    h.getEnteredAt()
                                            .atZoneSameInstant(calendar.zone())
                                            .toLocalDate(),
                                    end.atZoneSameInstant(calendar.zone()).toLocalDate()));
                });
    }

    /** Cards for rows of one page or board: owners, stages and customers looked up once for all rows. */
    List<OpportunityCard> cards(List<OpportunitiesRecord> rows) {
        Map<Long, String> users =
                directory.users().stream().collect(Collectors.toMap(UserSummary::id, UserSummary::displayName));
        Map<Long, String> stageNames = new HashMap<>();
        pipelines.all().forEach(p -> p.stages().forEach(s -> stageNames.put(s.id(), s.name())));
        Map<Long, String> customerNames = customers.names(
                rows.stream().map(OpportunitiesRecord::getCustomerId).collect(Collectors.toSet()));
        return rows.stream()
                .map(r -> new OpportunityCard(
                        r.getId(),
                        r.getName(),
                        r.getCustomerId(),
                        customerNames.getOrDefault(r.getCustomerId(), "#" + r.getCustomerId()),
                        r.getOwnerId(),
                        users.getOrDefault(r.getOwnerId(), "#" + r.getOwnerId()),
                        r.getPipelineId(),
                        r.getStageId(),
                        stageNames.get(r.getStageId()),
                        OpportunityStatus.valueOf(r.getStatus()),
                        r.getAmount(),
                        r.getExpectedClose(),
                        r.getHealthScore(),
                        r.getLastContactAt(),
                        r.getStageEnteredAt(),
                        r.getUpdatedAt(),
                        r.getVersion()))
                .toList();
    }

    /** What the audit log keeps of an opportunity: the fields a user edits, by the names the history shows. */
    static Map<String, Object> snapshot(OpportunityDetails d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.name());
        m.put("owner", d.ownerName());
        m.put("stage", d.stageName());
        m.put("status", d.status().name());
        m.put("amount", d.amount());
        m.put("budgetRange", d.budgetRange() == null ? null : d.budgetRange().name());
        m.put(
                "expectedClose",
                d.expectedClose() == null ? null : d.expectedClose().toString());
        m.put("coreNeed", d.coreNeed());
        m.put("blocker", d.blocker());
        m.put("competitors", d.competitors());
        m.put("competitorDoc", d.competitorDoc());
        m.put("nextStep", d.nextStep());
        m.put("nextStepDue", d.nextStepDue() == null ? null : d.nextStepDue().toString());
        m.put("source", d.source());
        m.put(
                "contacts",
                d.contacts().stream().map(c -> c.name() + ":" + c.role()).collect(Collectors.joining(",")));
        return m;
    }
}
