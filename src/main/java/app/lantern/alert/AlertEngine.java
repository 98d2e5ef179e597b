package app.lantern.alert;

import app.lantern.activity.Activities;
import app.lantern.activity.DailyReports;
import app.lantern.calendar.WorkingCalendar;
import app.lantern.goal.RepProgress;
import app.lantern.identity.Directory;
import app.lantern.identity.Role;
import app.lantern.identity.UserSummary;
import app.lantern.pipeline.Opportunities;
import app.lantern.pipeline.OpportunityRef;
import app.lantern.shared.Phrase;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates the built-in rules, counting in working days of the calendar (holidays and 调休 included), and raises or
 * clears alerts. Run by a cluster-safe scheduled job and after pipeline events for the rep concerned.
 */
@Component
class AlertEngine {

    static final String NO_NEW_OPPORTUNITY = "NO_NEW_OPPORTUNITY";
    static final String STAGE_STALE = "STAGE_STALE";
    static final String HEALTH_LOW = "HEALTH_LOW";
    static final String DAILY_REPORT_MISSING = "DAILY_REPORT_MISSING";
    static final String WEEKLY_PACE_BEHIND = "WEEKLY_PACE_BEHIND";

    /** How far back "the last new opportunity" is looked for. */
    static final int LOOKBACK_DAYS = 90;
    /**
     * A deal is active (在跟) when something was logged on it within this many days: a stage unchanged on a deal
     * nobody works is the health score's business (recency), not a stage left behind the facts.
     */
    static final int ACTIVE_DAYS = 14;

    private final Alerts alerts;
    private final Opportunities opportunities;
    private final DailyReports dailyReports;
    private final Directory directory;
    private final WorkingCalendar calendar;
    private final RepProgress progress;
    private final Activities activities;
    private final TransactionTemplate tx;

