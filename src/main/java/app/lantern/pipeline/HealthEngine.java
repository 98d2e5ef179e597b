package app.lantern.pipeline;

import static lantern.db.Tables.OPPORTUNITIES;
import static lantern.db.Tables.OPPORTUNITY_CONTACTS;
import static lantern.db.Tables.OPPORTUNITY_INTERVENTIONS;

import app.lantern.calendar.WorkingCalendar;
import app.lantern.identity.Directory;
import app.lantern.identity.UserSummary;
import app.lantern.notification.Notifications;
import app.lantern.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes health scores from stored facts: one opportunity on each relevant event, all open ones nightly (time
 * decay). Opens one intervention for the owner's manager, and tells the manager, when a score falls below the
 * pipeline's threshold after the new opportunity's grace period.
 *
 * <p>The single-event path uses indexed lookups only: the opportunity row by primary key, its contacts and its pipeline
 * by key prefix, and the open intervention by (opportunity, status).
 *
 * <p>Over 400 lines on purpose for now: the single-event and the batch (nightly) paths share the fact loading and the
 * intervention bookkeeping, and their benchmark (docs/perf) is tuned to this shape. Splitting off the intervention
 * opening is the next cut.
 */
@Component
class HealthEngine {

    private static final Logger log = LoggerFactory.getLogger(HealthEngine.class);

    private final DSLContext db;
    private final Pipelines pipelines;
    private final WorkingCalendar calendar;
    private final Directory directory;
    private final ObjectProvider<QuoteSignals> quoteSignals;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int graceWorkingDays;

    HealthEngine(
            DSLContext db,
            Pipelines pipelines,
            WorkingCalendar calendar,
            Directory directory,
            ObjectProvider<QuoteSignals> quoteSignals,
            Notifications notifications,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${lantern.pipeline.health.grace-working-days:5}") int graceWorkingDays) {
        this.db = db;
        this.pipelines = pipelines;
        this.calendar = calendar;
        this.directory = directory;
        this.quoteSignals = quoteSignals;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
        this.graceWorkingDays = Math.max(0, graceWorkingDays);
    }

    /** The explained score of one opportunity as of now (not stored). */
    HealthReport explain(long opportunityId) {
        Record r = require(opportunityId);
        PipelineView p = pipelines.require(r.get(OPPORTUNITIES.PIPELINE_ID));
        OffsetDateTime now = OffsetDateTime.now(clock);
        WorkingDayIndex days = WorkingDayIndex.direct(calendar);
        HealthFacts facts = facts(r, p, rolesOf(opportunityId), days, now, quote(opportunityId));
        HealthReport report = HealthModel.score(facts, p.weights(), now);
        if (report.score() < p.healthThreshold() && inGrace(facts.createdAt(), days, now)) {
            return report.withGraceUntil(calendar.addWorkingDays(localDate(facts.createdAt()), graceWorkingDays));
        }
        return report;
    }

    /** Recomputes and stores one score; opens an intervention when it falls below the threshold after the grace period. */
    @Transactional
    int recompute(long opportunityId) {
        Record r = require(opportunityId);
        if (!OpportunityStatus.OPEN.name().equals(r.get(OPPORTUNITIES.STATUS))) {
            return r.get(OPPORTUNITIES.HEALTH_SCORE) == null ? 0 : r.get(OPPORTUNITIES.HEALTH_SCORE);
        }
        PipelineView p = pipelines.require(r.get(OPPORTUNITIES.PIPELINE_ID));
        OffsetDateTime now = OffsetDateTime.now(clock);
        WorkingDayIndex days = WorkingDayIndex.direct(calendar);
        HealthFacts facts = facts(r, p, rolesOf(opportunityId), days, now, quote(opportunityId));
        HealthReport report = HealthModel.score(facts, p.weights(), now);
        Integer previous = r.get(OPPORTUNITIES.HEALTH_SCORE);
        long ownerId = r.get(OPPORTUNITIES.OWNER_ID);
        if (previous == null || previous != report.score()) {
            db.update(OPPORTUNITIES)
                    .set(OPPORTUNITIES.HEALTH_SCORE, report.score())
                    .set(OPPORTUNITIES.HEALTH_COMPUTED_AT, now)
                    .where(OPPORTUNITIES.ID.eq(opportunityId))
                    .execute();
            events.publishEvent(new OpportunityHealthChanged(
                    opportunityId, ownerId, report.score(), previous == null ? -1 : previous));
        }
        if (report.score() < p.healthThreshold() && !inGrace(facts.createdAt(), days, now)) {
            openIntervention(
                    opportunityId,
                    r.get(OPPORTUNITIES.NAME),
                    ownerId,
                    report.score(),
                    report.weakFactors().stream().map(f -> f.factor().label()).collect(Collectors.joining("、")),
                    now);
        }
        return report.score();
    }

