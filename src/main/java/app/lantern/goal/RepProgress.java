package app.lantern.goal;

import app.lantern.activity.Activities;
import app.lantern.activity.ActivityRef;
import app.lantern.activity.ActivityType;
import app.lantern.calendar.WorkingCalendar;
import app.lantern.identity.DataScopes;
import app.lantern.identity.Directory;
import app.lantern.identity.RecordKind;
import app.lantern.identity.Role;
import app.lantern.identity.UserSummary;
import app.lantern.pipeline.ClosedDeals;
import app.lantern.pipeline.FunnelMetrics;
import app.lantern.pipeline.Opportunities;
import app.lantern.pipeline.OpportunityRef;
import app.lantern.pipeline.OpportunityStatus;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.Phrase;
import app.lantern.shared.web.MoneyFormat;
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
 * that the remaining gap needs ({@link ActionPlan}: the rep's rates shrunk towards the team's, bounded by capacity).
 */
@Service
public class RepProgress {

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
     * @param funnelSource    {@code rep} or {@code team}: whose history weighs more in the win rate
     * @param plan            how the derived weekly action targets follow from the gap, step by step
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
            ActionPlan plan,
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
        OffsetDateTime historyFrom =
                monday.minusWeeks(ActionHistory.WEEKS).atStartOfDay(zone).toOffsetDateTime();

        Map<Long, BigDecimal> targetOf = targets.amounts(TargetMetric.SIGNED, TargetLevel.REP, ids, month.toString());
        Map<Long, List<OpportunityRef>> closed =
                byOwner(opportunities.closedBetween(ids, from, to), OpportunityRef::ownerId);
        // the team's reps: the prior the rep's own rates are shrunk towards
        Map<Long, Set<Long>> teamOf = new HashMap<>();
        Set<Long> owners = new java.util.HashSet<>(ids);
        for (UserSummary rep : reps) {
            if (rep.teamId() != null) {
                Set<Long> team = teamOf.computeIfAbsent(
                        rep.teamId(),
                        t -> people.values().stream()
                                .filter(u -> u.active()
                                        && t.equals(u.teamId())
                                        && u.roles().contains(Role.REP))
                                .map(UserSummary::id)
                                .collect(java.util.stream.Collectors.toSet()));
                owners.addAll(team);
            }
        }
        Map<Long, ClosedDeals> history12 = funnels.closedByOwner(owners, first.minusMonths(12), first.minusDays(1));
        Map<Long, List<OpportunityRef>> open = byOwner(opportunities.openFor(ids), OpportunityRef::ownerId);
        Map<Long, ActionPlan.History> histories = ActionHistory.of(
                owners,
                history12,
                activities.between(owners, historyFrom, weekFrom),
                opportunities.createdBetween(owners, historyFrom, weekFrom),
                monday,
                zone);
        Map<Long, List<ActivityRef>> week = byOwner(activities.between(ids, weekFrom, weekTo), ActivityRef::ownerId);
        Map<Long, List<OpportunityRef>> createdThisWeek =
                byOwner(opportunities.createdBetween(ids, weekFrom, weekTo), OpportunityRef::ownerId);
        Map<Long, ActionTargets.Override> overrideOf = overrides.findAll(ids, month);
        LocalDate remainingFrom = today.isBefore(first) ? first : today;
        int remaining = today.isAfter(last) ? 0 : calendar.workingDaysBetween(remainingFrom, last.plusDays(1));

        List<Progress> result = new java.util.ArrayList<>(reps.size());
        for (UserSummary rep : reps) {
            long repId = rep.id();
            BigDecimal target = targetOf.getOrDefault(repId, BigDecimal.ZERO);
            BigDecimal signed = closed.getOrDefault(repId, List.of()).stream()
                    .filter(o -> o.status() == OpportunityStatus.WON)
                    .map(o -> o.amount() == null ? BigDecimal.ZERO : o.amount())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            ActionPlan.History own = histories.get(repId);
            Set<Long> team = rep.teamId() == null ? Set.of(repId) : teamOf.get(rep.teamId());
            ActionPlan.History teamHistory =
                    team.stream().map(histories::get).reduce(ActionPlan.History.NONE, ActionPlan.History::plus);
            double winRate = ActionPlan.winRate(own, teamHistory).value();
            BigDecimal pipelineExpected = open.getOrDefault(repId, List.of()).stream()
                    .filter(o -> o.expectedClose() != null && !o.expectedClose().isAfter(last) && o.amount() != null)
                    .map(o -> o.amount().multiply(BigDecimal.valueOf(winRate)))
                    .reduce(BigDecimal.ZERO, BigDecimal::add)
                    .setScale(2, RoundingMode.HALF_UP);
            BigDecimal gap = target.subtract(signed).subtract(pipelineExpected).max(BigDecimal.ZERO);
            ActionPlan plan = ActionPlan.derive(gap, own, teamHistory, team.size(), remaining);

            List<ActivityRef> thisWeek = week.getOrDefault(repId, List.of());
            long newThisWeek = createdThisWeek.getOrDefault(repId, List.of()).size();
            int derivedVisits = plan.visits().target();
            int derivedNew = plan.newOpportunities().target();
            int derivedDemos = plan.demos().target();
            ActionTargets.Override override = overrideOf.get(repId);
            WeeklyActions actions = new WeeklyActions(
                    Period.weekKey(monday),
                    override == null ? derivedVisits : override.visits(),
                    count(thisWeek, ActivityType.VISIT),
                    override == null ? derivedNew : override.newOpportunities(),
                    newThisWeek,
                    override == null ? derivedDemos : override.demos(),
                    count(thisWeek, ActivityType.DEMO),
                    derivedVisits,
                    derivedNew,
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
                    plan.winRate().value(),
                    plan.averageDealAmount(),
                    plan.funnelSource(),
                    actions,
                    plan,
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
                MoneyFormat.phrase(gap));
    }

    private static Phrase shortfall(String key, long done, long target) {
        return done < target ? new Phrase(key, done, target) : new Phrase("goal.diagnosis.met");
    }

    private static long count(List<ActivityRef> list, ActivityType type) {
        return list.stream().filter(a -> a.type() == type).count();
    }
}
