package app.lantern.pipeline;

import static lantern.db.Tables.OPPORTUNITIES;
import static lantern.db.Tables.OPPORTUNITY_STAGE_HISTORY;
import static lantern.db.Tables.PIPELINES;
import static lantern.db.Tables.PIPELINE_STAGES;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A month's funnel per owner in grouped SQL aggregates (never by loading rows): opportunities created, stage entries of
 * the period with how they ended (advanced or lost; entries still open are left out), deals won, and the deals that were
 * expected to close in the period but were still open at its end. Stages are compared by position across pipelines.
 * Callers pass owner ids they are allowed to see.
 */
@Service
@Transactional(readOnly = true)
public class FunnelFlows {

    /** One owner's period: {@code advanced[p]} / {@code lost[p]} count entries at stage position {@code p}. */
    public record OwnerFlow(int created, int won, BigDecimal wonAmount, Map<Integer, int[]> outcomes) {

        public static OwnerFlow empty() {
            return new OwnerFlow(0, 0, BigDecimal.ZERO, Map.of());
        }

        public int advanced(int position) {
            int[] o = outcomes.get(position);
            return o == null ? 0 : o[0];
        }

        public int lost(int position) {
            int[] o = outcomes.get(position);
            return o == null ? 0 : o[1];
        }
    }

    /**
     * A deal expected (first planned) to close in the period and still open at its end, with the stage it sat in then.
     */
    public record OverdueDeal(
            long id,
            String name,
            long ownerId,
            BigDecimal amount,
            String stageName,
            int stagePosition,
            int slaDays,
            OffsetDateTime stageEnteredAt,
            OpportunityStatus status) {}

    /** A deal behind a number of the period, for drill-downs. */
    public record FlowDeal(
            long id,
            String name,
            long ownerId,
            BigDecimal amount,
            String stageName,
            String outcome,
            OffsetDateTime at) {}

    private static final int DRILL_LIMIT = 200;

    private final DSLContext db;
    private final ZoneId zone;

    FunnelFlows(DSLContext db, Clock clock) {
        this.db = db;
        this.zone = clock.getZone();
    }

    /** Stage names by position over the active pipelines ("产品演示/方案演示" when pipelines name a position apart). */
    public Map<Integer, String> stageNames() {
        Map<Integer, Set<String>> names = new TreeMap<>();
        db.select(PIPELINE_STAGES.POSITION, PIPELINE_STAGES.NAME)
                .from(PIPELINE_STAGES)
                .join(PIPELINES)
                .on(PIPELINES.ID.eq(PIPELINE_STAGES.PIPELINE_ID))
                .where(PIPELINES.ACTIVE.isTrue())
                .orderBy(PIPELINE_STAGES.POSITION, PIPELINES.ID)
                .forEach(r -> names.computeIfAbsent(r.value1(), k -> new LinkedHashSet<>())
                        .add(r.value2()));
        Map<Integer, String> result = new TreeMap<>();
        names.forEach((p, n) -> result.put(p, String.join("/", n)));
        return result;
    }