    /** Result of a full recompute. */
    record FullRun(int scanned, int changed, int interventionsOpened, long millis) {}

    private record ToOpen(
            long opportunityId, String name, long ownerId, int score, HealthFacts facts, PipelineView pipeline) {}

    /** Recomputes every open opportunity: one scan, scores in memory, batched updates of the changed ones. */
    @Transactional
    FullRun recomputeAll() {
        long start = System.nanoTime();
        OffsetDateTime now = OffsetDateTime.now(clock);
        WorkingDayIndex days = new WorkingDayIndex(calendar, localDate(now));
        Map<Long, PipelineView> byId = new HashMap<>();
        pipelines.all().forEach(p -> byId.put(p.id(), p));
        Map<Long, int[]> weights = new HashMap<>();
        Map<Long, Integer> totals = new HashMap<>();
        byId.values().forEach(p -> {
            int[] w = new int[HealthFactor.values().length];
            int total = 0;
            for (HealthFactor f : HealthFactor.values()) {
                w[f.ordinal()] = Math.max(0, p.weights().getOrDefault(f, f.defaultWeight()));
                total += w[f.ordinal()];
            }
            weights.put(p.id(), w);
            totals.put(p.id(), total);
        });
        Map<Long, int[]> roles = new HashMap<>();
        db.select(OPPORTUNITY_CONTACTS.OPPORTUNITY_ID, OPPORTUNITY_CONTACTS.ROLE)
                .from(OPPORTUNITY_CONTACTS)
                .join(OPPORTUNITIES)
                .on(OPPORTUNITIES.ID.eq(OPPORTUNITY_CONTACTS.OPPORTUNITY_ID))
                .where(OPPORTUNITIES.STATUS.eq(OpportunityStatus.OPEN.name()))
                .fetchSize(5000)
                .forEach(rec -> {
                    int[] v = roles.computeIfAbsent(rec.value1(), k -> new int[2]);
                    v[0] |= HealthModel.roleBit(rec.value2());
                    v[1]++;
                });
        Set<Long> openInterventions = new HashSet<>(db.selectDistinct(OPPORTUNITY_INTERVENTIONS.OPPORTUNITY_ID)
                .from(OPPORTUNITY_INTERVENTIONS)
                .where(OPPORTUNITY_INTERVENTIONS.STATUS.eq(InterventionStatus.OPEN.name()))
                .fetch(OPPORTUNITY_INTERVENTIONS.OPPORTUNITY_ID));
        QuoteSignals quotes = quoteSignals.getIfAvailable();
        List<long[]> changed = new ArrayList<>();
        List<ToOpen> toOpen = new ArrayList<>();
        int scanned = 0;
        try (Cursor<Record> cursor = db.select(OPPORTUNITIES.fields())
                .from(OPPORTUNITIES)
                .where(OPPORTUNITIES.STATUS.eq(OpportunityStatus.OPEN.name()))
                .fetchSize(5000)
                .fetchLazy()) {
            while (cursor.hasNext()) {
                List<Record> chunk = cursor.fetchNext(5000);
                Map<Long, QuoteSignal> quoteOf = quotes == null
                        ? Map.of()
                        : quotes.latestFor(
                                chunk.stream().map(r -> r.get(OPPORTUNITIES.ID)).toList());
                for (Record r : chunk) {
                    scanned++;
                    long id = r.get(OPPORTUNITIES.ID);
                    PipelineView p = byId.get(r.get(OPPORTUNITIES.PIPELINE_ID));
                    int[] role = roles.getOrDefault(id, new int[2]);
                    QuoteSignal q = quoteOf.get(id);
                    HealthFacts facts = facts(r, p, role, days, now, q);
                    int score = HealthModel.scoreOnly(facts, weights.get(p.id()), totals.get(p.id()), now);
                    Integer previous = r.get(OPPORTUNITIES.HEALTH_SCORE);
                    if (previous == null || previous != score) {
                        changed.add(new long[] {
                            id,
                            score,
                            previous == null ? -1 : previous,
                            r.get(OPPORTUNITIES.OWNER_ID),
                            p.healthThreshold()
                        });
                    }
                    if (score < p.healthThreshold()
                            && !openInterventions.contains(id)
                            && !inGrace(facts.createdAt(), days, now)) {
                        toOpen.add(new ToOpen(
                                id, r.get(OPPORTUNITIES.NAME), r.get(OPPORTUNITIES.OWNER_ID), score, facts, p));
                    }
                }
            }
        }
        for (int from = 0; from < changed.size(); from += 2000) {
            var batch = db.batch(db.update(OPPORTUNITIES)
                    .set(OPPORTUNITIES.HEALTH_SCORE, (Integer) null)
                    .set(OPPORTUNITIES.HEALTH_COMPUTED_AT, (OffsetDateTime) null)
                    .where(OPPORTUNITIES.ID.eq((Long) null)));
            for (long[] c : changed.subList(from, Math.min(changed.size(), from + 2000))) {
                batch.bind((int) c[1], now, c[0]);
            }
            batch.execute();
        }
        // events only for moves that matter (first score, crossing the threshold, or 10+ points: the nightly decay is
        // gradual), and one per owner: listeners re-evaluate an owner as a whole, so 200,000 events would only queue
        // the same evaluations again and again
        Map<Long, long[]> byOwner = new LinkedHashMap<>();
        for (long[] c : changed) {
            long threshold = c[4];
            boolean crossed = c[2] < 0 || (c[1] < threshold) != (c[2] < threshold);
            if (crossed || Math.abs(c[1] - c[2]) >= 10) {
                byOwner.merge(c[3], c, (a, b) -> significance(b) > significance(a) ? b : a);
            }
        }
        byOwner.values()
                .forEach(c -> events.publishEvent(new OpportunityHealthChanged(c[0], c[3], (int) c[1], (int) c[2])));
        int opened = openInterventions(toOpen, weights, now);
        long millis = (System.nanoTime() - start) / 1_000_000;
        log.info(
                "health recompute: {} open opportunities, {} changed, {} interventions opened in {} ms",
                scanned,
                changed.size(),
                opened,
                millis);
        return new FullRun(scanned, changed.size(), opened, millis);
    }

