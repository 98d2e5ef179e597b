package app.lantern.pipeline;

import static lantern.db.Tables.OPPORTUNITIES;
import static lantern.db.Tables.OPPORTUNITY_CONTACTS;
import static lantern.db.Tables.OPPORTUNITY_STAGE_HISTORY;

import app.lantern.audit.AuditLog;
import app.lantern.calendar.WorkingCalendar;
import app.lantern.customer.ContactRef;
import app.lantern.customer.CustomerRef;
import app.lantern.customer.Customers;
import app.lantern.customer.CustomersMerged;
import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.DataScope;
import app.lantern.identity.DataScopes;
import app.lantern.identity.Directory;
import app.lantern.identity.RecordKind;
import app.lantern.identity.UserSummary;
import app.lantern.shared.ConflictException;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.PageQuery;
import app.lantern.shared.PageResult;
import app.lantern.shared.Texts;
import app.lantern.shared.ValidationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, editing, moving and closing opportunities, scoped and audited; reads for the pages and the API. */
@Service
@Transactional
public class OpportunityService {

    public static final Set<String> SORT_FIELDS =
            Set.of("name", "amount", "expectedClose", "updatedAt", "createdAt", "healthScore");
    static final Set<String> DECISION_ROLES = Set.of("DECISION_MAKER", "INFLUENCER", "USER", "GATEKEEPER", "SUPPORTER");

    private final DSLContext db;
    private final Pipelines pipelines;
    private final Customers customers;
    private final Directory directory;
    private final DataScopes scopes;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final HealthEngine health;
    private final WorkingCalendar calendar;
    private final Clock clock;

