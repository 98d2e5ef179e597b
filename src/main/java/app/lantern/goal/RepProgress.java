package app.lantern.goal;

import app.lantern.activity.Activities;
import app.lantern.activity.ActivityRef;
import app.lantern.activity.ActivityType;
import app.lantern.calendar.WorkingCalendar;
import app.lantern.identity.DataScopes;
import app.lantern.identity.Directory;
import app.lantern.identity.RecordKind;
import app.lantern.identity.UserSummary;
import app.lantern.pipeline.ClosedDeals;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    public record WeeklyActions(
            String week,
            int visitsTarget,
            long visits,
            int newOpportunitiesTarget,
            long newOpportunities,
            int demosTarget,
            long demos,
            int derivedVisits,
            int derivedNewOpportunities,
            int derivedDemos,
            ActionTargets.Override override) {

        public boolean overridden() {
            return override != null;
        }

        /** The share of this week's targets done, each action capped at its target (1 when nothing is asked). */
        public double completion() {
            int asked = visitsTarget + newOpportunitiesTarget + demosTarget;
            if (asked == 0) {
                return 1;
            }
            long done = Math.min(visits, visitsTarget)
                    + Math.min(newOpportunities, newOpportunitiesTarget)
                    + Math.min(demos, demosTarget);
            return (double) done / asked;
        }
    }

    /**
     * @param pace            the share of the month's working days elapsed (what attainment should be by now)
     * @param funnelSource    {@code rep} or {@code team}: whose history the derivation used
     */
    public record Progress(
            long repId,
            String repName,
            String month,
            BigDecimal target,
            BigDecimal signed,
            double attainment,
            double pace,
            int workingDaysElapsed,
            int workingDays,
            BigDecimal pipelineExpected,
            BigDecimal gap,
            double winRate,
            BigDecimal averageDeal,
            String funnelSource,
            WeeklyActions thisWeek,
            Phrase diagnosis) {}

    private final Targets targets;
    private final Opportunities opportunities;
    private final FunnelMetrics funnels;
    private final Activities activities;
    private final Directory directory;
    private final DataScopes scopes;
    private final WorkingCalendar calendar;
    private final OverrideStore overrides;
    private final Clock clock;

    RepProgress(
            Targets targets,
            Opportunities opportunities,
            FunnelMetrics funnels,
            Activities activities,
            Directory directory,
            DataScopes scopes,
            WorkingCalendar calendar,
            OverrideStore overrides,
            Clock clock) {
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
        return unscoped(List.of(repId), month, today).getFirst();
    }

    /**
     * {@link #unscoped(long, YearMonth, LocalDate)} of many reps, in their order: each kind of data is read once for
     * all of them (a dozen statements however many reps), so a team roll-up does not cost queries per rep.
     */
    @Transactional(readOnly = true)
    public List<Progress> unscoped(List<Long> repIds, YearMonth month, LocalDate today) {
        Map<Long, UserSummary> people = new HashMap<>();
        directory.users().forEach(u -> people.put(u.id(), u));
        List<UserSummary> reps = repIds.stream()
                .map(id -> java.util.Optional.ofNullable(people.get(id))
                        .orElseThrow(() -> NotFoundException.of("rep", id)))
                .toList();
        Set<Long> ids = new java.util.LinkedHashSet<>(repIds);
        ZoneId zone = calendar.zone();
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        LocalDate asOf = today.isBefore(first) ? first.minusDays(1) : today.isAfter(last) ? last : today;
        OffsetDateTime from = first.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = last.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        int workingDays = calendar.workingDaysBetween(first, last.plusDays(1));
        int elapsed = calendar.workingDaysBetween(first, asOf.plusDays(1));
        LocalDate monday = asOf.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        OffsetDateTime weekFrom = monday.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime weekTo = monday.plusDays(7).atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime historyFrom = from.minusDays(90);

        Map<Long, BigDecimal> targetOf = targets.amounts(TargetMetric.SIGNED, TargetLevel.REP, ids, month.toString());
        Map<Long, List<OpportunityRef>> closed =
                byOwner(opportunities.closedBetween(ids, from, to), OpportunityRef::ownerId);
        // the rep's own funnel over 12 months, the team's when the rep has too little history
        Map<Long, Set<Long>> teamOf = new HashMap<>();
        Set<Long> owners = new java.util.HashSet<>(ids);
        for (UserSummary rep : reps) {
            if (rep.teamId() != null) {
                Set<Long> team = teamOf.computeIfAbsent(
                        rep.teamId(),
                        t -> people.values().stream()
                                .filter(u -> u.active() && t.equals(u.teamId()))
                                .map(UserSummary::id)
                                .collect(java.util.stream.Collectors.toSet()));
                owners.addAll(team);
            }
        }
        Map<Long, ClosedDeals> history12 = funnels.closedByOwner(owners, first.minusMonths(12), first.minusDays(1));
        Map<Long, List<OpportunityRef>> open = byOwner(opportunities.openFor(ids), OpportunityRef::ownerId);
        Map<Long, List<ActivityRef>> history =
                byOwner(activities.between(ids, historyFrom, from), ActivityRef::ownerId);
        Map<Long, List<OpportunityRef>> createdBefore =
                byOwner(opportunities.createdBetween(ids, historyFrom, from), OpportunityRef::ownerId);
        Map<Long, List<ActivityRef>> week = byOwner(activities.between(ids, weekFrom, weekTo), ActivityRef::ownerId);
        Map<Long, List<OpportunityRef>> createdThisWeek =
                byOwner(opportunities.createdBetween(ids, weekFrom, weekTo), OpportunityRef::ownerId);
        Map<Long, ActionTargets.Override> overrideOf = overrides.findAll(ids, month);

        List<Progress> result = new java.util.ArrayList<>(reps.size());
        for (UserSummary rep : reps) {
            long repId = rep.id();
            BigDecimal target = targetOf.getOrDefault(repId, BigDecimal.ZERO);
            BigDecimal signed = closed.getOrDefault(repId, List.of()).stream()
                    .filter(o -> o.status() == OpportunityStatus.WON)
                    .map(o -> o.amount() == null ? BigDecimal.ZERO : o.amount())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            ClosedDeals funnel = history12.getOrDefault(repId, ClosedDeals.NONE);
            String source = "rep";
            if (funnel.won() + funnel.lost() < MIN_HISTORY && rep.teamId() != null) {
                funnel = teamOf.get(rep.teamId()).stream()
                        .map(m -> history12.getOrDefault(m, ClosedDeals.NONE))
                        .reduce(ClosedDeals.NONE, ClosedDeals::plus);
                source = "team";
            }
            double winRate = funnel.winRate() > 0 ? funnel.winRate() : 0.25;
            BigDecimal averageDeal =
                    funnel.averageWonAmount().signum() > 0 ? funnel.averageWonAmount() : new BigDecimal("100000");

            BigDecimal pipelineExpected = open.getOrDefault(repId, List.of()).stream()
                    .filter(o -> o.expectedClose() != null && !o.expectedClose().isAfter(last) && o.amount() != null)
                    .map(o -> o.amount().multiply(BigDecimal.valueOf(winRate)))
                    .reduce(BigDecimal.ZERO, BigDecimal::add)
                    .setScale(2, RoundingMode.HALF_UP);
            BigDecimal gap = target.subtract(signed).subtract(pipelineExpected).max(BigDecimal.ZERO);

            int weeksLeft = Math.max(1, (int) ((last.toEpochDay() - monday.toEpochDay()) / 7) + 1);
            int dealsNeeded = gap.divide(averageDeal, 0, RoundingMode.CEILING).intValue();
            int oppsNeeded = (int) Math.ceil(dealsNeeded / winRate);
            int newOppsPerWeek = (int) Math.ceil((double) oppsNeeded / weeksLeft);
            // how many visits and demos this rep's history needed per new opportunity
            List<ActivityRef> past = history.getOrDefault(repId, List.of());
            int created = createdBefore.getOrDefault(repId, List.of()).size();
            double visitsPerOpp =
                    created == 0 ? 3.0 : Math.max(1.0, (double) count(past, ActivityType.VISIT) / created);
            double demosPerOpp = created == 0 ? 0.5 : Math.max(0.2, (double) count(past, ActivityType.DEMO) / created);

            List<ActivityRef> thisWeek = week.getOrDefault(repId, List.of());
            long newThisWeek = createdThisWeek.getOrDefault(repId, List.of()).size();
            int derivedVisits = (int) Math.ceil(newOppsPerWeek * visitsPerOpp);
            int derivedDemos = (int) Math.ceil(newOppsPerWeek * demosPerOpp);
            ActionTargets.Override override = overrideOf.get(repId);
            WeeklyActions actions = override == null
                    ? new WeeklyActions(
                            Period.weekKey(monday),
                            derivedVisits,
                            count(thisWeek, ActivityType.VISIT),
                            newOppsPerWeek,
                            newThisWeek,
                            derivedDemos,
                            count(thisWeek, ActivityType.DEMO),
                            derivedVisits,
                            newOppsPerWeek,
                            derivedDemos,
                            null)
                    : new WeeklyActions(
                            Period.weekKey(monday),
                            override.visits(),
                            count(thisWeek, ActivityType.VISIT),
                            override.newOpportunities(),
                            newThisWeek,
                            override.demos(),
                            count(thisWeek, ActivityType.DEMO),
                            derivedVisits,
                            newOppsPerWeek,
                            derivedDemos,
                            override);

            double attainment = target.signum() == 0
                    ? 0
                    : signed.divide(target, 4, RoundingMode.HALF_UP).doubleValue();
            double pace = workingDays == 0 ? 0 : (double) elapsed / workingDays;
            result.add(new Progress(
                    repId,
                    rep.displayName(),
                    month.toString(),
                    target,
                    signed,
                    attainment,
                    pace,
                    elapsed,
                    workingDays,
                    pipelineExpected,
                    gap,
                    winRate,
                    averageDeal,
                    source,
                    actions,
                    diagnosis(attainment, pace, actions, gap)));
        }
        return result;
    }

    private static <T> Map<Long, List<T>> byOwner(List<T> items, java.util.function.ToLongFunction<T> owner) {
        Map<Long, List<T>> m = new HashMap<>();
        for (T item : items) {
            m.computeIfAbsent(owner.applyAsLong(item), k -> new java.util.ArrayList<>())
                    .add(item);
        }
        return m;
    }

    /** One sentence linking the shortfall in actions to the result, to be put into the reader's language. */
    static Phrase diagnosis(double attainment, double pace, WeeklyActions a, BigDecimal gap) {
        if (gap.signum() == 0) {
            return new Phrase("goal.diagnosis.covered");
        }
        return new Phrase(
                "goal.diagnosis",
                Math.round(attainment * 100),
                Math.round(pace * 100),
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