    /**
     * Opens the interventions of a full run in batches (the open set and the managers are known, no per-row queries)
     * and tells each manager once: one digest per manager and day, linking to the open interventions.
     */
    private int openInterventions(List<ToOpen> toOpen, Map<Long, int[]> weights, OffsetDateTime now) {
        Map<Long, Optional<UserSummary>> managers = new HashMap<>();
        Map<Long, List<String>> openedFor = new LinkedHashMap<>();
        for (int from = 0; from < toOpen.size(); from += 2000) {
            var batch = db.batch(db.insertInto(
                            OPPORTUNITY_INTERVENTIONS,
                            OPPORTUNITY_INTERVENTIONS.OPPORTUNITY_ID,
                            OPPORTUNITY_INTERVENTIONS.OWNER_ID,
                            OPPORTUNITY_INTERVENTIONS.MANAGER_ID,
                            OPPORTUNITY_INTERVENTIONS.SCORE,
                            OPPORTUNITY_INTERVENTIONS.WEAK_FACTORS,
                            OPPORTUNITY_INTERVENTIONS.STATUS,
                            OPPORTUNITY_INTERVENTIONS.OPENED_AT)
                    .values((Long) null, null, null, null, null, null, null));
            for (ToOpen o : toOpen.subList(from, Math.min(toOpen.size(), from + 2000))) {
                Optional<UserSummary> manager = managers.computeIfAbsent(o.ownerId(), directory::directManagerOf);
                if (manager.isEmpty()) {
                    continue;
                }
                String weak = weakLabels(o.facts(), weights.get(o.pipeline().id()), now);
                batch.bind(
                        o.opportunityId(),
                        o.ownerId(),
                        manager.get().id(),
                        o.score(),
                        weak,
                        InterventionStatus.OPEN.name(),
                        now);
                openedFor
                        .computeIfAbsent(manager.get().id(), k -> new ArrayList<>())
                        .add(o.name());
            }
            if (batch.size() > 0) {
                batch.execute();
            }
        }
        String day = localDate(now).toString();
        openedFor.forEach((managerId, names) -> notifications.sendTemplated(
                managerId,
                NOTIFICATION_CATEGORY,
                "pipeline.interventions",
                new Object[] {
                    names.size(),
                    String.join("、", names.subList(0, Math.min(5, names.size()))) + (names.size() > 5 ? " …" : "")
                },
                "/opportunities/interventions?status=OPEN",
                "interventions:" + managerId + ":" + day));
        return openedFor.values().stream().mapToInt(List::size).sum();
    }