    OpportunityService(
            DSLContext db,
            Pipelines pipelines,
            Customers customers,
            Directory directory,
            DataScopes scopes,
            CurrentActor currentActor,
            AuditLog audit,
            ApplicationEventPublisher events,
            HealthEngine health,
            WorkingCalendar calendar,
            Clock clock) {
        this.db = db;
        this.pipelines = pipelines;
        this.customers = customers;
        this.directory = directory;
        this.scopes = scopes;
        this.currentActor = currentActor;
        this.audit = audit;
        this.events = events;
        this.health = health;
        this.calendar = calendar;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- writes

    public OpportunityDetails create(OpportunityInput in) {
        Actor actor = currentActor.require();
        DataScope scope = scopes.current(RecordKind.OPPORTUNITY);
        FieldErrors errors = validate(in);
        errors.addIf(in.pipelineId() == null, "pipelineId", "must not be null");
        errors.addIf(in.customerId() == null, "customerId", "must not be null");
        errors.throwIfAny();
        CustomerRef customer = customers.requireVisible(in.customerId());
        long ownerId = in.ownerId() == null ? actor.userId() : in.ownerId();
        if (!scope.covers(ownerId)
                || directory.user(ownerId).filter(UserSummary::active).isEmpty()) {
            throw ValidationException.field("ownerId", "not a user you may assign");
        }
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
        saveContacts(id, in.contacts());
        if (stage.position() > 1) {
            List<OpportunityField> missing = missing(id, pipeline, stage);
            if (!missing.isEmpty()) {
                throw gate(stage, missing);
            }
        }
        db.insertInto(OPPORTUNITY_STAGE_HISTORY)
                .set(OPPORTUNITY_STAGE_HISTORY.OPPORTUNITY_ID, id)
                .set(OPPORTUNITY_STAGE_HISTORY.STAGE_ID, stage.id())
                .set(OPPORTUNITY_STAGE_HISTORY.ENTERED_AT, now)
                .set(OPPORTUNITY_STAGE_HISTORY.ACTOR_ID, actor.userId())
                .execute();
        OpportunityDetails created = details(id);
        audit.created("opportunity", id, snapshot(created));
        events.publishEvent(new OpportunityCreated(id, ownerId, customer.id()));
        health.recompute(id);
        return details(id);
    }

    /** Replaces the editable fields; {@code expectedVersion} must match (409 with the current version otherwise). */
    public OpportunityDetails update(long id, OpportunityInput in, int expectedVersion) {
        OpportunityDetails before = requireOpen(id);
        validate(in).throwIfAny();
        if (in.customerId() != null && in.customerId() != before.customerId()) {
            throw ValidationException.field("customerId", "an opportunity cannot change customer");
        }
        long ownerId = before.ownerId();
        if (in.ownerId() != null && in.ownerId() != before.ownerId()) {
            if (!scopes.current(RecordKind.OPPORTUNITY).covers(in.ownerId())
                    || directory.user(in.ownerId()).filter(UserSummary::active).isEmpty()) {
                throw ValidationException.field("ownerId", "not a user you may assign");
            }
            ownerId = in.ownerId();
        }
        checkContacts(in, before.customerId());
        var step = db.update(OPPORTUNITIES)
                .set(OPPORTUNITIES.NAME, in.name().strip())
                .set(fieldValues(in))
                .set(OPPORTUNITIES.OWNER_ID, ownerId);
        if (slipped(before.expectedClose(), in.expectedClose())) {
            step = step.set(OPPORTUNITIES.CLOSE_DATE_CHANGES, OPPORTUNITIES.CLOSE_DATE_CHANGES.plus(1));
        }
        bump(step.set(OPPORTUNITIES.UPDATED_AT, OffsetDateTime.now(clock)), id, expectedVersion);
        if (in.contacts() != null) {
            db.deleteFrom(OPPORTUNITY_CONTACTS)
                    .where(OPPORTUNITY_CONTACTS.OPPORTUNITY_ID.eq(id))
                    .execute();
            saveContacts(id, in.contacts());
        }
        OpportunityDetails after = details(id);
        audit.updated("opportunity", id, snapshot(before), snapshot(after));
        health.recompute(id);
        return details(id);
    }

    /**
     * Fills some fields (the gate form of a blocked stage move): keys of {@link OpportunityField} except contacts,
     * plus {@code decisionMakerContactId}. Blank values are ignored.
     */
    public OpportunityDetails fill(long id, Map<String, String> values, int expectedVersion) {
        OpportunityDetails b = requireOpen(id);
        Map<String, String> v = new HashMap<>();
        values.forEach((k, val) -> {
            if (val != null && !val.isBlank()) {
                v.put(k, val.strip());
            }
        });
        FieldErrors errors = new FieldErrors();
        BigDecimal amount = v.containsKey("amount") ? parseAmount(v.get("amount"), errors) : b.amount();
        BudgetRange budget = b.budgetRange();
        if (v.containsKey("budgetRange")) {
            try {
                budget = BudgetRange.valueOf(v.get("budgetRange"));
            } catch (IllegalArgumentException e) {
                errors.add("budgetRange", "must be one of UP_TO_50K, FROM_50K_TO_200K, FROM_200K_TO_500K, ABOVE_500K");
            }
        }
        LocalDate close = v.containsKey("expectedClose")
                ? parseDate(v.get("expectedClose"), "expectedClose", errors)
                : b.expectedClose();
        LocalDate due =
                v.containsKey("nextStepDue") ? parseDate(v.get("nextStepDue"), "nextStepDue", errors) : b.nextStepDue();
        List<OpportunityInput.ContactRole> contacts = b.contacts().stream()
                .map(c -> new OpportunityInput.ContactRole(c.contactId(), c.role()))
                .collect(Collectors.toCollection(ArrayList::new));
        if (v.containsKey("decisionMakerContactId")) {
            try {
                long cid = Long.parseLong(v.get("decisionMakerContactId"));
                contacts.removeIf(c -> c.contactId() == cid);
                contacts.add(new OpportunityInput.ContactRole(cid, "DECISION_MAKER"));
            } catch (NumberFormatException e) {
                errors.add("decisionMaker", "choose a contact");
            }
        }
        errors.throwIfAny();
        OpportunityInput in = new OpportunityInput(
                b.name(),
                b.customerId(),
                b.ownerId(),
                b.pipelineId(),
                null,
                amount,
                budget,
                close,
                v.getOrDefault("coreNeed", b.coreNeed()),
                v.getOrDefault("blocker", b.blocker()),
                v.getOrDefault("competitors", b.competitors()),
                v.getOrDefault("nextStep", b.nextStep()),
                due,
                v.getOrDefault("source", b.source()),
                contacts);
        return update(id, in, expectedVersion);
    }

    /** Moves to another stage of the same pipeline; 422 naming every missing entry-criteria field. */
    public OpportunityDetails moveTo(long id, long stageId, Integer expectedVersion) {
        OpportunityDetails before = requireOpen(id);
        PipelineView pipeline = pipelines.require(before.pipelineId());
        StageView target = pipeline.stage(stageId)
                .orElseThrow(() ->
                        ValidationException.unprocessable("stageId", "not a stage of this opportunity's pipeline"));
        if (target.id() == before.stageId()) {
            return before;
        }
        if (expectedVersion != null && expectedVersion != before.version()) {
            throw conflict(before.version());
        }
        List<OpportunityField> missing = missing(id, pipeline, target);
        if (!missing.isEmpty()) {
            throw gate(target, missing);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        bump(
                db.update(OPPORTUNITIES)
                        .set(OPPORTUNITIES.STAGE_ID, target.id())
                        .set(OPPORTUNITIES.STAGE_ENTERED_AT, now)
                        .set(OPPORTUNITIES.UPDATED_AT, now),
                id,
                before.version());
        closeHistory(id, now, "MOVED");
        db.insertInto(OPPORTUNITY_STAGE_HISTORY)
                .set(OPPORTUNITY_STAGE_HISTORY.OPPORTUNITY_ID, id)
                .set(OPPORTUNITY_STAGE_HISTORY.STAGE_ID, target.id())
                .set(OPPORTUNITY_STAGE_HISTORY.ENTERED_AT, now)
                .set(OPPORTUNITY_STAGE_HISTORY.ACTOR_ID, currentActor.require().userId())
                .execute();
        audit.updated("opportunity", id, Map.of("stage", before.stageName()), Map.of("stage", target.name()));
        events.publishEvent(new OpportunityStageChanged(id, before.ownerId(), before.stageId(), target.id(), now));
        health.recompute(id);
        return details(id);
    }

    /** Closes as won; {@code amount} (optional) is the signed amount. */
    public OpportunityDetails win(long id, BigDecimal amount, String note, Integer expectedVersion) {
        OpportunityDetails before = requireOpen(id);
        if (expectedVersion != null && expectedVersion != before.version()) {
            throw conflict(before.version());
        }
        FieldErrors e = new FieldErrors();
        e.addIf(
                amount != null
                        && (amount.signum() <= 0 || amount.scale() > 2 || amount.precision() - amount.scale() > 12),
                "amount",
                "must be a positive amount in yuan with at most 2 decimals");
        Texts.maxLength(e, "reason", note, 500);
        BigDecimal finalAmount = amount != null ? amount : before.amount();
        e.addIf(finalAmount == null, "amount", "a won opportunity needs an amount");
        e.throwIfAny();
        OffsetDateTime now = OffsetDateTime.now(clock);
        bump(
                db.update(OPPORTUNITIES)
                        .set(OPPORTUNITIES.STATUS, "WON")
                        .set(OPPORTUNITIES.AMOUNT, finalAmount)
                        .set(OPPORTUNITIES.CLOSED_AT, now)
                        .set(OPPORTUNITIES.UPDATED_AT, now),
                id,
                before.version());
        closeHistory(id, now, "WON");
        closeInterventions(id, "CLOSED_WON", now);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", "WON");
        after.put("amount", finalAmount);
        after.put("reason", Texts.clean(note));
        Map<String, Object> beforeMap = new LinkedHashMap<>();
        beforeMap.put("status", "OPEN");
        beforeMap.put("amount", before.amount());
        beforeMap.put("reason", null);
        audit.updated("opportunity", id, beforeMap, after);
        events.publishEvent(new OpportunityWon(id, before.ownerId(), finalAmount, now));
        return details(id);
    }

    /** Closes as lost; the reason is required. */
    public OpportunityDetails lose(long id, String reason, Integer expectedVersion) {
        OpportunityDetails before = requireOpen(id);
        if (expectedVersion != null && expectedVersion != before.version()) {
            throw conflict(before.version());
        }
        FieldErrors e = new FieldErrors();
        Texts.require(e, "reason", reason, 500);
        e.throwIfAny();
        OffsetDateTime now = OffsetDateTime.now(clock);
        bump(
                db.update(OPPORTUNITIES)
                        .set(OPPORTUNITIES.STATUS, "LOST")
                        .set(OPPORTUNITIES.LOSS_REASON, reason.strip())
                        .set(OPPORTUNITIES.CLOSED_AT, now)
                        .set(OPPORTUNITIES.UPDATED_AT, now),
                id,
                before.version());
        closeHistory(id, now, "LOST");
        closeInterventions(id, "CLOSED_LOST", now);
        audit.updated(
                "opportunity", id, Map.of("status", "OPEN"), Map.of("status", "LOST", "lossReason", reason.strip()));
        events.publishEvent(new OpportunityLost(id, before.ownerId(), reason.strip(), now));
        return details(id);
    }

    /** Deletes an opportunity without activity history of its own (admins and owners; scoped). */
    public void delete(long id, int expectedVersion) {
        OpportunityDetails before = visible(id);
        if (expectedVersion != before.version()) {
            throw conflict(before.version());
        }
        db.deleteFrom(OPPORTUNITY_CONTACTS)
                .where(OPPORTUNITY_CONTACTS.OPPORTUNITY_ID.eq(id))
                .execute();
        db.deleteFrom(OPPORTUNITY_STAGE_HISTORY)
                .where(OPPORTUNITY_STAGE_HISTORY.OPPORTUNITY_ID.eq(id))
                .execute();
        db.deleteFrom(lantern.db.Tables.OPPORTUNITY_INTERVENTIONS)
                .where(lantern.db.Tables.OPPORTUNITY_INTERVENTIONS.OPPORTUNITY_ID.eq(id))
                .execute();
        try {
            db.deleteFrom(OPPORTUNITIES).where(OPPORTUNITIES.ID.eq(id)).execute();
        } catch (org.springframework.dao.DataIntegrityViolationException ex) {
            throw ValidationException.unprocessable(
                    "id", "activities refer to this opportunity; close it as lost instead");
        }
        audit.deleted("opportunity", id, snapshot(before));
    }

    // ---------------------------------------------------------------- reads

    @Transactional(readOnly = true)
    public OpportunityDetails visible(long id) {
        OpportunityDetails d = detailsOrNull(id);
        if (d == null) {
            throw NotFoundException.of("opportunity", id);
        }
        scopes.current(RecordKind.OPPORTUNITY).require(d.ownerId(), "opportunity", id);
        return d;
    }

    /** The entry-criteria fields still missing for a stage (empty when the move would pass). */
    @Transactional(readOnly = true)
    public List<OpportunityField> missingFor(long id, long stageId) {
        OpportunityDetails d = visible(id);
        PipelineView p = pipelines.require(d.pipelineId());
        return missing(id, p, p.stage(stageId).orElseThrow(() -> NotFoundException.of("stage", stageId)));
    }

    /** Full recompute of every open opportunity (admins; the nightly job does the same). */
    public int recomputeAllHealth() {
        return health.recomputeAll().scanned();
    }

    @Transactional(readOnly = true)
    public HealthReport health(long id) {
        visible(id);
        return health.explain(id);
    }

    /** Filters of the list view and the API. */
    public record Filter(
            Long pipelineId,
            Long stageId,
            OpportunityStatus status,
            Long ownerId,
            Long customerId,
            String q,
            Integer healthBelow) {}

    @Transactional(readOnly = true)
    public PageResult<OpportunityCard> list(Filter f, PageQuery page) {
        Condition c = scopes.current(RecordKind.OPPORTUNITY).condition(OPPORTUNITIES.OWNER_ID);
        if (f.pipelineId() != null) {
            c = c.and(OPPORTUNITIES.PIPELINE_ID.eq(f.pipelineId()));
        }
        if (f.stageId() != null) {
            c = c.and(OPPORTUNITIES.STAGE_ID.eq(f.stageId()));
        }
        if (f.status() != null) {
            c = c.and(OPPORTUNITIES.STATUS.eq(f.status().name()));
        }
        if (f.ownerId() != null) {
            c = c.and(OPPORTUNITIES.OWNER_ID.eq(f.ownerId()));
        }
        if (f.customerId() != null) {
            c = c.and(OPPORTUNITIES.CUSTOMER_ID.eq(f.customerId()));
        }
        if (f.healthBelow() != null) {
            c = c.and(OPPORTUNITIES.HEALTH_SCORE.lt(f.healthBelow()));
        }
        if (!Texts.isBlank(f.q())) {
            String pattern = "%"
                    + f.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            c = c.and(OPPORTUNITIES.NAME.likeIgnoreCase(pattern, '\\'));
        }
        Field<?> sortField = switch (page.sortField()) {
            case "name" -> OPPORTUNITIES.NAME;
            case "amount" -> OPPORTUNITIES.AMOUNT;
            case "expectedClose" -> OPPORTUNITIES.EXPECTED_CLOSE;
            case "createdAt" -> OPPORTUNITIES.CREATED_AT;
            case "healthScore" -> OPPORTUNITIES.HEALTH_SCORE;
            default -> OPPORTUNITIES.UPDATED_AT;
        };
        SortField<?> sort = page.descending() ? sortField.desc() : sortField.asc();
        long total = db.fetchCount(OPPORTUNITIES, c);
        var rows = db.selectFrom(OPPORTUNITIES)
                .where(c)
                .orderBy(sort, OPPORTUNITIES.ID.desc())
                .limit(page.size())
                .offset(page.offset())
                .fetch();
        return PageResult.of(cards(rows), page, total);
    }

    /** Kanban columns of one pipeline: open opportunities in scope per stage (at most 200 per stage, most urgent first). */
    @Transactional(readOnly = true)
    public Map<StageView, List<OpportunityCard>> board(long pipelineId, Long ownerId) {
        PipelineView p = pipelines.require(pipelineId);
        Condition c = scopes.current(RecordKind.OPPORTUNITY)
                .condition(OPPORTUNITIES.OWNER_ID)
                .and(OPPORTUNITIES.PIPELINE_ID.eq(pipelineId))
                .and(OPPORTUNITIES.STATUS.eq("OPEN"));
        if (ownerId != null) {
            c = c.and(OPPORTUNITIES.OWNER_ID.eq(ownerId));
        }
        var rows = db.selectFrom(OPPORTUNITIES)
                .where(c)
                .orderBy(OPPORTUNITIES.EXPECTED_CLOSE.asc().nullsLast(), OPPORTUNITIES.ID)
                .fetch();
        List<OpportunityCard> all = cards(rows);
        Map<StageView, List<OpportunityCard>> board = new LinkedHashMap<>();
        for (StageView s : p.stages()) {
            board.put(
                    s,
                    all.stream()
                            .filter(card -> card.stageId() == s.id())
                            .limit(200)
                            .toList());
        }
        return board;
    }

    @Transactional(readOnly = true)
    public OpportunityCard card(long id) {
        visible(id);
        return cards(db.selectFrom(OPPORTUNITIES).where(OPPORTUNITIES.ID.eq(id)).fetch())
                .getFirst();
    }

    // ---------------------------------------------------------------- internals

    private List<OpportunityCard> cards(org.jooq.Result<lantern.db.tables.records.OpportunitiesRecord> rows) {
        Map<Long, String> users =
                directory.users().stream().collect(Collectors.toMap(UserSummary::id, UserSummary::displayName));
        Map<Long, String> stageNames = new HashMap<>();
        pipelines.all().forEach(p -> p.stages().forEach(s -> stageNames.put(s.id(), s.name())));
        Map<Long, String> customerNames = new HashMap<>();
        Function<Long, String> customerName = cid -> customerNames.computeIfAbsent(
                cid, k -> customers.find(k).map(CustomerRef::name).orElse("#" + k));
        return rows.map(r -> new OpportunityCard(
                r.getId(),
                r.getName(),
                r.getCustomerId(),
                customerName.apply(r.getCustomerId()),
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
                r.getVersion()));
    }

    OpportunityDetails details(long id) {
        OpportunityDetails d = detailsOrNull(id);
        if (d == null) {
            throw NotFoundException.of("opportunity", id);
        }
        return d;
    }

    private OpportunityDetails detailsOrNull(long id) {
        var r = db.selectFrom(OPPORTUNITIES).where(OPPORTUNITIES.ID.eq(id)).fetchOne();
        if (r == null) {
            return null;
        }
        PipelineView p = pipelines.require(r.getPipelineId());
        StageView stage = p.stage(r.getStageId()).orElseThrow();
        Map<Long, ContactRef> contactRefs = customers.contacts(r.getCustomerId()).stream()
                .collect(Collectors.toMap(ContactRef::id, c -> c, (a, b) -> a));
        List<OpportunityDetails.Contact> contacts = db.selectFrom(OPPORTUNITY_CONTACTS)
                .where(OPPORTUNITY_CONTACTS.OPPORTUNITY_ID.eq(id))
                .orderBy(OPPORTUNITY_CONTACTS.CONTACT_ID)
                .fetch(c -> {
                    ContactRef ref = contactRefs.get(c.getContactId());
                    return new OpportunityDetails.Contact(
                            c.getContactId(),
                            ref == null ? "#" + c.getContactId() : ref.name(),
                            ref == null ? null : ref.title(),
                            c.getRole());
                });
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<Long, StageView> stages = new HashMap<>();
        p.stages().forEach(s -> stages.put(s.id(), s));
        List<StageHistoryEntry> history = db.selectFrom(OPPORTUNITY_STAGE_HISTORY)
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
                contacts,
                history);
    }

    private OpportunityDetails requireOpen(long id) {
        OpportunityDetails d = visible(id);
        if (d.status() != OpportunityStatus.OPEN) {
            throw ValidationException.unprocessable("status", "the opportunity is closed (" + d.status() + ")");
        }
        return d;
    }

    private List<OpportunityField> missing(long id, PipelineView pipeline, StageView stage) {
        var r = db.selectFrom(OPPORTUNITIES).where(OPPORTUNITIES.ID.eq(id)).fetchOne();
        int[] roles = new int[2];
        db.select(OPPORTUNITY_CONTACTS.ROLE)
                .from(OPPORTUNITY_CONTACTS)
                .where(OPPORTUNITY_CONTACTS.OPPORTUNITY_ID.eq(id))
                .forEach(x -> {
                    roles[0] |= HealthModel.roleBit(x.value1());
                    roles[1]++;
                });
        return pipeline.entryCriteria(stage).stream()
                .filter(f -> !HealthEngine.filled(f, r, roles))
                .toList();
    }

    private static ValidationException gate(StageView stage, List<OpportunityField> missing) {
        return new ValidationException(
                missing.stream()
                        .map(f -> new FieldErrors.FieldError(
                                f.key(), "required to enter stage " + stage.name() + " (" + f.label() + ")"))
                        .toList(),
                422);
    }

    private void bump(
            org.jooq.UpdateSetMoreStep<lantern.db.tables.records.OpportunitiesRecord> step,
            long id,
            int expectedVersion) {
        int n = step.set(OPPORTUNITIES.VERSION, OPPORTUNITIES.VERSION.plus(1))
                .where(OPPORTUNITIES.ID.eq(id))
                .and(OPPORTUNITIES.VERSION.eq(expectedVersion))
                .execute();
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

    private static ConflictException conflict(int currentVersion) {
        return new ConflictException(
                "the opportunity was changed by someone else; reload and try again",
                Map.of("currentVersion", currentVersion));
    }

    private void closeHistory(long id, OffsetDateTime now, String kind) {
        db.update(OPPORTUNITY_STAGE_HISTORY)
                .set(OPPORTUNITY_STAGE_HISTORY.EXITED_AT, now)
                .set(OPPORTUNITY_STAGE_HISTORY.EXIT_KIND, kind)
                .where(OPPORTUNITY_STAGE_HISTORY.OPPORTUNITY_ID.eq(id))
                .and(OPPORTUNITY_STAGE_HISTORY.EXITED_AT.isNull())
                .execute();
    }

    private void closeInterventions(long id, String outcome, OffsetDateTime now) {
        db.update(lantern.db.Tables.OPPORTUNITY_INTERVENTIONS)
                .set(lantern.db.Tables.OPPORTUNITY_INTERVENTIONS.STATUS, "DONE")
                .set(
                        lantern.db.Tables.OPPORTUNITY_INTERVENTIONS.OUTCOME,
                        "CLOSED_LOST".equals(outcome) ? "CLOSED_LOST" : "NO_ACTION")
                .set(
                        lantern.db.Tables.OPPORTUNITY_INTERVENTIONS.NOTE,
                        "商机已关闭（" + ("CLOSED_LOST".equals(outcome) ? "输单" : "赢单") + "）")
                .set(lantern.db.Tables.OPPORTUNITY_INTERVENTIONS.RESOLVED_AT, now)
                .where(lantern.db.Tables.OPPORTUNITY_INTERVENTIONS.OPPORTUNITY_ID.eq(id))
                .and(lantern.db.Tables.OPPORTUNITY_INTERVENTIONS.STATUS.eq("OPEN"))
                .execute();
    }

    private static boolean slipped(LocalDate before, LocalDate after) {
        return before != null && after != null && after.isAfter(before);
    }

    private Map<Field<?>, Object> fieldValues(OpportunityInput in) {
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

    private FieldErrors validate(OpportunityInput in) {
        FieldErrors e = new FieldErrors();
        Texts.require(e, "name", in.name(), 200);
        e.addIf(
                in.amount() != null
                        && (in.amount().signum() < 0
                                || in.amount().scale() > 2
                                || in.amount().precision() - in.amount().scale() > 12),
                "amount",
                "must be 0 or more yuan with at most 2 decimals");
        Texts.maxLength(e, "coreNeed", in.coreNeed(), 1000);
        Texts.maxLength(e, "blocker", in.blocker(), 1000);
        Texts.maxLength(e, "competitors", in.competitors(), 500);
        Texts.maxLength(e, "nextStep", in.nextStep(), 500);
        Texts.maxLength(e, "source", in.source(), 50);
        LocalDate today = LocalDate.now(clock);
        e.addIf(
                in.expectedClose() != null
                        && (in.expectedClose().isBefore(today.minusYears(5))
                                || in.expectedClose().isAfter(today.plusYears(10))),
                "expectedClose",
                "must be a plausible date");
        e.addIf(
                in.nextStepDue() != null
                        && (in.nextStepDue().isBefore(today.minusYears(5))
                                || in.nextStepDue().isAfter(today.plusYears(5))),
                "nextStepDue",
                "must be a plausible date");
        if (in.contacts() != null) {
            e.addIf(in.contacts().size() > 50, "contacts", "at most 50 contacts");
            for (int i = 0; i < in.contacts().size(); i++) {
                OpportunityInput.ContactRole c = in.contacts().get(i);
                e.addIf(c == null || c.contactId() == null, "contacts[" + i + "].contactId", "must not be null");
                e.addIf(
                        c == null || c.role() == null || !DECISION_ROLES.contains(c.role()),
                        "contacts[" + i + "].role",
                        "must be one of "
                                + String.join(
                                        ", ", DECISION_ROLES.stream().sorted().toList()));
            }
        }
        return e;
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

    private void saveContacts(long id, List<OpportunityInput.ContactRole> contacts) {
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

    private static BigDecimal parseAmount(String s, FieldErrors errors) {
        try {
            BigDecimal b = new BigDecimal(s.replace(",", ""));
            if (b.signum() < 0 || b.scale() > 2 || b.precision() - b.scale() > 12) {
                errors.add("amount", "must be 0 or more yuan with at most 2 decimals");
            }
            return b;
        } catch (NumberFormatException e) {
            errors.add("amount", "must be a number");
            return null;
        }
    }

    private static LocalDate parseDate(String s, String field, FieldErrors errors) {
        try {
            return LocalDate.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(field, "must be a date (yyyy-MM-dd)");
            return null;
        }
    }

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

    /** Opportunities of a merged customer follow it to the survivor, inside the merge transaction. */
    @EventListener
    void on(CustomersMerged e) {
        db.update(OPPORTUNITIES)
                .set(OPPORTUNITIES.CUSTOMER_ID, e.survivorId())
                .where(OPPORTUNITIES.CUSTOMER_ID.eq(e.mergedId()))
                .execute();
    }
}
