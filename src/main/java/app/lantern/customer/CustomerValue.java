package app.lantern.customer;

import static lantern.db.Tables.CUSTOMERS;
import static lantern.db.Tables.CUSTOMER_TIMELINE;
import static lantern.db.Tables.CUSTOMER_VALUE_SCORES;
import static lantern.db.Tables.CUSTOMER_VALUE_WEIGHTS;

import app.lantern.audit.AuditLog;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.Role;
import app.lantern.shared.ForbiddenException;
import app.lantern.shared.ValidationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Customer value (C6): eight dimensions measured from the data present (orders, tickets and the timeline of the
 * last twelve months, size and tags), each turned into a percentile among all active customers, weighted by the
 * admin's weights into a 0–100 score and cut into tiers A (top 20 %), B (next 30 %), C (next 30 %) and D.
 */
@Service
@Transactional
public class CustomerValue {

    public enum Dimension {
        FREQUENCY,
        REVENUE,
        MARGIN,
        SERVICE_COST,
        STRATEGIC_FIT,
        GROWTH,
        PAYMENT,
        ENGAGEMENT
    }

    public record DimensionScore(
            String dimension, double raw, double percentile, double weight, double contribution, String explanation) {}

    public record ValueScore(
            String customerId, double score, String tier, OffsetDateTime computedAt, List<DimensionScore> dimensions) {}

    public record TierPoint(OffsetDateTime computedAt, String tier, double score) {}

    public record RunResult(String runId, int customers, Map<String, Integer> tiers) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Entries of other modules that are deals in the making or done: they count towards transaction frequency. */
    static final java.util.Set<String> DEAL_TYPES = java.util.Set.of("quote", "contract", "order", "opportunity");

    private final DSLContext db;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<TimelineSource> sources;

    CustomerValue(
            DSLContext db,
            CurrentActor currentActor,
            AuditLog audit,
            Clock clock,
            org.springframework.beans.factory.ObjectProvider<TimelineSource> sources) {
        this.db = db;
        this.currentActor = currentActor;
        this.audit = audit;
        this.clock = clock;
        this.sources = sources;
    }

