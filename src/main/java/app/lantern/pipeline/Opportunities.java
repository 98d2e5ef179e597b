package app.lantern.pipeline;

import static lantern.db.Tables.OPPORTUNITIES;
import static lantern.db.Tables.OPPORTUNITY_CONTACTS;
import static lantern.db.Tables.OPPORTUNITY_STAGE_HISTORY;
import static lantern.db.Tables.PIPELINES;
import static lantern.db.Tables.PIPELINE_STAGES;

import app.lantern.identity.DataScopes;
import app.lantern.identity.RecordKind;
import app.lantern.shared.NotFoundException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opportunity lookups for other modules, and the hooks through which they feed the health score. */
@Service
@Transactional(readOnly = true)
public class Opportunities {

    private final DSLContext db;
    private final DataScopes scopes;
    private final HealthEngine health;

    Opportunities(DSLContext db, DataScopes scopes, HealthEngine health) {
        this.db = db;
        this.scopes = scopes;
        this.health = health;
    }

    /** Unscoped: the caller decides whether the reader may see it. */
    public Optional<OpportunityRef> find(long id) {
        return select().where(OPPORTUNITIES.ID.eq(id)).fetchOptional(Opportunities::ref);
    }

    /**
     * Unscoped, for history imports: the opportunities with these external ids (the ids of the system they were
     * exported from), by external id; unknown ids are absent.
     */
    public Map<String, OpportunityRef> byExternalIds(Collection<String> externalIds) {
        Map<String, OpportunityRef> found = new HashMap<>();
        if (!externalIds.isEmpty()) {
            select().where(OPPORTUNITIES.EXTERNAL_ID.in(externalIds))
                    .forEach(r -> found.put(r.get(OPPORTUNITIES.EXTERNAL_ID), ref(r)));
        }
        return found;
    }

    /** The opportunity if the signed-in user may see it; 404 otherwise. */
    public OpportunityRef requireVisible(long id) {
        OpportunityRef ref = find(id).orElseThrow(() -> NotFoundException.of("opportunity", id));
        scopes.current(RecordKind.OPPORTUNITY).require(ref.ownerId(), "opportunity", id);
        return ref;
    }

    public List<OpportunityRef> openFor(Set<Long> ownerIds) {
        return select().where(owners(ownerIds))
                .and(OPPORTUNITIES.STATUS.eq(OpportunityStatus.OPEN.name()))
                .orderBy(OPPORTUNITIES.ID)
                .fetch(Opportunities::ref);
    }

    public List<OpportunityRef> createdBetween(Set<Long> ownerIds, OffsetDateTime from, OffsetDateTime to) {
        return select().where(owners(ownerIds))
                .and(OPPORTUNITIES.CREATED_AT.ge(from))
                .and(OPPORTUNITIES.CREATED_AT.lt(to))
                .orderBy(OPPORTUNITIES.CREATED_AT)
                .fetch(Opportunities::ref);
    }

    /** Won and lost opportunities closed in {@code [from, to)}. */
    public List<OpportunityRef> closedBetween(Set<Long> ownerIds, OffsetDateTime from, OffsetDateTime to) {
        return select().where(owners(ownerIds))
                .and(OPPORTUNITIES.STATUS.in(OpportunityStatus.WON.name(), OpportunityStatus.LOST.name()))
                .and(OPPORTUNITIES.CLOSED_AT.ge(from))
                .and(OPPORTUNITIES.CLOSED_AT.lt(to))
                .orderBy(OPPORTUNITIES.CLOSED_AT)
                .fetch(Opportunities::ref);
    }

    /** Next steps of the owners' open opportunities due on or before {@code through}, earliest first. */
    public List<NextStep> nextStepsDueBy(Set<Long> ownerIds, LocalDate through) {
        return select().where(owners(ownerIds))
                .and(OPPORTUNITIES.STATUS.eq(OpportunityStatus.OPEN.name()))
                .and(OPPORTUNITIES.NEXT_STEP_DUE.le(through))
                .orderBy(OPPORTUNITIES.NEXT_STEP_DUE, OPPORTUNITIES.ID)
                .fetch(r -> new NextStep(ref(r), r.get(OPPORTUNITIES.NEXT_STEP), r.get(OPPORTUNITIES.NEXT_STEP_DUE)));
    }

    /** When the opportunity last entered a stage (its creation when it never moved). */
    public Optional<OffsetDateTime> lastStageChangeAt(long opportunityId) {
        return Optional.ofNullable(db.select(DSL.max(OPPORTUNITY_STAGE_HISTORY.ENTERED_AT))
                .from(OPPORTUNITY_STAGE_HISTORY)
                .where(OPPORTUNITY_STAGE_HISTORY.OPPORTUNITY_ID.eq(opportunityId))
                .fetchOne(0, OffsetDateTime.class));
    }

    /** Open opportunities of a customer, for pickers (unscoped; the caller checked the customer). */
    public List<OpportunityRef> openOfCustomer(long customerId) {
        return select().where(OPPORTUNITIES.CUSTOMER_ID.eq(customerId))
                .and(OPPORTUNITIES.STATUS.eq(OpportunityStatus.OPEN.name()))
                .orderBy(OPPORTUNITIES.UPDATED_AT.desc())
                .fetch(Opportunities::ref);
    }

