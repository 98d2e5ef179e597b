package app.lantern.goal;

import app.lantern.activity.Activities;
import app.lantern.activity.ActivityRef;
import app.lantern.activity.ActivityType;
import app.lantern.calendar.WorkingCalendar;
import app.lantern.pipeline.Opportunities;
import app.lantern.pipeline.OpportunityRef;
import app.lantern.pipeline.OpportunityStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outcome KPIs per month for a set of reps (G7):
 *
 * <ul>
 *   <li><b>过程动作完成率</b> — visits, demos and new opportunities done, over those planned. The plan of a rep-month is
 *       the weekly action targets {@link RepProgress} derives as the month begins ({@link ActionPlan}, or the manager's
 *       override; reps with neither a target nor an override have no plan) times the month's working weeks; in the current month only the elapsed working days' share of it.
 *       Capped at 100% per rep.</li>
 *   <li><b>月末集中签单占比</b> — share of the month's signed amount signed in its last 5 working days. Before those
 *       days begin the month has no such share yet: {@code null} with {@link MonthKpi#inProgress()}.</li>
 *   <li><b>成交周期</b> — median days from creation to winning of the deals won in the month.</li>
 * </ul>
 */
@Service
public class Kpis {

    /** The last working days of a month whose signing counts as month-end concentration. */
    static final int MONTH_END_DAYS = 5;

    /**
     * @param inProgress the month is the current one: its figures are month-to-date
     */
    public record MonthKpi(
            String month,
            Double actionCompletion,
            Double monthEndConcentration,
            Double medianCycleDays,
            BigDecimal signed,
            boolean inProgress) {}

    private final Opportunities opportunities;
    private final Activities activities;
    private final RepProgress progress;
    private final WorkingCalendar calendar;
    private final Clock clock;

    Kpis(
            Opportunities opportunities,
            Activities activities,
            RepProgress progress,
            WorkingCalendar calendar,
            Clock clock) {
        this.opportunities = opportunities;
        this.activities = activities;
        this.progress = progress;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The last {@code months} months up to and including {@code last}, oldest first. Unscoped: pass the reps the caller may see. */
    @Transactional(readOnly = true)
    public List<MonthKpi> trend(Set<Long> reps, YearMonth last, int months) {
        ZoneId zone = calendar.zone();
        LocalDate today = LocalDate.now(clock);
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
        List<Long> repList = List.copyOf(reps);

        List<MonthKpi> result = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            YearMonth month = m;
            boolean current = YearMonth.from(today).equals(month);
            LocalDate monthEndFrom =
                    calendar.lastWorkingDays(m.atEndOfMonth(), MONTH_END_DAYS).getFirst();
            List<OpportunityRef> wonInMonth = won.stream()
                    .filter(o ->
                            YearMonth.from(o.closedAt().atZoneSameInstant(zone)).equals(month))
                    .toList();
            BigDecimal signed = wonInMonth.stream()
                    .map(o -> o.amount() == null ? BigDecimal.ZERO : o.amount())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal endSigned = wonInMonth.stream()
                    .filter(o ->
                            !o.closedAt().atZoneSameInstant(zone).toLocalDate().isBefore(monthEndFrom))
                    .map(o -> o.amount() == null ? BigDecimal.ZERO : o.amount())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            boolean beforeMonthEnd = current && today.isBefore(monthEndFrom);
            Double concentration = signed.signum() == 0 || beforeMonthEnd
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
            Double completion = repList.isEmpty() ? null : completion(repList, m, today, acts, created);
            result.add(new MonthKpi(m.toString(), completion, concentration, cycle, signed, current));
        }
        return result;
    }

    /** The mean over reps of done ÷ planned actions, each capped at 1; the current month against its elapsed share. */
    private Double completion(
            List<Long> reps, YearMonth m, LocalDate today, List<ActivityRef> acts, List<OpportunityRef> created) {
        ZoneId zone = calendar.zone();
        LocalDate start = m.atDay(1);
        LocalDate end = m.atEndOfMonth().plusDays(1);
        int workingDays = calendar.workingDaysBetween(start, end);
        boolean current = !today.isBefore(start) && today.isBefore(end);
        int elapsed = current ? calendar.workingDaysBetween(start, today.plusDays(1)) : workingDays;
        if (workingDays == 0 || elapsed == 0) {
            return null;
        }
        double weeks = elapsed / 5.0;
        List<RepProgress.Progress> plans = progress.unscoped(reps, m, start);
        double sum = 0;
        int planned = 0;
        for (RepProgress.Progress p : plans) {
            RepProgress.WeeklyActions w = p.thisWeek();
            if (p.target().signum() == 0 && !w.overridden()) {
                continue; // without a target or an override the rep has no plan for the month
            }
            double plan = (w.visitsTarget() + w.newOpportunitiesTarget() + w.demosTarget()) * weeks;
            if (plan <= 0) {
                continue;
            }
            long done = acts.stream()
                            .filter(a -> a.ownerId() == p.repId()
                                    && (a.type() == ActivityType.VISIT || a.type() == ActivityType.DEMO)
                                    && YearMonth.from(a.occurredAt().atZoneSameInstant(zone))
                                            .equals(m))
                            .count()
                    + created.stream()
                            .filter(o -> o.ownerId() == p.repId()
                                    && YearMonth.from(o.createdAt().atZoneSameInstant(zone))
                                            .equals(m))
                            .count();
            sum += Math.min(1.0, done / plan);
            planned++;
        }
        return planned == 0 ? null : sum / planned;
    }
}