    public Map<Long, OwnerFlow> flows(Set<Long> ownerIds, LocalDate from, LocalDate to) {
        Map<Long, OwnerFlow> result = new HashMap<>();
        if (ownerIds.isEmpty()) {
            return result;
        }
        OffsetDateTime start = start(from);
        OffsetDateTime end = start(to.plusDays(1));
        Map<Long, Integer> created = new HashMap<>();
        db.select(OPPORTUNITIES.OWNER_ID, DSL.count())
                .from(OPPORTUNITIES)
                .where(OPPORTUNITIES.OWNER_ID.in(ownerIds))
                .and(OPPORTUNITIES.CREATED_AT.ge(start))
                .and(OPPORTUNITIES.CREATED_AT.lt(end))
                .groupBy(OPPORTUNITIES.OWNER_ID)
                .forEach(r -> created.put(r.value1(), r.value2()));
        Map<Long, Object[]> won = new HashMap<>();
        db.select(OPPORTUNITIES.OWNER_ID, DSL.count(), DSL.sum(DSL.coalesce(OPPORTUNITIES.AMOUNT, BigDecimal.ZERO)))
                .from(OPPORTUNITIES)
                .where(OPPORTUNITIES.OWNER_ID.in(ownerIds))
                .and(OPPORTUNITIES.STATUS.eq(OpportunityStatus.WON.name()))
                .and(OPPORTUNITIES.CLOSED_AT.ge(start))
                .and(OPPORTUNITIES.CLOSED_AT.lt(end))
                .groupBy(OPPORTUNITIES.OWNER_ID)
                .forEach(r -> won.put(r.value1(), new Object[] {r.value2(), r.value3()}));
        Map<Long, Map<Integer, int[]>> outcomes = new HashMap<>();
        var advanced = DSL.count()
                .filterWhere(OPPORTUNITY_STAGE_HISTORY.EXIT_KIND.in(StageExit.MOVED.name(), StageExit.WON.name()));
        var lost = DSL.count().filterWhere(OPPORTUNITY_STAGE_HISTORY.EXIT_KIND.eq(StageExit.LOST.name()));
        db.select(OPPORTUNITIES.OWNER_ID, PIPELINE_STAGES.POSITION, advanced, lost)
                .from(OPPORTUNITY_STAGE_HISTORY)
                .join(OPPORTUNITIES)
                .on(OPPORTUNITIES.ID.eq(OPPORTUNITY_STAGE_HISTORY.OPPORTUNITY_ID))
                .join(PIPELINE_STAGES)
                .on(PIPELINE_STAGES.ID.eq(OPPORTUNITY_STAGE_HISTORY.STAGE_ID))
                .where(OPPORTUNITIES.OWNER_ID.in(ownerIds))
                .and(OPPORTUNITY_STAGE_HISTORY.ENTERED_AT.ge(start))
                .and(OPPORTUNITY_STAGE_HISTORY.ENTERED_AT.lt(end))
                .and(OPPORTUNITY_STAGE_HISTORY.EXITED_AT.isNotNull())
                .groupBy(OPPORTUNITIES.OWNER_ID, PIPELINE_STAGES.POSITION)
                .forEach(r -> outcomes.computeIfAbsent(r.value1(), k -> new TreeMap<>())
                        .put(r.value2(), new int[] {r.value3(), r.value4()}));
        for (Long owner : ownerIds) {
            Object[] w = won.get(owner);
            result.put(
                    owner,
                    new OwnerFlow(
                            created.getOrDefault(owner, 0),
                            w == null ? 0 : (Integer) w[0],
                            w == null || w[1] == null ? BigDecimal.ZERO : (BigDecimal) w[1],
                            outcomes.getOrDefault(owner, Map.of())));
        }
        return result;
    }

    /** Deals first expected to close in {@code [from, to]} that were neither won nor lost by the end of {@code to}. */
    public List<OverdueDeal> overdue(Set<Long> ownerIds, LocalDate from, LocalDate to) {
        List<OverdueDeal> result = new ArrayList<>();
        if (ownerIds.isEmpty()) {
            return result;
        }
        OffsetDateTime end = start(to.plusDays(1));
        db.select(
                        OPPORTUNITIES.ID,
                        OPPORTUNITIES.NAME,
                        OPPORTUNITIES.OWNER_ID,
                        OPPORTUNITIES.AMOUNT,
                        PIPELINE_STAGES.NAME,
                        PIPELINE_STAGES.POSITION,
                        PIPELINE_STAGES.SLA_DAYS,
                        OPPORTUNITY_STAGE_HISTORY.ENTERED_AT,
                        OPPORTUNITIES.STATUS)
                .from(OPPORTUNITIES)
                .join(OPPORTUNITY_STAGE_HISTORY)
                .on(OPPORTUNITY_STAGE_HISTORY.OPPORTUNITY_ID.eq(OPPORTUNITIES.ID))
                .join(PIPELINE_STAGES)
                .on(PIPELINE_STAGES.ID.eq(OPPORTUNITY_STAGE_HISTORY.STAGE_ID))
                .where(OPPORTUNITIES.OWNER_ID.in(ownerIds))
                .and(OPPORTUNITIES.FIRST_EXPECTED_CLOSE.between(from, to))
                .and(OPPORTUNITIES.CLOSED_AT.isNull().or(OPPORTUNITIES.CLOSED_AT.ge(end)))
                .and(OPPORTUNITY_STAGE_HISTORY.ENTERED_AT.lt(end))
                .and(OPPORTUNITY_STAGE_HISTORY.EXITED_AT.isNull().or(OPPORTUNITY_STAGE_HISTORY.EXITED_AT.ge(end)))
                .orderBy(OPPORTUNITIES.ID)
                .forEach(r -> result.add(new OverdueDeal(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4() == null ? BigDecimal.ZERO : r.value4(),
                        r.value5(),
                        r.value6(),
                        r.value7(),
                        r.value8(),
                        OpportunityStatus.valueOf(r.value9()))));
        return result;
    }

