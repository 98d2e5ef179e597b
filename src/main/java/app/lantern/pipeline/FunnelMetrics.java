package app.lantern.pipeline;

import static lantern.db.Tables.OPPORTUNITIES;
import static lantern.db.Tables.OPPORTUNITY_STAGE_HISTORY;
import static lantern.db.Tables.PIPELINE_STAGES;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stage-to-stage conversion, median stage dwell, win rate and deal cycle for a set of owners, optionally one
 * pipeline, over a period of business days {@code [from, to]}. Callers pass owner ids they are allowed to see.
 */
@Service
@Transactional(readOnly = true)
public class FunnelMetrics {

    private final DSLContext db;
    private final ZoneId zone;

    FunnelMetrics(DSLContext db, Clock clock) {
        this.db = db;
        this.zone = clock.getZone();
    }

    public Funnel funnel(Set<Long> ownerIds, Long pipelineId, LocalDate from, LocalDate to) {
        if (ownerIds == null || ownerIds.isEmpty()) {
            return new Funnel(List.of(), 0, BigDecimal.ZERO.setScale(2), 0, 0, 0, 0);
        }
        OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        Condition opp = OPPORTUNITIES.OWNER_ID.in(ownerIds);
        if (pipelineId != null) {
            opp = opp.and(OPPORTUNITIES.PIPELINE_ID.eq(pipelineId));
        }
        // stage catalogue
        Map<Long, Object[]> stages = new LinkedHashMap<>();
        var stageQuery = db.selectFrom(PIPELINE_STAGES);
        (pipelineId == null
                        ? stageQuery.orderBy(PIPELINE_STAGES.PIPELINE_ID, PIPELINE_STAGES.POSITION)
                        : stageQuery
                                .where(PIPELINE_STAGES.PIPELINE_ID.eq(pipelineId))
                                .orderBy(PIPELINE_STAGES.POSITION))
                .forEach(s -> stages.put(s.getId(), new Object[] {s.getName(), s.getPosition()}));
        // the furthest position each opportunity ever reached, and whether it was won, for the opportunities that
        // entered a stage in the period: found through the period's entries (by date), not by reading all history
        Map<Long, Integer> maxPos = new HashMap<>();
        Map<Long, Boolean> won = new HashMap<>();
        db.select(OPPORTUNITY_STAGE_HISTORY.OPPORTUNITY_ID, DSL.max(PIPELINE_STAGES.POSITION), OPPORTUNITIES.STATUS)
                .from(OPPORTUNITY_STAGE_HISTORY)
                .join(PIPELINE_STAGES)
                .on(PIPELINE_STAGES.ID.eq(OPPORTUNITY_STAGE_HISTORY.STAGE_ID))
                .join(OPPORTUNITIES)
                .on(OPPORTUNITIES.ID.eq(OPPORTUNITY_STAGE_HISTORY.OPPORTUNITY_ID))
                .where(opp)
                .and(OPPORTUNITIES.ID.in(DSL.select(OPPORTUNITY_STAGE_HISTORY.OPPORTUNITY_ID)
                        .from(OPPORTUNITY_STAGE_HISTORY)
                        .where(OPPORTUNITY_STAGE_HISTORY.ENTERED_AT.ge(start))
                        .and(OPPORTUNITY_STAGE_HISTORY.ENTERED_AT.lt(end))))
                .groupBy(OPPORTUNITY_STAGE_HISTORY.OPPORTUNITY_ID, OPPORTUNITIES.STATUS)
                .forEach(r -> {
                    maxPos.put(r.value1(), r.value2());
                    won.put(r.value1(), OpportunityStatus.WON.name().equals(r.value3()));
                });
        Map<Long, int[]> counts = new HashMap<>();
        Map<Long, List<Double>> dwell = new HashMap<>();
        db.select(
                        OPPORTUNITY_STAGE_HISTORY.OPPORTUNITY_ID,
                        OPPORTUNITY_STAGE_HISTORY.STAGE_ID,
                        PIPELINE_STAGES.POSITION,
                        OPPORTUNITY_STAGE_HISTORY.ENTERED_AT,
                        OPPORTUNITY_STAGE_HISTORY.EXITED_AT)
                .from(OPPORTUNITY_STAGE_HISTORY)
                .join(PIPELINE_STAGES)
                .on(PIPELINE_STAGES.ID.eq(OPPORTUNITY_STAGE_HISTORY.STAGE_ID))
                .join(OPPORTUNITIES)
                .on(OPPORTUNITIES.ID.eq(OPPORTUNITY_STAGE_HISTORY.OPPORTUNITY_ID))
                .where(opp)
                .and(OPPORTUNITY_STAGE_HISTORY.ENTERED_AT.ge(start))
                .and(OPPORTUNITY_STAGE_HISTORY.ENTERED_AT.lt(end))
                .forEach(r -> {
                    int[] c = counts.computeIfAbsent(r.value2(), k -> new int[2]);
                    c[0]++;
                    int furthest = maxPos.getOrDefault(r.value1(), r.value3());
                    if (furthest > r.value3() || won.getOrDefault(r.value1(), false)) {
                        c[1]++;
                    }
                    if (r.value5() != null) {
                        dwell.computeIfAbsent(r.value2(), k -> new ArrayList<>())
                                .add(Duration.between(r.value4(), r.value5()).toMinutes() / 1440.0);
                    }
                });
        List<StageConversion> conversions = new ArrayList<>();
        stages.forEach((id, s) -> {
            int[] c = counts.getOrDefault(id, new int[2]);
            conversions.add(new StageConversion(
                    id,
                    (String) s[0],
                    (Integer) s[1],
                    c[0],
                    c[1],
                    c[0] == 0 ? 0 : round((double) c[1] / c[0]),
                    round(median(dwell.getOrDefault(id, List.of())))));
        });
        int wonCount = 0;
        int lost = 0;
        BigDecimal wonAmount = BigDecimal.ZERO;
        List<Double> cycles = new ArrayList<>();
        for (var r : db.select(
                        OPPORTUNITIES.STATUS, OPPORTUNITIES.AMOUNT, OPPORTUNITIES.CREATED_AT, OPPORTUNITIES.CLOSED_AT)
                .from(OPPORTUNITIES)
                .where(opp)
                .and(OPPORTUNITIES.STATUS.in(OpportunityStatus.WON.name(), OpportunityStatus.LOST.name()))
                .and(OPPORTUNITIES.CLOSED_AT.ge(start))
                .and(OPPORTUNITIES.CLOSED_AT.lt(end))
                .fetch()) {
            if (OpportunityStatus.WON.name().equals(r.value1())) {
                wonCount++;
                wonAmount = wonAmount.add(r.value2() == null ? BigDecimal.ZERO : r.value2());
                cycles.add(Duration.between(r.value3(), r.value4()).toMinutes() / 1440.0);
            } else {
                lost++;
            }
        }
        int created = db.fetchCount(
                OPPORTUNITIES, opp.and(OPPORTUNITIES.CREATED_AT.ge(start)).and(OPPORTUNITIES.CREATED_AT.lt(end)));
        BigDecimal avg = wonCount == 0
                ? BigDecimal.ZERO.setScale(2)
                : wonAmount.divide(BigDecimal.valueOf(wonCount), 2, RoundingMode.HALF_UP);
        return new Funnel(
                conversions,
                wonCount + lost == 0 ? 0 : round((double) wonCount / (wonCount + lost)),
                avg,
                round(median(cycles)),
                wonCount,
                lost,
                created);
    }