    static final String NOTIFICATION_CATEGORY = "intervention";

    /** Ranks a change ({id, score, previous, owner, threshold}): a threshold crossing first, then the size of the move. */
    private static long significance(long[] c) {
        boolean crossed = c[2] >= 0 && (c[1] < c[4]) != (c[2] < c[4]);
        return (crossed ? 1000 : 0) + (c[2] < 0 ? 100 - c[1] : Math.abs(c[1] - c[2]));
    }

    /** The labels of the factors earning less than half their weight, without building the full explanation. */
    static String weakLabels(HealthFacts facts, int[] weights, OffsetDateTime now) {
        StringBuilder sb = new StringBuilder();
        LocalDate today = now.toLocalDate();
        for (HealthFactor f : HealthFactor.values()) {
            if (weights[f.ordinal()] > 0 && HealthModel.ratio(f, facts, now, today) < 0.5) {
                if (sb.length() > 0) {
                    sb.append('、');
                }
                sb.append(f.label());
            }
        }
        return sb.length() > 1000 ? sb.substring(0, 1000) : sb.toString();
    }

    /** Whether the opportunity is younger than the grace period (in working days since the day it was created). */
    private boolean inGrace(OffsetDateTime createdAt, WorkingDayIndex days, OffsetDateTime now) {
        return graceWorkingDays > 0 && days.between(localDate(createdAt), localDate(now)) < graceWorkingDays;
    }

    private LocalDate localDate(OffsetDateTime t) {
        return t.atZoneSameInstant(calendar.zone()).toLocalDate();
    }

    private Record require(long opportunityId) {
        Record r = db.selectFrom(OPPORTUNITIES)
                .where(OPPORTUNITIES.ID.eq(opportunityId))
                .fetchOne();
        if (r == null) {
            throw NotFoundException.of("opportunity", opportunityId);
        }
        return r;
    }

    private void openIntervention(
            long opportunityId, String name, long ownerId, int score, String weakFactors, OffsetDateTime now) {
        if (db.fetchExists(
                OPPORTUNITY_INTERVENTIONS,
                OPPORTUNITY_INTERVENTIONS
                        .OPPORTUNITY_ID
                        .eq(opportunityId)
                        .and(OPPORTUNITY_INTERVENTIONS.STATUS.eq(InterventionStatus.OPEN.name())))) {
            return;
        }
        Optional<UserSummary> manager = directory.directManagerOf(ownerId);
        if (manager.isEmpty()) {
            return;
        }
        String weak = weakFactors.length() > 1000 ? weakFactors.substring(0, 1000) : weakFactors;
        long id = db.insertInto(OPPORTUNITY_INTERVENTIONS)
                .set(OPPORTUNITY_INTERVENTIONS.OPPORTUNITY_ID, opportunityId)
                .set(OPPORTUNITY_INTERVENTIONS.OWNER_ID, ownerId)
                .set(OPPORTUNITY_INTERVENTIONS.MANAGER_ID, manager.get().id())
                .set(OPPORTUNITY_INTERVENTIONS.SCORE, score)
                .set(OPPORTUNITY_INTERVENTIONS.WEAK_FACTORS, weak)
                .set(OPPORTUNITY_INTERVENTIONS.STATUS, InterventionStatus.OPEN.name())
                .set(OPPORTUNITY_INTERVENTIONS.OPENED_AT, now)
                .returningResult(OPPORTUNITY_INTERVENTIONS.ID)
                .fetchOne()
                .value1();
        String owner = directory.user(ownerId).map(UserSummary::displayName).orElse("#" + ownerId);
        notifications.sendTemplated(
                manager.get().id(),
                NOTIFICATION_CATEGORY,
                "pipeline.intervention",
                new Object[] {name, owner, score, HealthFactor.listPhrase(HealthFactor.ofLabels(weak))},
                "/opportunities/interventions#intervention-" + id,
                "intervention:" + id);
    }

    private int[] rolesOf(long opportunityId) {
        int[] v = new int[2];
        db.select(OPPORTUNITY_CONTACTS.ROLE)
                .from(OPPORTUNITY_CONTACTS)
                .where(OPPORTUNITY_CONTACTS.OPPORTUNITY_ID.eq(opportunityId))
                .forEach(rec -> {
                    v[0] |= HealthModel.roleBit(rec.value1());
                    v[1]++;
                });
        return v;
    }