    /** The opportunities created in the period (newest first, at most 200). */
    public List<FlowDeal> created(Set<Long> ownerIds, LocalDate from, LocalDate to) {
        return dealsBetween(
                ownerIds,
                OPPORTUNITIES.CREATED_AT,
                from,
                to,
                DSL.noCondition(),
                OPPORTUNITIES.CREATED_AT.desc(),
                OPPORTUNITIES.ID.desc());
    }

    /** The deals won in the period (largest first, at most 200). */
    public List<FlowDeal> won(Set<Long> ownerIds, LocalDate from, LocalDate to) {
        return dealsBetween(
                ownerIds,
                OPPORTUNITIES.CLOSED_AT,
                from,
                to,
                OPPORTUNITIES.STATUS.eq(OpportunityStatus.WON.name()),
                OPPORTUNITIES.AMOUNT.desc().nullsLast(),
                OPPORTUNITIES.ID.asc());
    }

    /** The owners' opportunities whose {@code at} falls in the period and that meet {@code also}, at most 200. */
    private List<FlowDeal> dealsBetween(
            Set<Long> ownerIds,
            Field<OffsetDateTime> at,
            LocalDate from,
            LocalDate to,
            Condition also,
            SortField<?>... order) {
        if (ownerIds.isEmpty()) {
            return List.of();
        }
        return db.select(
                        OPPORTUNITIES.ID,
                        OPPORTUNITIES.NAME,
                        OPPORTUNITIES.OWNER_ID,
                        OPPORTUNITIES.AMOUNT,
                        PIPELINE_STAGES.NAME,
                        OPPORTUNITIES.STATUS,
                        at)
                .from(OPPORTUNITIES)
                .join(PIPELINE_STAGES)
                .on(PIPELINE_STAGES.ID.eq(OPPORTUNITIES.STAGE_ID))
                .where(OPPORTUNITIES.OWNER_ID.in(ownerIds))
                .and(also)
                .and(at.ge(start(from)))
                .and(at.lt(start(to.plusDays(1))))
                .orderBy(order)
                .limit(DRILL_LIMIT)
                .fetch(r -> new FlowDeal(
                        r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
    }

    /** Entries of the period at a stage position that have ended, with how (MOVED, WON or LOST), lost first. */
    public List<FlowDeal> stageExits(Set<Long> ownerIds, int position, LocalDate from, LocalDate to) {
        if (ownerIds.isEmpty()) {
            return List.of();
        }
        Condition period = OPPORTUNITY_STAGE_HISTORY
                .ENTERED_AT
                .ge(start(from))
                .and(OPPORTUNITY_STAGE_HISTORY.ENTERED_AT.lt(start(to.plusDays(1))))
                .and(OPPORTUNITY_STAGE_HISTORY.EXITED_AT.isNotNull());
        return db.select(
                        OPPORTUNITIES.ID,
                        OPPORTUNITIES.NAME,
                        OPPORTUNITIES.OWNER_ID,
                        OPPORTUNITIES.AMOUNT,
                        PIPELINE_STAGES.NAME,
                        OPPORTUNITY_STAGE_HISTORY.EXIT_KIND,
                        OPPORTUNITY_STAGE_HISTORY.EXITED_AT)
                .from(OPPORTUNITY_STAGE_HISTORY)
                .join(OPPORTUNITIES)
                .on(OPPORTUNITIES.ID.eq(OPPORTUNITY_STAGE_HISTORY.OPPORTUNITY_ID))
                .join(PIPELINE_STAGES)
                .on(PIPELINE_STAGES.ID.eq(OPPORTUNITY_STAGE_HISTORY.STAGE_ID))
                .where(OPPORTUNITIES.OWNER_ID.in(ownerIds))
                .and(PIPELINE_STAGES.POSITION.eq(position))
                .and(period)
                .orderBy(
                        DSL.when(OPPORTUNITY_STAGE_HISTORY.EXIT_KIND.eq(StageExit.LOST.name()), 0)
                                .otherwise(1),
                        OPPORTUNITY_STAGE_HISTORY.EXITED_AT.desc())
                .limit(DRILL_LIMIT)
                .fetch(r -> new FlowDeal(
                        r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
    }

    private OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }
}