    /** Contact ids linked to the opportunity with their decision-chain role. */
    public Map<Long, String> contactRoles(long opportunityId) {
        return db.select(OPPORTUNITY_CONTACTS.CONTACT_ID, OPPORTUNITY_CONTACTS.ROLE)
                .from(OPPORTUNITY_CONTACTS)
                .where(OPPORTUNITY_CONTACTS.OPPORTUNITY_ID.eq(opportunityId))
                .fetchMap(OPPORTUNITY_CONTACTS.CONTACT_ID, OPPORTUNITY_CONTACTS.ROLE);
    }

    /** Recomputes and stores the health score now (the quote module calls this after a quote changes). */
    @Transactional
    public int recomputeHealth(long opportunityId) {
        return health.recompute(opportunityId);
    }

    /**
     * A logged contact about the opportunity (called by the activity module in its transaction): moves last contact
     * time and the engagement facts forward — never backward for an activity back-filled out of order — and
     * recomputes the health score.
     */
    @Transactional
    public void recordInteraction(Interaction i) {
        OffsetDateTime at = i.occurredAt();
        var update = db.update(OPPORTUNITIES)
                .set(
                        OPPORTUNITIES.LAST_CONTACT_AT,
                        DSL.when(
                                        OPPORTUNITIES.LAST_CONTACT_AT.isNull().or(OPPORTUNITIES.LAST_CONTACT_AT.lt(at)),
                                        DSL.val(at))
                                .otherwise(OPPORTUNITIES.LAST_CONTACT_AT));
        if (i.decisionMaker()) {
            update = update.set(OPPORTUNITIES.DM_CONTACTS, OPPORTUNITIES.DM_CONTACTS.plus(1))
                    .set(
                            OPPORTUNITIES.LAST_DM_CONTACT_AT,
                            DSL.when(
                                            OPPORTUNITIES
                                                    .LAST_DM_CONTACT_AT
                                                    .isNull()
                                                    .or(OPPORTUNITIES.LAST_DM_CONTACT_AT.lt(at)),
                                            DSL.val(at))
                                    .otherwise(OPPORTUNITIES.LAST_DM_CONTACT_AT));
        }
        if (i.twoWay()) {
            update = update.set(OPPORTUNITIES.TWO_WAY_INTERACTIONS, OPPORTUNITIES.TWO_WAY_INTERACTIONS.plus(1))
                    .set(
                            OPPORTUNITIES.LAST_TWO_WAY_AT,
                            DSL.when(
                                            OPPORTUNITIES
                                                    .LAST_TWO_WAY_AT
                                                    .isNull()
                                                    .or(OPPORTUNITIES.LAST_TWO_WAY_AT.lt(at)),
                                            DSL.val(at))
                                    .otherwise(OPPORTUNITIES.LAST_TWO_WAY_AT));
        }
        if ("DEMO".equals(i.activityType())) {
            update = update.set(
                    OPPORTUNITIES.DEMO_DELIVERED_AT, DSL.coalesce(OPPORTUNITIES.DEMO_DELIVERED_AT, DSL.val(at)));
        }
        if ("PROPOSAL".equals(i.activityType())) {
            update = update.set(
                    OPPORTUNITIES.PROPOSAL_DELIVERED_AT,
                    DSL.coalesce(OPPORTUNITIES.PROPOSAL_DELIVERED_AT, DSL.val(at)));
        }
        int n = update.where(OPPORTUNITIES.ID.eq(i.opportunityId())).execute();
        if (n == 0) {
            throw NotFoundException.of("opportunity", i.opportunityId());
        }
        health.recompute(i.opportunityId());
    }

