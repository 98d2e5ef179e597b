package app.lantern.pipeline;

import static lantern.db.Tables.OPPORTUNITIES;
import static lantern.db.Tables.OPPORTUNITY_CONTACTS;
import static lantern.db.Tables.OPPORTUNITY_INTERVENTIONS;
import static lantern.db.Tables.OPPORTUNITY_STAGE_HISTORY;

import app.lantern.audit.AuditLog;
import app.lantern.customer.ContactRef;
import app.lantern.customer.CustomerRef;
import app.lantern.customer.Customers;
import app.lantern.customer.CustomersMerged;
import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.DataScopes;
import app.lantern.identity.Directory;
import app.lantern.identity.RecordKind;
import app.lantern.identity.UserSummary;
import app.lantern.shared.Texts;
import app.lantern.shared.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, editing and deleting opportunities, scoped and audited. */
@Service
@Transactional
public class OpportunityEditing {

    private final DSLContext db;
    private final OpportunityStore store;
    private final OpportunityQueries queries;
    private final Pipelines pipelines;
    private final Customers customers;
    private final Directory directory;
    private final DataScopes scopes;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final HealthEngine health;
    private final Clock clock;

    OpportunityEditing(
            DSLContext db,
            OpportunityStore store,
            OpportunityQueries queries,
            Pipelines pipelines,
            Customers customers,
            Directory directory,
            DataScopes scopes,
            CurrentActor currentActor,
            AuditLog audit,
            ApplicationEventPublisher events,
            HealthEngine health,
            Clock clock) {
        this.db = db;
        this.store = store;
        this.queries = queries;
        this.pipelines = pipelines;
        this.customers = customers;
        this.directory = directory;
        this.scopes = scopes;
        this.currentActor = currentActor;
        this.audit = audit;
        this.events = events;
        this.health = health;
        this.clock = clock;
    }

    public OpportunityDetails create(OpportunityInput in) {
        Actor actor = currentActor.require();
        var errors = in.validate(LocalDate.now(clock));
        errors.addIf(in.pipelineId() == null, "pipelineId", "must not be null");
        errors.addIf(in.customerId() == null, "customerId", "must not be null");
        errors.throwIfAny();
        CustomerRef customer = customers.requireVisible(in.customerId());
        long ownerId = in.ownerId() == null ? actor.userId() : in.ownerId();
        requireAssignable(ownerId);
        PipelineView pipeline = pipelines
                .find(in.pipelineId())
                .filter(PipelineView::active)
                .orElseThrow(() -> ValidationException.field("pipelineId", "unknown pipeline"));
        StageView stage = in.stageId() == null
                ? pipeline.firstStage()
                : pipeline.stage(in.stageId())
                        .orElseThrow(() -> ValidationException.field("stageId", "not a stage of this pipeline"));
        checkContacts(in, customer.id());
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = db.insertInto(OPPORTUNITIES)
                .set(OPPORTUNITIES.NAME, in.name().strip())
                .set(OPPORTUNITIES.CUSTOMER_ID, customer.id())
                .set(OPPORTUNITIES.OWNER_ID, ownerId)
                .set(OPPORTUNITIES.PIPELINE_ID, pipeline.id())
                .set(OPPORTUNITIES.STAGE_ID, stage.id())
                .set(OPPORTUNITIES.STATUS, OpportunityStatus.OPEN.name())
                .set(fieldValues(in))
                .set(OPPORTUNITIES.FIRST_EXPECTED_CLOSE, in.expectedClose())
                .set(OPPORTUNITIES.STAGE_ENTERED_AT, now)
                .set(OPPORTUNITIES.CREATED_AT, now)
                .set(OPPORTUNITIES.UPDATED_AT, now)
                .returning(OPPORTUNITIES.ID)
                .fetchOne()
                .getId();
        store.addContacts(id, in.contacts());
        if (stage.position() > 1) {
            List<OpportunityField> missing = store.evidence(id).missing(pipeline.entryCriteria(stage));
            if (!missing.isEmpty()) {
                throw Opportunity.gate(stage, missing);
            }
        }
        store.enterStage(id, stage.id(), now, actor.userId());
        OpportunityDetails created = store.details(id);
        audit.created("opportunity", id, OpportunityStore.snapshot(created));
        events.publishEvent(new OpportunityCreated(id, ownerId, customer.id()));
        health.recompute(id);
        return store.details(id);
    }

    /** Replaces the editable fields; {@code expectedVersion} must match (409 with the current version otherwise). */
    public OpportunityDetails update(long id, OpportunityInput in, int expectedVersion) {
        OpportunityDetails before = queries.requireOpen(id);
        in.validate(LocalDate.now(clock)).throwIfAny();
        if (in.customerId() != null && in.customerId() != before.customerId()) {
            throw ValidationException.field("customerId", "an opportunity cannot change customer");
        }
        long ownerId = before.ownerId();
        if (in.ownerId() != null && in.ownerId() != before.ownerId()) {
            requireAssignable(in.ownerId());
            ownerId = in.ownerId();
        }
        checkContacts(in, before.customerId());
        var step = db.update(OPPORTUNITIES)
                .set(OPPORTUNITIES.NAME, in.name().strip())
                .set(fieldValues(in))
                .set(OPPORTUNITIES.OWNER_ID, ownerId);
        if (before.expectedClose() != null
                && in.expectedClose() != null
                && in.expectedClose().isAfter(before.expectedClose())) {
            step = step.set(OPPORTUNITIES.CLOSE_DATE_CHANGES, OPPORTUNITIES.CLOSE_DATE_CHANGES.plus(1));
        }
        store.bump(step.set(OPPORTUNITIES.UPDATED_AT, OffsetDateTime.now(clock)), id, expectedVersion);
        if (in.contacts() != null) {
            store.replaceContacts(id, in.contacts());
        }
        OpportunityDetails after = store.details(id);
        audit.updated("opportunity", id, OpportunityStore.snapshot(before), OpportunityStore.snapshot(after));
        health.recompute(id);
        return store.details(id);
    }

