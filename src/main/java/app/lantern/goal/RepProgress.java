package app.lantern.goal;

import app.lantern.activity.Activities;
import app.lantern.activity.ActivityRef;
import app.lantern.activity.ActivityType;
import app.lantern.calendar.WorkingCalendar;
import app.lantern.identity.DataScopes;
import app.lantern.identity.Directory;
import app.lantern.identity.RecordKind;
import app.lantern.identity.UserSummary;
import app.lantern.pipeline.Funnel;
import app.lantern.pipeline.FunnelMetrics;
import app.lantern.pipeline.Opportunities;
import app.lantern.pipeline.OpportunityRef;
import app.lantern.pipeline.OpportunityStatus;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.Phrase;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Goal–action–result binding for one rep and month: the signed amount against the target and the pace of working
 * days, the open pipeline expected to close this month, and the weekly actions (visits, new opportunities, demos)
 * that the remaining gap needs, derived from the rep's own funnel (the team's where the rep has fewer than
 * {@value #MIN_HISTORY} closed deals in the last 12 months).
 */
@Service
public class RepProgress {

    static final int MIN_HISTORY = 5;

    /**
     * This week's action counts against the targets in force: the manager's override when there is one for the month,
     * otherwise the derived figures (which the {@code derived…} fields always hold).
     */
    public record WeeklyActions(String week, int visitsTarget, long visits, int newOpportunitiesTarget, long newOpportunities, int demosTarget,
            long demos, int derivedVisits, int derivedNewOpportunities, int derivedDemos, ActionTargets.Override override) {

        public boolean overridden() {
            return override != null;
        }

        /** The share of this week's targets done, each action capped at its target (1 when nothing is asked). */
        public double completion() {
            int asked = visitsTarget + newOpportunitiesTarget + demosTarget;
            if (asked == 0) {
                return 1;
            }
            long done = Math.min(visits, visitsTarget) + Math.min(newOpportunities, newOpportunitiesTarget) + Math.min(demos, demosTarget);
            return (double) done / asked;
        }
    }

    /**
     * @param pace            the share of the month's working days elapsed (what attainment should be by now)
     * @param funnelSource    {@code rep} or {@code team}: whose history the derivation used
     */
    public record Progress(long repId, String repName, String month, BigDecimal target, BigDecimal signed, double attainment, double pace,
            int workingDaysElapsed, int workingDays, BigDecimal pipelineExpected, BigDecimal gap, double winRate, BigDecimal averageDeal,
            String funnelSource, WeeklyActions thisWeek, Phrase diagnosis) {}

    private final Targets targets;
    private final Opportunities opportunities;
    private final FunnelMetrics funnels;
    private final Activities activities;
    private final Directory directory;
    private final DataScopes scopes;
    private final WorkingCalendar calendar;
    private final OverrideStore overrides;
    private final Clock clock;

    RepProgress(Targets targets, Opportunities opportunities, FunnelMetrics funnels, Activities activities, Directory directory, DataScopes scopes,
            WorkingCalendar calendar, OverrideStore overrides, Clock clock) {
        this.targets = targets;
        this.opportunities = opportunities;
        this.funnels = funnels;
        this.activities = activities;
        this.directory = directory;
        this.scopes = scopes;
        this.calendar = calendar;
        this.overrides = overrides;
        this.clock = clock;
    }

    /** The rep's progress as of today; 404 outside the caller's scope. */
    @Transactional(readOnly = true)
    public Progress of(long repId, YearMonth month) {
        scopes.current(RecordKind.TARGET).require(repId, "rep", repId);
        return unscoped(repId, month, LocalDate.now(clock));
    }

    /** The rep's progress as of {@code today}, without scope checks (for briefs and jobs that run as the system). */
    @Transactional(readOnly = true)
    public Progress unscoped(long repId, YearMonth month, LocalDate today) {
        UserSummary rep = directory.user(repId).orElseThrow(() -> NotFoundException.of("rep", repId));
        ZoneId zone = calendar.zone();
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        LocalDate asOf = today.isBefore(first) ? first.minusDays(1) : today.isAfter(last) ? last : today;
        OffsetDateTime from = first.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = last.plusDays(1).atStartOfDay(zone).toOffsetDateTime();

        BigDecimal target = targets.amount(TargetMetric.SIGNED, TargetLevel.REP, repId, month.toString()).orElse(BigDecimal.ZERO);
        BigDecimal signed = opportunities.closedBetween(Set.of(repId), from, to).stream()
                .filter(o -> o.status() == OpportunityStatus.WON).map(o -> o.amount() == null ? BigDecimal.ZERO : o.amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        int workingDays = calendar.workingDaysBetween(first, last.plusDays(1));
        int elapsed = calendar.workingDaysBetween(first, asOf.plusDays(1));

        // the rep's own funnel over 12 months, the team's when the rep has too little history
        Funnel funnel = funnels.funnel(Set.of(repId), null, first.minusMonths(12), first.minusDays(1));
        String source = "rep";
        if (funnel.won() + funnel.lost() < MIN_HISTORY && rep.teamId() != null) {
            Set<Long> team = new java.util.HashSet<>();
            directory.members(Set.of(rep.teamId())).forEach(u -> team.add(u.id()));
            funnel = funnels.funnel(team, null, first.minusMonths(12), first.minusDays(1));
            source = "team";
        }
        double winRate = funnel.winRate() > 0 ? funnel.winRate() : 0.25;
        BigDecimal averageDeal = funnel.averageWonAmount() != null && funnel.averageWonAmount().signum() > 0
                ? funnel.averageWonAmount() : new BigDecimal("100000");

        List<OpportunityRef> open = opportunities.openFor(Set.of(repId));
        BigDecimal pipelineExpected = open.stream()
                .filter(o -> o.expectedClose() != null && !o.expectedClose().isAfter(last) && o.amount() != null)
                .map(o -> o.amount().multiply(BigDecimal.valueOf(winRate)))
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
        BigDecimal gap = target.subtract(signed).subtract(pipelineExpected).max(BigDecimal.ZERO);

        LocalDate monday = asOf.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int weeksLeft = Math.max(1, (int) ((last.toEpochDay() - monday.toEpochDay()) / 7) + 1);
        int dealsNeeded = gap.divide(averageDeal, 0, RoundingMode.CEILING).intValue();
        int oppsNeeded = (int) Math.ceil(dealsNeeded / winRate);
        int newOppsPerWeek = (int) Math.ceil((double) oppsNeeded / weeksLeft);
        // how many visits and demos this rep's history needed per new opportunity
        OffsetDateTime historyFrom = from.minusDays(90);
        List<ActivityRef> history = activities.between(Set.of(repId), historyFrom, from);
        int createdBefore = opportunities.createdBetween(Set.of(repId), historyFrom, from).size();
        double visitsPerOpp = createdBefore == 0 ? 3.0 : Math.max(1.0, (double) count(history, ActivityType.VISIT) / createdBefore);
        double demosPerOpp = createdBefore == 0 ? 0.5 : Math.max(0.2, (double) count(history, ActivityType.DEMO) / createdBefore);

        OffsetDateTime weekFrom = monday.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime weekTo = monday.plusDays(7).atStartOfDay(zone).toOffsetDateTime();
        List<ActivityRef> week = activities.between(Set.of(repId), weekFrom, weekTo);
        long newThisWeek = opportunities.createdBetween(Set.of(repId), weekFrom, weekTo).size();
        int derivedVisits = (int) Math.ceil(newOppsPerWeek * visitsPerOpp);
        int derivedDemos = (int) Math.ceil(newOppsPerWeek * demosPerOpp);
        ActionTargets.Override override = overrides.find(repId, month).orElse(null);
        WeeklyActions actions = override == null
                ? new WeeklyActions(Period.weekKey(monday), derivedVisits, count(week, ActivityType.VISIT), newOppsPerWeek, newThisWeek, derivedDemos,
                        count(week, ActivityType.DEMO), derivedVisits, newOppsPerWeek, derivedDemos, null)
                : new WeeklyActions(Period.weekKey(monday), override.visits(), count(week, ActivityType.VISIT), override.newOpportunities(), newThisWeek,
                        override.demos(), count(week, ActivityType.DEMO), derivedVisits, newOppsPerWeek, derivedDemos, override);

        double attainment = target.signum() == 0 ? 0 : signed.divide(target, 4, RoundingMode.HALF_UP).doubleValue();
        double pace = workingDays == 0 ? 0 : (double) elapsed / workingDays;
        return new Progress(repId, rep.displayName(), month.toString(), target, signed, attainment, pace, elapsed, workingDays, pipelineExpected,
                gap, winRate, averageDeal, source, actions, diagnosis(attainment, pace, actions, gap));
    }

    /** One sentence linking the shortfall in actions to the result, to be put into the reader's language. */
    static Phrase diagnosis(double attainment, double pace, WeeklyActions a, BigDecimal gap) {
        if (gap.signum() == 0) {
            return new Phrase("goal.diagnosis.covered");
        }
        return new Phrase("goal.diagnosis", Math.round(attainment * 100), Math.round(pace * 100),
                shortfall("goal.diagnosis.newOpportunities", a.newOpportunities(), a.newOpportunitiesTarget()),
                shortfall("goal.diagnosis.visits", a.visits(), a.visitsTarget()),
                shortfall("goal.diagnosis.demos", a.demos(), a.demosTarget()),
                gap.setScale(0, RoundingMode.HALF_UP));
    }

    private static Phrase shortfall(String key, long done, long target) {
        return done < target ? new Phrase(key, done, target) : new Phrase("goal.diagnosis.met");
    }

    private static long count(List<ActivityRef> list, ActivityType type) {
        return list.stream().filter(a -> a.type() == type).count();
    }
}