    /**
     * Many interactions at once (imports and demo data): folds them per opportunity and updates the stored facts in
     * batches. Does not recompute health; call {@link #recomputeAllHealth()} afterwards.
     */
    @Transactional
    public void recordInteractions(Collection<Interaction> interactions) {
        Map<Long, Object[]> folded = new HashMap<>();
        for (Interaction i : interactions) {
            // [lastContact, lastDm, dmCount, lastTwoWay, twoWayCount, demoAt, proposalAt]
            Object[] f =
                    folded.computeIfAbsent(i.opportunityId(), k -> new Object[] {null, null, 0, null, 0, null, null});
            f[0] = max((OffsetDateTime) f[0], i.occurredAt());
            if (i.decisionMaker()) {
                f[1] = max((OffsetDateTime) f[1], i.occurredAt());
                f[2] = (Integer) f[2] + 1;
            }
            if (i.twoWay()) {
                f[3] = max((OffsetDateTime) f[3], i.occurredAt());
                f[4] = (Integer) f[4] + 1;
            }
            if ("DEMO".equals(i.activityType())) {
                f[5] = min((OffsetDateTime) f[5], i.occurredAt());
            }
            if ("PROPOSAL".equals(i.activityType())) {
                f[6] = min((OffsetDateTime) f[6], i.occurredAt());
            }
        }
        // merge with the stored facts in memory, then one prepared statement per chunk with bind values
        List<Long> ids = new ArrayList<>(folded.keySet());
        for (int from = 0; from < ids.size(); from += 1000) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            var batch = db.batch(db.update(OPPORTUNITIES)
                    .set(OPPORTUNITIES.LAST_CONTACT_AT, (OffsetDateTime) null)
                    .set(OPPORTUNITIES.LAST_DM_CONTACT_AT, (OffsetDateTime) null)
                    .set(OPPORTUNITIES.DM_CONTACTS, (Integer) null)
                    .set(OPPORTUNITIES.LAST_TWO_WAY_AT, (OffsetDateTime) null)
                    .set(OPPORTUNITIES.TWO_WAY_INTERACTIONS, (Integer) null)
                    .set(OPPORTUNITIES.DEMO_DELIVERED_AT, (OffsetDateTime) null)
                    .set(OPPORTUNITIES.PROPOSAL_DELIVERED_AT, (OffsetDateTime) null)
                    .where(OPPORTUNITIES.ID.eq((Long) null)));
            for (var r : db.select(
                            OPPORTUNITIES.ID,
                            OPPORTUNITIES.LAST_CONTACT_AT,
                            OPPORTUNITIES.LAST_DM_CONTACT_AT,
                            OPPORTUNITIES.DM_CONTACTS,
                            OPPORTUNITIES.LAST_TWO_WAY_AT,
                            OPPORTUNITIES.TWO_WAY_INTERACTIONS,
                            OPPORTUNITIES.DEMO_DELIVERED_AT,
                            OPPORTUNITIES.PROPOSAL_DELIVERED_AT)
                    .from(OPPORTUNITIES)
                    .where(OPPORTUNITIES.ID.in(chunk))
                    .fetch()) {
                Object[] f = folded.get(r.value1());
                batch.bind(
                        max(r.value2(), (OffsetDateTime) f[0]),
                        maxNullable(r.value3(), (OffsetDateTime) f[1]),
                        r.value4() + (Integer) f[2],
                        maxNullable(r.value5(), (OffsetDateTime) f[3]),
                        r.value6() + (Integer) f[4],
                        minNullable(r.value7(), (OffsetDateTime) f[5]),
                        minNullable(r.value8(), (OffsetDateTime) f[6]),
                        r.value1());
            }
            if (batch.size() > 0) {
                batch.execute();
            }
        }
    }

    private static OffsetDateTime maxNullable(OffsetDateTime a, OffsetDateTime b) {
        return b == null ? a : max(a, b);
    }

    private static OffsetDateTime minNullable(OffsetDateTime a, OffsetDateTime b) {
        return b == null ? a : min(a, b);
    }

    /** Full recompute of every open opportunity's health (the nightly job does the same); returns how many were scanned. */
    @Transactional
    public int recomputeAllHealth() {
        return health.recomputeAll().scanned();
    }

    private static OffsetDateTime max(OffsetDateTime a, OffsetDateTime b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private static OffsetDateTime min(OffsetDateTime a, OffsetDateTime b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static Condition owners(Set<Long> ownerIds) {
        return ownerIds == null || ownerIds.isEmpty() ? DSL.falseCondition() : OPPORTUNITIES.OWNER_ID.in(ownerIds);
    }

    private SelectOnConditionStep<Record> select() {
        return db.select(OPPORTUNITIES.fields())
                .select(PIPELINE_STAGES.NAME, PIPELINE_STAGES.POSITION, PIPELINES.PRODUCT_LINE)
                .from(OPPORTUNITIES)
                .join(PIPELINE_STAGES)
                .on(PIPELINE_STAGES.ID.eq(OPPORTUNITIES.STAGE_ID))
                .join(PIPELINES)
                .on(PIPELINES.ID.eq(OPPORTUNITIES.PIPELINE_ID));
    }

    static OpportunityRef ref(Record r) {
        String budget = r.get(OPPORTUNITIES.BUDGET_RANGE);
        return new OpportunityRef(
                r.get(OPPORTUNITIES.ID),
                r.get(OPPORTUNITIES.NAME),
                r.get(OPPORTUNITIES.CUSTOMER_ID),
                r.get(OPPORTUNITIES.OWNER_ID),
                r.get(OPPORTUNITIES.PIPELINE_ID),
                r.get(PIPELINES.PRODUCT_LINE),
                r.get(OPPORTUNITIES.STAGE_ID),
                r.get(PIPELINE_STAGES.NAME),
                r.get(PIPELINE_STAGES.POSITION),
                r.get(OPPORTUNITIES.AMOUNT),
                budget == null ? null : BudgetRange.valueOf(budget),
                OpportunityStatus.valueOf(r.get(OPPORTUNITIES.STATUS)),
                r.get(OPPORTUNITIES.EXPECTED_CLOSE),
                r.get(OPPORTUNITIES.CREATED_AT),
                r.get(OPPORTUNITIES.CLOSED_AT),
                r.get(OPPORTUNITIES.HEALTH_SCORE));
    }
}
