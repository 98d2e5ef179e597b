package app.lantern.insight.cockpit;

import app.lantern.goal.TargetLevel;
import app.lantern.goal.TargetMetric;
import app.lantern.goal.Targets;
import app.lantern.goal.TeamProgress;
import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.Role;
import app.lantern.insight.sandbox.Distribution;
import app.lantern.insight.sandbox.Sandbox;
import app.lantern.shared.ForbiddenException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * X7, the executive's landing page (and a manager's, for the teams they lead): this month's attainment against the pace
 * of working days, and the sandbox's forecast of the month and the quarter, per team and in total.
 */
@Service
public class Cockpit {

    public record TeamLine(
            long teamId,
            String name,
            BigDecimal target,
            BigDecimal signed,
            double attainment,
            double pace,
            Distribution month,
            Distribution quarter) {

        public boolean behind() {
            return target.signum() > 0 && attainment < pace;
        }
    }

    /**
     * @param company whether the view covers the whole company (an executive's) or the teams a manager leads
     */
    public record View(
            boolean company,
            String month,
            String quarter,
            BigDecimal target,
            BigDecimal signed,
            double attainment,
            double pace,
            int workingDaysElapsed,
            int workingDays,
            Distribution monthForecast,
            BigDecimal quarterTarget,
            Distribution quarterForecast,
            List<TeamLine> teams) {

        public boolean behind() {
            return target.signum() > 0 && attainment < pace;
        }
    }

    private final TeamProgress progress;
    private final Targets targets;
    private final Sandbox sandbox;
    private final CurrentActor currentActor;
    private final Clock clock;

    Cockpit(TeamProgress progress, Targets targets, Sandbox sandbox, CurrentActor currentActor, Clock clock) {
        this.progress = progress;
        this.targets = targets;
        this.sandbox = sandbox;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** The signed-in executive's (whole company) or manager's (their teams) cockpit; 403 for anyone else. */
    @Transactional(readOnly = true)
    public View view() {
        Actor actor = currentActor.require();
        boolean company = actor.has(Role.EXECUTIVE) || actor.has(Role.ADMIN);
        if (!company && !actor.has(Role.MANAGER)) {
            throw new ForbiddenException("the cockpit is for managers and executives");
        }
        YearMonth month = YearMonth.now(clock);
        TeamProgress.Rollup rollup = progress.of(month);
        Map<Long, Long> teamOf = new LinkedHashMap<>();
        Map<Long, BigDecimal> monthTargets = new LinkedHashMap<>();
        for (TeamProgress.TeamRow t : rollup.teams()) {
            monthTargets.put(t.teamId(), t.target());
            t.reps().forEach(r -> teamOf.put(r.progress().repId(), t.teamId()));
        }
        YearMonth quarterStart = month.withMonth((month.getMonthValue() - 1) / 3 * 3 + 1);
        Map<Long, BigDecimal> quarterTargets = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            targets.amounts(
                            TargetMetric.SIGNED,
                            TargetLevel.REP,
                            teamOf.keySet(),
                            quarterStart.plusMonths(i).toString())
                    .forEach((rep, amount) -> quarterTargets.merge(teamOf.get(rep), amount, BigDecimal::add));
        }
        LocalDate quarterEnd = quarterStart.plusMonths(2).atEndOfMonth();
        Sandbox.Forecasts monthly = sandbox.forecast(teamOf, month.atDay(1), month.atEndOfMonth(), monthTargets);
        Sandbox.Forecasts quarterly = sandbox.forecast(teamOf, quarterStart.atDay(1), quarterEnd, quarterTargets);

        List<TeamLine> teams = new ArrayList<>();
        BigDecimal target = BigDecimal.ZERO;
        BigDecimal signed = BigDecimal.ZERO;
        for (TeamProgress.TeamRow t : rollup.teams()) {
            target = target.add(t.target());
            signed = signed.add(t.signed());
            teams.add(new TeamLine(
                    t.teamId(),
                    t.teamName(),
                    t.target(),
                    t.signed(),
                    t.attainment(),
                    t.pace(),
                    monthly.byGroup().get(t.teamId()),
                    quarterly.byGroup().get(t.teamId())));
        }
        double attainment = target.signum() == 0
                ? 0
                : signed.divide(target, 4, RoundingMode.HALF_UP).doubleValue();
        return new View(
                company,
                month.toString(),
                quarterStart.getYear() + "-Q" + ((quarterStart.getMonthValue() - 1) / 3 + 1),
                target,
                signed,
                attainment,
                rollup.pace(),
                rollup.workingDaysElapsed(),
                rollup.workingDays(),
                monthly.total(),
                quarterTargets.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add),
                quarterly.total(),
                teams);
    }
}