    AlertEngine(
            Alerts alerts,
            Opportunities opportunities,
            DailyReports dailyReports,
            Directory directory,
            WorkingCalendar calendar,
            RepProgress progress,
            Activities activities,
            TransactionTemplate tx) {
        this.alerts = alerts;
        this.activities = activities;
        this.progress = progress;
        this.opportunities = opportunities;
        this.dailyReports = dailyReports;
        this.directory = directory;
        this.calendar = calendar;
        this.tx = new TransactionTemplate(tx.getTransactionManager());
        this.tx.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    /** Working days strictly after {@code last} and before {@code today} with no new opportunity. */
    static int workingDaysWithout(LocalDate last, LocalDate today, WorkingCalendar calendar) {
        return calendar.workingDaysBetween(last.plusDays(1), today);
    }

    /**
     * Where {@code day} stands in its ISO week, counted in working days: its position (1 for the week's first working
     * day) and how many working days the week has. Empty on a non-working day. A holiday week has fewer working days,
     * so its "Wednesday" (the third working day) falls later.
     */
    static Optional<WeekPosition> weekPosition(LocalDate day, WorkingCalendar calendar) {
        if (!calendar.isWorkingDay(day)) {
            return Optional.empty();
        }
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return Optional.of(new WeekPosition(
                calendar.workingDaysBetween(monday, day.plusDays(1)),
                calendar.workingDaysBetween(monday, monday.plusDays(7))));
    }

    /** The {@code position}th of the week's {@code workingDays} working days; the days before it are done. */
    record WeekPosition(int position, int workingDays) {
        double elapsedShare() {
            return (double) (position - 1) / workingDays;
        }
    }

    /** Evaluates every active rep; returns how many reps were evaluated. */
    int evaluateAll(OffsetDateTime now) {
        List<UserSummary> reps = directory.usersWithRole(Role.REP);
        for (UserSummary rep : reps) {
            evaluateRep(rep.id(), now);
        }
        return reps.size();
    }

    private static final Object[] REP_LOCKS =
            java.util.stream.IntStream.range(0, 64).mapToObj(i -> new Object()).toArray();

    void evaluateRep(long repId, OffsetDateTime now) {
        Map<String, AlertRule> rules =
                alerts.rules().stream().collect(Collectors.toMap(AlertRule::code, Function.identity()));
        LocalDate today = now.atZoneSameInstant(calendar.zone()).toLocalDate();
        // Events about one rep arrive in bursts on several threads; evaluating them one at a time (and committing
        // inside the lock) keeps "one open alert per rule and subject" without relying on the database to settle
        // racing inserts (H2 emulates INSERT … ON CONFLICT with a MERGE that can still collide).
        synchronized (REP_LOCKS[(int) Math.floorMod(repId, (long) REP_LOCKS.length)]) {
            tx.executeWithoutResult(s -> {
                noNewOpportunity(repId, now, today, rules.get(NO_NEW_OPPORTUNITY));
                openOpportunities(repId, now, today, rules.get(STAGE_STALE), rules.get(HEALTH_LOW));
                dailyReport(repId, today, rules.get(DAILY_REPORT_MISSING));
                weeklyPace(repId, today, rules.get(WEEKLY_PACE_BEHIND));
            });
        }
    }

    private void noNewOpportunity(long repId, OffsetDateTime now, LocalDate today, AlertRule rule) {
        if (rule == null || !rule.enabled()) {
            alerts.clear(NO_NEW_OPPORTUNITY, "rep", repId);
            return;
        }
        LocalDate last = opportunities.createdBetween(Set.of(repId), now.minusDays(LOOKBACK_DAYS), now).stream()
                .map(o -> o.createdAt().atZoneSameInstant(calendar.zone()).toLocalDate())
                .max(Comparator.naturalOrder())
                .orElse(null);
        int without = last == null
                ? calendar.workingDaysBetween(today.minusDays(LOOKBACK_DAYS), today)
                : workingDaysWithout(last, today, calendar);
        if (without >= rule.windowDays()) {
            Phrase message = last == null
                    ? new Phrase("alert.message.noNewOpportunityInLookback", LOOKBACK_DAYS)
                    : new Phrase("alert.message.noNewOpportunity", without, last);
            alerts.raise(new AlertSignal(
                    NO_NEW_OPPORTUNITY, "rep", repId, repId, rule.severity(), message, "/alerts/reps/" + repId));
        } else {
            alerts.clear(NO_NEW_OPPORTUNITY, "rep", repId);
        }
    }

    private void openOpportunities(long repId, OffsetDateTime now, LocalDate today, AlertRule stale, AlertRule health) {
        Set<Long> active = new java.util.HashSet<>();
        activities.between(Set.of(repId), now.minusDays(ACTIVE_DAYS), now).forEach(a -> {
            if (a.opportunityId() != null) {
                active.add(a.opportunityId());
            }
        });
        for (OpportunityRef o : opportunities.openFor(Set.of(repId))) {
            boolean watched = stale != null && stale.enabled() && active.contains(o.id());
            int idle = watched
                    ? calendar.workingDaysBetween(
                            opportunities
                                    .lastStageChangeAt(o.id())
                                    .orElse(o.createdAt())
                                    .atZoneSameInstant(calendar.zone())
                                    .toLocalDate()
                                    .plusDays(1),
                            today)
                    : 0;
            if (watched && idle >= stale.windowDays()) {
                alerts.raise(new AlertSignal(
                        STAGE_STALE,
                        "opportunity",
                        o.id(),
                        repId,
                        stale.severity(),
                        new Phrase("alert.message.stageStale", o.name(), o.stageName(), idle),
                        "/alerts/reps/" + repId));
            } else {
                alerts.clear(STAGE_STALE, "opportunity", o.id());
            }
            if (health != null && health.enabled()) {
                if (o.healthScore() != null && o.healthScore() < health.threshold()) {
                    alerts.raise(new AlertSignal(
                            HEALTH_LOW,
                            "opportunity",
                            o.id(),
                            repId,
                            health.severity(),
                            new Phrase("alert.message.healthLow", o.name(), o.healthScore(), health.threshold()),
                            "/alerts/reps/" + repId));
                } else {
                    alerts.clear(HEALTH_LOW, "opportunity", o.id());
                }
            }
        }
    }

    private void dailyReport(long repId, LocalDate today, AlertRule rule) {
        if (rule == null || !rule.enabled()) {
            alerts.clear(DAILY_REPORT_MISSING, "rep", repId);
            return;
        }
        LocalDate day = calendar.previousWorkingDay(today);
        if (!dailyReports.submitted(repId, day)) {
            alerts.raise(new AlertSignal(
                    DAILY_REPORT_MISSING,
                    "rep",
                    repId,
                    repId,
                    rule.severity(),
                    new Phrase("alert.message.dailyReportMissing", day),
                    "/alerts/reps/" + repId));
        } else {
            alerts.clear(DAILY_REPORT_MISSING, "rep", repId);
        }
    }

    /**
     * From the rule's working day of the ISO week on (the third: Wednesday in a normal week), this week's actions must
     * have kept up with the working days already gone: completion below {@code threshold}% of that share is behind.
     * A new week clears the alert; weekends and holidays leave it as it is.
     */
    private void weeklyPace(long repId, LocalDate today, AlertRule rule) {
        if (rule == null || !rule.enabled()) {
            alerts.clear(WEEKLY_PACE_BEHIND, "rep", repId);
            return;
        }
        Optional<WeekPosition> week = weekPosition(today, calendar);
        if (week.isEmpty()) {
            return;
        }
        if (week.get().position() < Math.max(1, rule.windowDays())) {
            alerts.clear(WEEKLY_PACE_BEHIND, "rep", repId);
            return;
        }
        RepProgress.WeeklyActions w =
                progress.unscoped(repId, YearMonth.from(today), today).thisWeek();
        double expected = week.get().elapsedShare() * rule.threshold() / 100.0;
        if (w.completion() < expected) {
            Phrase message = new Phrase(
                    "alert.message.weeklyPaceBehind",
                    w.week(),
                    Math.round(w.completion() * 100),
                    week.get().position() - 1,
                    week.get().workingDays(),
                    Math.round(expected * 100),
                    w.visits(),
                    w.visitsTarget(),
                    w.newOpportunities(),
                    w.newOpportunitiesTarget(),
                    w.demos(),
                    w.demosTarget());
            alerts.raise(new AlertSignal(
                    WEEKLY_PACE_BEHIND,
                    "rep",
                    repId,
                    repId,
                    rule.severity(),
                    message,
                    "/goals/progress/reps/" + repId));
        } else {
            alerts.clear(WEEKLY_PACE_BEHIND, "rep", repId);
        }
    }
}
