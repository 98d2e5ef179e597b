package app.lantern.goal;

import app.lantern.activity.Activities;
import app.lantern.activity.ActivityRef;
import app.lantern.activity.ActivityType;
import app.lantern.calendar.WorkingCalendar;
import app.lantern.pipeline.Funnel;
import app.lantern.pipeline.FunnelMetrics;
import app.lantern.pipeline.Opportunities;
import app.lantern.pipeline.OpportunityRef;
import app.lantern.pipeline.OpportunityStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outcome KPIs per month for a set of reps (G7):
 *
 * <ul>
 *   <li><b>过程动作完成率</b> — visits, demos and new opportunities done, over those planned. The plan of a rep-month
 *       follows from the rep's signed target: new opportunities = target ÷ (average won deal × win rate of the group's
 *       last 12 months), three visits and half a demo per new opportunity (the defaults {@link RepProgress} uses
 *       without history); where a manager overrode the rep's weekly action targets for the month, the weekly figures
 *       times the month's working weeks. Capped at 100% per rep.</li>
 *   <li><b>月末集中签单占比</b> — share of the month's signed amount signed in its last 5 calendar days.</li>
 *   <li><b>成交周期</b> — median days from creation to winning of the deals won in the month.</li>
 * </ul>
 */
@Service
public class Kpis {

    public record MonthKpi(
            String month,
            Double actionCompletion,
            Double monthEndConcentration,
            Double medianCycleDays,
            BigDecimal signed) {}

    private final Opportunities opportunities;
    private final Activities activities;
    private final FunnelMetrics funnels;
    private final Targets targets;
    private final WorkingCalendar calendar;
    private final OverrideStore overrides;

    Kpis(
            Opportunities opportunities,
            Activities activities,
            FunnelMetrics funnels,
            Targets targets,
            WorkingCalendar calendar,
            OverrideStore overrides) {
        this.overrides = overrides;
        this.opportunities = opportunities;
        this.activities = activities;
        this.funnels = funnels;
        this.targets = targets;
        this.calendar = calendar;
    }

    /** The last {@code months} months up to and including {@code last}, oldest first. Unscoped: pass the reps the caller may see. */
    @Transactional(readOnly = true)
    public List<MonthKpi> trend(Set<Long> reps, YearMonth last, int months) {
        ZoneId zone = calendar.zone();
        YearMonth first = last.minusMonths(months - 1L);
        OffsetDateTime from = first.atDay(1).atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = last.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime();
        List<OpportunityRef> won = reps.isEmpty()
                ? List.of()
                : opportunities.closedBetween(reps, from, to).stream()
                        .filter(o -> o.status() == OpportunityStatus.WON && o.closedAt() != null)
                        .toList();
        List<ActivityRef> acts = reps.isEmpty() ? List.of() : activities.between(reps, from, to);
        List<OpportunityRef> created = reps.isEmpty() ? List.of() : opportunities.createdBetween(reps, from, to);
        Funnel funnel = reps.isEmpty()
                ? null
                : funnels.funnel(
                        reps,
                        null,
                        first.atDay(1).minusMonths(12),
                        first.atDay(1).minusDays(1));
        double winRate = funnel != null && funnel.winRate() > 0 ? funnel.winRate() : 0.25;
        BigDecimal avgDeal = funnel != null
                        && funnel.averageWonAmount() != null
                        && funnel.averageWonAmount().signum() > 0
                ? funnel.averageWonAmount()
                : new BigDecimal("100000");

        Map<String, Integer> overridden = overrides.weeklyActions(reps, first, last);
        List<MonthKpi> result = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            YearMonth month = m;
            LocalDate lastFiveFrom = m.atEndOfMonth().minusDays(4);
            List<OpportunityRef> wonInMonth = won.stream()
                    .filter(o ->
                            YearMonth.from(o.closedAt().atZoneSameInstant(zone)).equals(month))
                    .toList();
            BigDecimal signed = wonInMonth.stream()
                    .map(o -> o.amount() == null ? BigDecimal.ZERO : o.amount())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal endSigned = wonInMonth.stream()
                    .filter(o ->
                            !o.closedAt().atZoneSameInstant(zone).toLocalDate().isBefore(lastFiveFrom))
                    .map(o -> o.amount() == null ? BigDecimal.ZERO : o.amount())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            Double concentration = signed.signum() == 0
                    ? null
                    : endSigned.divide(signed, 4, RoundingMode.HALF_UP).doubleValue();
            List<Long> cycles = wonInMonth.stream()
                    .map(o -> Duration.between(o.createdAt(), o.closedAt()).toDays())
                    .sorted()
                    .toList();
            Double cycle = cycles.isEmpty()
                    ? null
                    : cycles.size() % 2 == 1
                            ? (double) cycles.get(cycles.size() / 2)
                            : (cycles.get(cycles.size() / 2 - 1) + cycles.get(cycles.size() / 2)) / 2.0;

            double completionSum = 0;
            int planned = 0;
            double workingWeeks =
                    calendar.workingDaysBetween(m.atDay(1), m.atEndOfMonth().plusDays(1)) / 5.0;
            for (long rep : reps) {
                Integer weekly = overridden.get(rep + "/" + m);
                BigDecimal target = targets.amount(TargetMetric.SIGNED, TargetLevel.REP, rep, m.toString())
                        .orElse(null);
                double plan;
                if (weekly != null) {
                    plan = weekly * workingWeeks;
                } else if (target == null || target.signum() == 0) {
                    continue;
                } else {
                    double newOpps = Math.max(1, Math.ceil(target.doubleValue() / (avgDeal.doubleValue() * winRate)));
                    plan = newOpps + 3 * newOpps + Math.ceil(0.5 * newOpps);
                }
                if (plan <= 0) {
                    continue;
                }
                long done = acts.stream()
                                .filter(a -> a.ownerId() == rep
                                        && YearMonth.from(a.occurredAt().atZoneSameInstant(zone))
                                                .equals(month))
                                .filter(a -> a.type() == ActivityType.VISIT || a.type() == ActivityType.DEMO)
                                .count()
                        + created.stream()
                                .filter(o -> o.ownerId() == rep
                                        && YearMonth.from(o.createdAt().atZoneSameInstant(zone))
                                                .equals(month))
                                .count();
                completionSum += Math.min(1.0, done / plan);
                planned++;
            }
            Double completion = planned == 0 ? null : completionSum / planned;
            result.add(new MonthKpi(m.toString(), completion, concentration, cycle, signed));
        }
        return result;
    }
}