    private QuoteSignal quote(long opportunityId) {
        QuoteSignals q = quoteSignals.getIfAvailable();
        return q == null ? null : q.latestFor(opportunityId).orElse(null);
    }

    static HealthFacts facts(
            Record r, PipelineView p, int[] roles, WorkingDayIndex days, OffsetDateTime now, QuoteSignal quote) {
        StageView stage = p.stage(r.get(OPPORTUNITIES.STAGE_ID)).orElse(p.firstStage());
        List<OpportunityField> required = new ArrayList<>(p.entryCriteria(stage));
        for (OpportunityField core : List.of(
                OpportunityField.AMOUNT,
                OpportunityField.EXPECTED_CLOSE,
                OpportunityField.CORE_NEED,
                OpportunityField.NEXT_STEP)) {
            if (!required.contains(core)) {
                required.add(core);
            }
        }
        int filled = 0;
        for (OpportunityField f : required) {
            if (filled(f, r, roles)) {
                filled++;
            }
        }
        OffsetDateTime entered = r.get(OPPORTUNITIES.STAGE_ENTERED_AT);
        int inStage = days.between(entered.atZoneSameInstant(now.getOffset()).toLocalDate(), now.toLocalDate());
        String competitors = r.get(OPPORTUNITIES.COMPETITORS);
        String nextStep = r.get(OPPORTUNITIES.NEXT_STEP);
        return new HealthFacts(
                r.get(OPPORTUNITIES.CREATED_AT),
                r.get(OPPORTUNITIES.LAST_CONTACT_AT),
                r.get(OPPORTUNITIES.LAST_DM_CONTACT_AT),
                r.get(OPPORTUNITIES.DM_CONTACTS),
                roles[0],
                r.get(OPPORTUNITIES.BUDGET_RANGE) != null,
                stage.position(),
                p.budgetRequiredFrom(),
                competitors != null && !competitors.isBlank(),
                r.get(OPPORTUNITIES.COMPETITOR_DOC),
                r.get(OPPORTUNITIES.COMPETITOR_DOC_AT),
                nextStep != null && !nextStep.isBlank(),
                r.get(OPPORTUNITIES.NEXT_STEP_DUE),
                inStage,
                stage.slaDays(),
                filled,
                required.size(),
                r.get(OPPORTUNITIES.TWO_WAY_INTERACTIONS),
                r.get(OPPORTUNITIES.LAST_TWO_WAY_AT),
                r.get(OPPORTUNITIES.DEMO_DELIVERED_AT) != null,
                r.get(OPPORTUNITIES.PROPOSAL_DELIVERED_AT) != null,
                quote,
                r.get(OPPORTUNITIES.EXPECTED_CLOSE),
                r.get(OPPORTUNITIES.CLOSE_DATE_CHANGES));
    }

    /** Whether a field counts as filled on the stored row ({@code roles}: bit set and contact count). */
    static boolean filled(OpportunityField f, Record r, int[] roles) {
        return switch (f) {
            case AMOUNT ->
                r.get(OPPORTUNITIES.AMOUNT) != null
                        && r.get(OPPORTUNITIES.AMOUNT).signum() > 0;
            case BUDGET_RANGE -> r.get(OPPORTUNITIES.BUDGET_RANGE) != null;
            case EXPECTED_CLOSE -> r.get(OPPORTUNITIES.EXPECTED_CLOSE) != null;
            case CORE_NEED -> notBlank(r.get(OPPORTUNITIES.CORE_NEED));
            case BLOCKER -> notBlank(r.get(OPPORTUNITIES.BLOCKER));
            case COMPETITORS -> notBlank(r.get(OPPORTUNITIES.COMPETITORS));
            case COMPETITOR_DOC -> r.get(OPPORTUNITIES.COMPETITOR_DOC_AT) != null;
            case NEXT_STEP -> notBlank(r.get(OPPORTUNITIES.NEXT_STEP));
            case NEXT_STEP_DUE -> r.get(OPPORTUNITIES.NEXT_STEP_DUE) != null;
            case SOURCE -> notBlank(r.get(OPPORTUNITIES.SOURCE));
            case CONTACTS -> roles[1] > 0;
            case DECISION_MAKER -> (roles[0] & HealthModel.roleBit(DecisionRole.DECISION_MAKER.name())) != 0;
        };
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