    /**
     * Fills the fields a stage gate asked for (blank values keep what is there) and names the decision maker; the
     * rest of the opportunity stays as it is.
     */
    public OpportunityDetails fill(long id, GateInput gate, int expectedVersion) {
        OpportunityDetails b = queries.requireOpen(id);
        List<OpportunityInput.ContactRole> contacts = b.contacts().stream()
                .filter(c -> gate.decisionMakerContactId() == null || c.contactId() != gate.decisionMakerContactId())
                .map(c -> new OpportunityInput.ContactRole(c.contactId(), c.role()))
                .collect(Collectors.toList());
        if (gate.decisionMakerContactId() != null) {
            contacts.add(new OpportunityInput.ContactRole(
                    gate.decisionMakerContactId(), DecisionRole.DECISION_MAKER.name()));
        }
        return update(id, gate.over(b, contacts), expectedVersion);
    }

    /** Deletes an opportunity without activity history of its own (admins and owners; scoped). */
    public void delete(long id, int expectedVersion) {
        OpportunityDetails before = queries.visible(id);
        if (expectedVersion != before.version()) {
            throw OpportunityStore.conflict(before.version());
        }
        db.deleteFrom(OPPORTUNITY_CONTACTS)
                .where(OPPORTUNITY_CONTACTS.OPPORTUNITY_ID.eq(id))
                .execute();
        db.deleteFrom(OPPORTUNITY_STAGE_HISTORY)
                .where(OPPORTUNITY_STAGE_HISTORY.OPPORTUNITY_ID.eq(id))
                .execute();
        db.deleteFrom(OPPORTUNITY_INTERVENTIONS)
                .where(OPPORTUNITY_INTERVENTIONS.OPPORTUNITY_ID.eq(id))
                .execute();
        try {
            db.deleteFrom(OPPORTUNITIES).where(OPPORTUNITIES.ID.eq(id)).execute();
        } catch (DataIntegrityViolationException ex) {
            throw ValidationException.unprocessable(
                    "id", "activities refer to this opportunity; close it as lost instead");
        }
        audit.deleted("opportunity", id, OpportunityStore.snapshot(before));
    }

    /** Opportunities of a merged customer follow it to the survivor, inside the merge transaction. */
    @EventListener
    void on(CustomersMerged e) {
        db.update(OPPORTUNITIES)
                .set(OPPORTUNITIES.CUSTOMER_ID, e.survivorId())
                .where(OPPORTUNITIES.CUSTOMER_ID.eq(e.mergedId()))
                .execute();
    }

    private void requireAssignable(long ownerId) {
        if (!scopes.current(RecordKind.OPPORTUNITY).covers(ownerId)
                || directory.user(ownerId).filter(UserSummary::active).isEmpty()) {
            throw ValidationException.field("ownerId", "not a user you may assign");
        }
    }

    private void checkContacts(OpportunityInput in, long customerId) {
        if (in.contacts() == null || in.contacts().isEmpty()) {
            return;
        }
        Set<Long> own =
                customers.contacts(customerId).stream().map(ContactRef::id).collect(Collectors.toSet());
        for (int i = 0; i < in.contacts().size(); i++) {
            if (!own.contains(in.contacts().get(i).contactId())) {
                throw ValidationException.field("contacts[" + i + "].contactId", "not a contact of this customer");
            }
        }
    }

    private static Map<Field<?>, Object> fieldValues(OpportunityInput in) {
        Map<Field<?>, Object> m = new HashMap<>();
        m.put(OPPORTUNITIES.AMOUNT, in.amount());
        m.put(
                OPPORTUNITIES.BUDGET_RANGE,
                in.budgetRange() == null ? null : in.budgetRange().name());
        m.put(OPPORTUNITIES.EXPECTED_CLOSE, in.expectedClose());
        m.put(OPPORTUNITIES.CORE_NEED, Texts.clean(in.coreNeed()));
        m.put(OPPORTUNITIES.BLOCKER, Texts.clean(in.blocker()));
        m.put(OPPORTUNITIES.COMPETITORS, Texts.clean(in.competitors()));
        m.put(OPPORTUNITIES.NEXT_STEP, Texts.clean(in.nextStep()));
        m.put(OPPORTUNITIES.NEXT_STEP_DUE, in.nextStepDue());
        m.put(OPPORTUNITIES.SOURCE, Texts.clean(in.source()));
        return m;
    }
}