    /** Won and lost deals closed in [{@code from}, {@code to}] per owner, one grouped query for all of them. */
    public Map<Long, ClosedDeals> closedByOwner(Set<Long> ownerIds, LocalDate from, LocalDate to) {
        Map<Long, ClosedDeals> result = new HashMap<>();
        if (ownerIds == null || ownerIds.isEmpty()) {
            return result;
        }
        var won = DSL.count().filterWhere(OPPORTUNITIES.STATUS.eq(OpportunityStatus.WON.name()));
        var lost = DSL.count().filterWhere(OPPORTUNITIES.STATUS.eq(OpportunityStatus.LOST.name()));
        var wonAmount = DSL.sum(DSL.when(
                OPPORTUNITIES.STATUS.eq(OpportunityStatus.WON.name()),
                DSL.coalesce(OPPORTUNITIES.AMOUNT, BigDecimal.ZERO)));
        db.select(OPPORTUNITIES.OWNER_ID, won, lost, wonAmount)
                .from(OPPORTUNITIES)
                .where(OPPORTUNITIES.OWNER_ID.in(ownerIds))
                .and(OPPORTUNITIES.STATUS.in(OpportunityStatus.WON.name(), OpportunityStatus.LOST.name()))
                .and(OPPORTUNITIES.CLOSED_AT.ge(from.atStartOfDay(zone).toOffsetDateTime()))
                .and(OPPORTUNITIES.CLOSED_AT.lt(
                        to.plusDays(1).atStartOfDay(zone).toOffsetDateTime()))
                .groupBy(OPPORTUNITIES.OWNER_ID)
                .forEach(r -> result.put(
                        r.value1(),
                        new ClosedDeals(r.value2(), r.value3(), r.value4() == null ? BigDecimal.ZERO : r.value4())));
        return result;
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
