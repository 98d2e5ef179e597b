package app.lantern.alert;

import app.lantern.activity.Activities;
import app.lantern.activity.DailyReports;
import app.lantern.calendar.WorkingCalendar;
import app.lantern.goal.RepProgress;
import app.lantern.identity.DataScopes;
import app.lantern.identity.Directory;
import app.lantern.identity.RecordKind;
import app.lantern.identity.UserSummary;
import app.lantern.pipeline.Opportunities;
import app.lantern.pipeline.OpportunityRef;
import app.lantern.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/** The facts behind a rep's alerts, for the drill-down a manager opens from the board. */
@Service
public class RepEvidence {

    public record OpenDeal(
            long id,
            String name,
            String stage,
            Integer health,
            java.math.BigDecimal amount,
            OffsetDateTime lastStageChange,
            int idleWorkingDays) {}

    public record Evidence(
            long repId,
            String repName,
            boolean atRisk,
            List<AlertView> alerts,
            OffsetDateTime lastNewOpportunity,
            int workingDaysWithoutNew,
            List<OpenDeal> openDeals,
            OffsetDateTime lastActivity,
            LocalDate lastWorkingDay,
            boolean reportSubmitted,
            RepProgress.WeeklyActions thisWeek) {}

    private final Alerts alerts;
    private final Opportunities opportunities;
    private final Activities activities;
    private final DailyReports dailyReports;
    private final Directory directory;
    private final DataScopes scopes;
    private final WorkingCalendar calendar;
    private final RepProgress progress;
    private final Clock clock;

    RepEvidence(
            Alerts alerts,
            Opportunities opportunities,
            Activities activities,
            DailyReports dailyReports,
            Directory directory,
            DataScopes scopes,
            WorkingCalendar calendar,
            RepProgress progress,
            Clock clock) {
        this.progress = progress;
        this.alerts = alerts;
        this.opportunities = opportunities;
        this.activities = activities;
        this.dailyReports = dailyReports;
        this.directory = directory;
        this.scopes = scopes;
        this.calendar = calendar;
        this.clock = clock;
    }

    public Evidence of(long repId) {
        scopes.current(RecordKind.OPPORTUNITY).require(repId, "rep", repId);
        UserSummary rep = directory.user(repId).orElseThrow(() -> NotFoundException.of("rep", repId));
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = now.atZoneSameInstant(calendar.zone()).toLocalDate();
        OffsetDateTime lastNew =
                opportunities.createdBetween(Set.of(repId), now.minusDays(AlertEngine.LOOKBACK_DAYS), now).stream()
                        .map(OpportunityRef::createdAt)
                        .max(Comparator.naturalOrder())
                        .orElse(null);
        int without = lastNew == null
                ? -1
                : AlertEngine.workingDaysWithout(
                        lastNew.atZoneSameInstant(calendar.zone()).toLocalDate(), today, calendar);
        List<OpenDeal> deals = opportunities.openFor(Set.of(repId)).stream()
                .map(o -> {
                    OffsetDateTime changed =
                            opportunities.lastStageChangeAt(o.id()).orElse(o.createdAt());
                    // a stage changed today has not stalled: 0, never -1
                    int idle = Math.max(
                            0,
                            calendar.workingDaysBetween(
                                    changed.atZoneSameInstant(calendar.zone())
                                            .toLocalDate()
                                            .plusDays(1),
                                    today));
                    return new OpenDeal(o.id(), o.name(), o.stageName(), o.healthScore(), o.amount(), changed, idle);
                })
                .sorted(Comparator.comparingInt(OpenDeal::idleWorkingDays).reversed())
                .toList();
        LocalDate lastWorkingDay = calendar.previousWorkingDay(today);
        return new Evidence(
                repId,
                rep.displayName(),
                alerts.isAtRisk(repId),
                alerts.board(repId, true),
                lastNew,
                without,
                deals,
                activities.lastActivityAt(repId).orElse(null),
                lastWorkingDay,
                dailyReports.submitted(repId, lastWorkingDay),
                progress.unscoped(repId, YearMonth.from(today), today).thisWeek());
    }
}