    @Transactional(readOnly = true)
    public Map<Dimension, Double> weights() {
        Map<Dimension, Double> w = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            w.put(d, 0.0);
        }
        db.selectFrom(CUSTOMER_VALUE_WEIGHTS).forEach(r -> {
            try {
                w.put(Dimension.valueOf(r.getDimension()), r.getWeight().doubleValue());
            } catch (IllegalArgumentException ignored) {
                // a dimension retired in a later version
            }
        });
        return w;
    }

    /** Admins change the weights (0–10 each, not all zero); audited. */
    public void setWeights(Map<Dimension, Double> weights) {
        if (!currentActor.require().has(Role.ADMIN)) {
            throw new ForbiddenException("only administrators change value weights");
        }
        double sum = 0;
        for (var e : weights.entrySet()) {
            if (e.getValue() == null
                    || e.getValue() < 0
                    || e.getValue() > 10
                    || e.getValue().isNaN()) {
                throw ValidationException.field(e.getKey().name(), "must be between 0 and 10");
            }
            sum += e.getValue();
        }
        if (sum <= 0) {
            throw ValidationException.field("weights", "at least one weight must be above 0");
        }
        Map<Dimension, Double> before = weights();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (var e : weights.entrySet()) {
            BigDecimal w = BigDecimal.valueOf(e.getValue()).setScale(3, RoundingMode.HALF_UP);
            int updated = db.update(CUSTOMER_VALUE_WEIGHTS)
                    .set(CUSTOMER_VALUE_WEIGHTS.WEIGHT, w)
                    .set(CUSTOMER_VALUE_WEIGHTS.UPDATED_AT, now)
                    .where(CUSTOMER_VALUE_WEIGHTS.DIMENSION.eq(e.getKey().name()))
                    .execute();
            if (updated == 0) {
                db.insertInto(CUSTOMER_VALUE_WEIGHTS)
                        .set(CUSTOMER_VALUE_WEIGHTS.DIMENSION, e.getKey().name())
                        .set(CUSTOMER_VALUE_WEIGHTS.WEIGHT, w)
                        .set(CUSTOMER_VALUE_WEIGHTS.UPDATED_AT, now)
                        .execute();
            }
        }
        Map<String, Object> b = new LinkedHashMap<>();
        Map<String, Object> a = new LinkedHashMap<>();
        before.forEach((k, v) -> b.put(k.name(), v));
        weights().forEach((k, v) -> a.put(k.name(), v));
        audit.updated("customer.value-weights", "global", b, a);
    }

    /** Scores every active customer now (monthly job, or on demand). */
    public RunResult recompute() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String runId = now.toLocalDate().toString() + "-" + now.toEpochSecond();
        List<Long> ids = db.select(CUSTOMERS.ID)
                .from(CUSTOMERS)
                .where(CUSTOMERS.MERGED_INTO.isNull())
                .orderBy(CUSTOMERS.ID)
                .fetch(CUSTOMERS.ID);
        int n = ids.size();
        if (n == 0) {
            return new RunResult(runId, 0, Map.of());
        }
        Map<Long, Integer> pos = new HashMap<>();
        for (int i = 0; i < n; i++) {
            pos.put(ids.get(i), i);
        }
        double[][] raw = new double[Dimension.values().length][n];
        double[] orders = new double[n];
        double[] paidKnown = new double[n];
        OffsetDateTime yearAgo = now.minusMonths(12);
        OffsetDateTime halfYear = now.minusMonths(6);
        var t = CUSTOMER_TIMELINE;
        var isOrder = t.TYPE.eq("order");
        db.select(
                        t.CUSTOMER_ID,
                        DSL.sum(DSL.when(isOrder, 1).otherwise(0)),
                        DSL.sum(DSL.when(isOrder, t.AMOUNT).otherwise(BigDecimal.ZERO)),
                        DSL.sum(DSL.when(isOrder, DSL.coalesce(t.GROSS_MARGIN, BigDecimal.ZERO))
                                .otherwise(BigDecimal.ZERO)),
                        DSL.sum(DSL.when(
                                        t.TYPE.eq("ticket"),
                                        DSL.coalesce(t.SERVICE_COST, BigDecimal.ZERO)
                                                .plus(100))
                                .otherwise(BigDecimal.ZERO)),
                        DSL.sum(DSL.when(isOrder.and(t.OCCURRED_AT.ge(halfYear)), t.AMOUNT)
                                .otherwise(BigDecimal.ZERO)),
                        DSL.sum(DSL.when(isOrder.and(t.PAID_ON_TIME.isTrue()), 1)
                                .otherwise(0)),
                        DSL.sum(DSL.when(isOrder.and(t.PAID_ON_TIME.isNotNull()), 1)
                                .otherwise(0)),
                        DSL.sum(DSL.when(
                                        t.TYPE.in("note", "email", "chat", "contact", "attachment")
                                                .and(t.OCCURRED_AT.ge(now.minusDays(90))),
                                        1)
                                .otherwise(0)))
                .from(t)
                .where(t.OCCURRED_AT.ge(yearAgo))
                .and(t.OCCURRED_AT.le(now))
                .groupBy(t.CUSTOMER_ID)
                .forEach(r -> {
                    Integer i = pos.get(r.value1());
                    if (i == null) {
                        return;
                    }
                    double count = num(r.value2());
                    double revenue = num(r.value3());
                    orders[i] = count;
                    raw[Dimension.FREQUENCY.ordinal()][i] = count;
                    raw[Dimension.REVENUE.ordinal()][i] = revenue;
                    raw[Dimension.MARGIN.ordinal()][i] = revenue > 0 ? num(r.value4()) / revenue : 0;
                    raw[Dimension.SERVICE_COST.ordinal()][i] = -num(r.value5());
                    double recent = num(r.value6());
                    double earlier = revenue - recent;
                    raw[Dimension.GROWTH.ordinal()][i] =
                            revenue == 0 ? 0 : Math.max(-1, Math.min(3, (recent - earlier) / Math.max(earlier, 1000)));
                    paidKnown[i] = num(r.value8());
                    raw[Dimension.PAYMENT.ordinal()][i] = paidKnown[i] == 0 ? 0.5 : num(r.value7()) / paidKnown[i];
                    raw[Dimension.ENGAGEMENT.ordinal()][i] = num(r.value9());
                });
        // activities, quotes, opportunities… of the modules above: every source of the timeline counts
        double[] deals = new double[n];
        double[] touches = new double[n];
        OffsetDateTime quarter = now.minusDays(90);
        for (TimelineSource source : sources) {
            source.since(ids, yearAgo).forEach((customerId, items) -> {
                Integer i = pos.get(customerId);
                if (i == null) {
                    return;
                }
                for (TimelineItem item : items) {
                    if (item.occurredAt().isAfter(now)) {
                        continue;
                    }
                    if (DEAL_TYPES.contains(item.type())) {
                        deals[i]++;
                        raw[Dimension.FREQUENCY.ordinal()][i]++;
                    }
                    if (!item.occurredAt().isBefore(quarter)) {
                        touches[i]++;
                        raw[Dimension.ENGAGEMENT.ordinal()][i]++;
                    }
                }
            });
        }
        db.select(CUSTOMERS.ID, CUSTOMERS.SIZE, CUSTOMERS.TAGS)
                .from(CUSTOMERS)
                .where(CUSTOMERS.MERGED_INTO.isNull())
                .forEach(r -> {
                    Integer i = pos.get(r.value1());
                    double fit = switch (r.value2() == null ? "" : r.value2()) {
                        case "ENTERPRISE" -> 1.0;
                        case "LARGE" -> 0.8;
                        case "MEDIUM" -> 0.5;
                        case "SMALL" -> 0.3;
                        case "MICRO" -> 0.1;
                        default -> 0.3;
                    };
                    if (r.value3() != null
                            && (r.value3().contains("战略")
                                    || r.value3().toLowerCase().contains("strategic"))) {
                        fit += 0.5;
                    }
                    raw[Dimension.STRATEGIC_FIT.ordinal()][i] = fit;
                });
        Map<Dimension, Double> weights = weights();
        double weightSum =
                weights.values().stream().mapToDouble(Double::doubleValue).sum();
        double[][] pct = new double[raw.length][];
        for (Dimension d : Dimension.values()) {
            pct[d.ordinal()] = percentiles(raw[d.ordinal()]);
        }
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (Dimension d : Dimension.values()) {
                s += weights.get(d) * pct[d.ordinal()][i];
            }
            score[i] = Math.round(1000.0 * s / weightSum) / 10.0;
        }
        double[] scorePct = percentiles(score);
        Map<String, Integer> tiers = new LinkedHashMap<>();
        var insert = db.insertInto(
                CUSTOMER_VALUE_SCORES,
                CUSTOMER_VALUE_SCORES.CUSTOMER_ID,
                CUSTOMER_VALUE_SCORES.RUN_ID,
                CUSTOMER_VALUE_SCORES.COMPUTED_AT,
                CUSTOMER_VALUE_SCORES.SCORE,
                CUSTOMER_VALUE_SCORES.TIER,
                CUSTOMER_VALUE_SCORES.DIMENSIONS);
        List<org.jooq.Query> updates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String tier = scorePct[i] >= 0.8 ? "A" : scorePct[i] >= 0.5 ? "B" : scorePct[i] >= 0.2 ? "C" : "D";
            tiers.merge(tier, 1, Integer::sum);
            List<DimensionScore> dims = new ArrayList<>();
            for (Dimension d : Dimension.values()) {
                double w = weights.get(d);
                double p = pct[d.ordinal()][i];
                dims.add(new DimensionScore(
                        d.name(),
                        raw[d.ordinal()][i],
                        round(p),
                        w,
                        round(100 * w * p / weightSum),
                        explain(d, raw[d.ordinal()][i], p, orders[i], paidKnown[i], deals[i], touches[i])));
            }
            insert = insert.values(
                    ids.get(i),
                    runId,
                    now,
                    BigDecimal.valueOf(score[i]).setScale(2, RoundingMode.HALF_UP),
                    tier,
                    JSON.writeValueAsString(dims));
            updates.add(db.update(CUSTOMERS)
                    .set(CUSTOMERS.TIER, tier)
                    .set(CUSTOMERS.VALUE_SCORE, BigDecimal.valueOf(score[i]).setScale(2, RoundingMode.HALF_UP))
                    .where(CUSTOMERS.ID.eq(ids.get(i))));
            if (updates.size() == 500) {
                insert.execute();
                db.batch(updates).execute();
                updates.clear();
                insert = db.insertInto(
                        CUSTOMER_VALUE_SCORES,
                        CUSTOMER_VALUE_SCORES.CUSTOMER_ID,
                        CUSTOMER_VALUE_SCORES.RUN_ID,
                        CUSTOMER_VALUE_SCORES.COMPUTED_AT,
                        CUSTOMER_VALUE_SCORES.SCORE,
                        CUSTOMER_VALUE_SCORES.TIER,
                        CUSTOMER_VALUE_SCORES.DIMENSIONS);
            }
        }
        if (!updates.isEmpty()) {
            insert.execute();
            db.batch(updates).execute();
        }
        audit.recorded("customer.value-run", runId, "computed", Map.of("customers", n, "tiers", tiers));
        return new RunResult(runId, n, tiers);
    }

    private static String explain(
            Dimension d, double raw, double pct, double orders, double paidKnown, double deals, double touches) {
        String better = "高于 " + Math.round(pct * 100) + "% 的客户";
        return switch (d) {
            case FREQUENCY -> "近12个月订单 " + (long) orders + " 笔、报价与商机 " + (long) deals + " 次，" + better;
            case REVENUE ->
                "近12个月成交额 "
                        + BigDecimal.valueOf(raw)
                                .setScale(0, RoundingMode.HALF_UP)
                                .toPlainString() + " 元，" + better;
            case MARGIN -> orders == 0 ? "暂无订单，毛利率无数据" : "毛利率 " + Math.round(raw * 100) + "%，" + better;
            case SERVICE_COST ->
                raw == 0
                        ? "近12个月无服务工单"
                        : "服务成本折合 " + Math.round(-raw) + " 元（越低越好），优于 " + Math.round(pct * 100) + "% 的客户";
            case STRATEGIC_FIT -> "规模与战略标签得分 " + Math.round(raw * 100) / 100.0 + "，" + better;
            case GROWTH -> orders == 0 ? "暂无订单，增长无数据" : "近6个月较前6个月增长 " + Math.round(raw * 100) + "%，" + better;
            case PAYMENT -> paidKnown == 0 ? "暂无回款记录，按中性处理" : "按时回款率 " + Math.round(raw * 100) + "%，" + better;
            case ENGAGEMENT -> "近90天互动 " + (long) raw + " 次（其中拜访、报价、商机等 " + (long) touches + " 次），" + better;
        };
    }

    /** Mid-rank percentiles in 0–1: ties share the average rank, so equal values get equal credit. */
    static double[] percentiles(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] result = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double p = n == 1 ? 0.5 : ((i + j) / 2.0) / (n - 1);
            for (int k = i; k <= j; k++) {
                result[order[k]] = p;
            }
            i = j + 1;
        }
        return result;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static double num(Object o) {
        return o == null ? 0 : ((Number) o).doubleValue();
    }

    /** The latest score with its per-dimension explanation (caller checked the scope). */
    @Transactional(readOnly = true)
    public Optional<ValueScore> latest(long customerId) {
        return db.selectFrom(CUSTOMER_VALUE_SCORES)
                .where(CUSTOMER_VALUE_SCORES.CUSTOMER_ID.eq(customerId))
                .orderBy(CUSTOMER_VALUE_SCORES.COMPUTED_AT.desc(), CUSTOMER_VALUE_SCORES.ID.desc())
                .limit(1)
                .fetchOptional()
                .map(r -> new ValueScore(
                        String.valueOf(customerId),
                        r.getScore().doubleValue(),
                        r.getTier(),
                        r.getComputedAt(),
                        JSON.readValue(r.getDimensions(), new TypeReference<List<DimensionScore>>() {})));
    }

    @Transactional(readOnly = true)
    public List<TierPoint> history(long customerId) {
        return db.selectFrom(CUSTOMER_VALUE_SCORES)
                .where(CUSTOMER_VALUE_SCORES.CUSTOMER_ID.eq(customerId))
                .orderBy(CUSTOMER_VALUE_SCORES.COMPUTED_AT.desc(), CUSTOMER_VALUE_SCORES.ID.desc())
                .limit(24)
                .fetch(r -> new TierPoint(
                        r.getComputedAt(), r.getTier(), r.getScore().doubleValue()));
    }
}
