package app.lantern.goal;

import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.DataScopes;
import app.lantern.identity.Directory;
import app.lantern.identity.Role;
import app.lantern.identity.UserSummary;
import app.lantern.shared.Phrase;
import app.lantern.shared.web.MoneyFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Goal–action–result per rep rolled up per team: signed against target and the pace of working days, this week's
 * actions against their targets, and what the shortfall in actions means for the result. A manager sees the reps of
 * the teams they lead, an executive everybody.
 */
@Service
public class TeamProgress {

    /** One rep's row, with the revenue this week's missing new opportunities would have been expected to bring. */
    public record RepRow(RepProgress.Progress progress, BigDecimal actionGapValue, Phrase link) {}

    /** A team's totals over its reps. */
    public record TeamRow(
            long teamId,
            String teamName,
            List<RepRow> reps,
            BigDecimal target,
            BigDecimal signed,
            double attainment,
            double pace,
            long visits,
            int visitsTarget,
            long newOpportunities,
            int newOpportunitiesTarget,
            long demos,
            int demosTarget,
            double actionCompletion,
            BigDecimal actionGapValue,
            Phrase link) {}

    public record Rollup(String month, List<TeamRow> teams, double pace, int workingDaysElapsed, int workingDays) {}

    private final RepProgress progress;
    private final Directory directory;
    private final DataScopes scopes;
    private final CurrentActor currentActor;
    private final Clock clock;

    TeamProgress(RepProgress progress, Directory directory, DataScopes scopes, CurrentActor currentActor, Clock clock) {
        this.progress = progress;
        this.directory = directory;
        this.scopes = scopes;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Rollup of(YearMonth month) {
        Actor actor = currentActor.require();
        boolean everything = actor.has(Role.EXECUTIVE) || actor.has(Role.ADMIN);
        Set<Long> visible = everything ? Set.of() : scopes.visibleOwners(actor);
        LocalDate today = LocalDate.now(clock);
        List<UserSummary> reps = directory.usersWithRole(Role.REP).stream()
                .filter(rep -> rep.active() && rep.teamId() != null && (everything || visible.contains(rep.id())))
                .toList();
        Map<Long, List<RepRow>> byTeam = new LinkedHashMap<>();
        RepProgress.Progress any = null;
        List<RepProgress.Progress> all =
                progress.unscoped(reps.stream().map(UserSummary::id).toList(), month, today);
        for (int i = 0; i < reps.size(); i++) {
            RepProgress.Progress p = all.get(i);
            any = p;
            byTeam.computeIfAbsent(reps.get(i).teamId(), k -> new ArrayList<>())
                    .add(new RepRow(p, gapValue(p), link(p)));
        }
        List<TeamRow> teams = new ArrayList<>();
        Map<Long, String> names = new LinkedHashMap<>();
        directory.teams().forEach(t -> names.put(t.id(), t.name()));
        for (Map.Entry<Long, List<RepRow>> e : byTeam.entrySet()) {
            teams.add(team(e.getKey(), names.getOrDefault(e.getKey(), ""), e.getValue()));
        }
        teams.sort(Comparator.comparing(TeamRow::teamName));
        return new Rollup(
                month.toString(),
                teams,
                any == null ? 0 : any.pace(),
                any == null ? 0 : any.workingDaysElapsed(),
                any == null ? 0 : any.workingDays());
    }

    private static TeamRow team(long id, String name, List<RepRow> reps) {
        BigDecimal target = BigDecimal.ZERO;
        BigDecimal signed = BigDecimal.ZERO;
        BigDecimal gapValue = BigDecimal.ZERO;
        long visits = 0, newOpps = 0, demos = 0;
        int visitsTarget = 0, newOppsTarget = 0, demosTarget = 0;
        long done = 0;
        for (RepRow r : reps) {
            RepProgress.Progress p = r.progress();
            RepProgress.WeeklyActions w = p.thisWeek();
            target = target.add(p.target());
            signed = signed.add(p.signed());
            gapValue = gapValue.add(r.actionGapValue());
            visits += w.visits();
            newOpps += w.newOpportunities();
            demos += w.demos();
            visitsTarget += w.visitsTarget();
            newOppsTarget += w.newOpportunitiesTarget();
            demosTarget += w.demosTarget();
            done += Math.min(w.visits(), w.visitsTarget())
                    + Math.min(w.newOpportunities(), w.newOpportunitiesTarget())
                    + Math.min(w.demos(), w.demosTarget());
        }
        int asked = visitsTarget + newOppsTarget + demosTarget;
        double completion = asked == 0 ? 1 : (double) done / asked;
        double attainment = target.signum() == 0
                ? 0
                : signed.divide(target, 4, RoundingMode.HALF_UP).doubleValue();
        double pace = reps.isEmpty() ? 0 : reps.getFirst().progress().pace();
        Phrase link = target.signum() == 0
                ? NO_TARGET
                : newOpps >= newOppsTarget
                        ? new Phrase("goal.link.onTrack", newOpps, newOppsTarget)
                        : new Phrase("goal.link.teamGap", newOppsTarget - newOpps, MoneyFormat.phrase(gapValue));
        return new TeamRow(
                id,
                name,
                reps,
                target,
                signed,
                attainment,
                pace,
                visits,
                visitsTarget,
                newOpps,
                newOppsTarget,
                demos,
                demosTarget,
                completion,
                gapValue,
                link);
    }

    static final Phrase NO_TARGET = new Phrase("goal.link.noTarget");

    /** The signed amount this week's missing new opportunities would have been expected to bring. */
    static BigDecimal gapValue(RepProgress.Progress p) {
        RepProgress.WeeklyActions w = p.thisWeek();
        long missing = Math.max(0, w.newOpportunitiesTarget() - w.newOpportunities());
        return p.averageDeal()
                .multiply(BigDecimal.valueOf(missing * p.winRate()))
                .setScale(0, RoundingMode.HALF_UP);
    }

    /** One sentence linking the week's actions to the result ("行动缺口意味着…"), to be put into the reader's language. */
    public static Phrase link(RepProgress.Progress p) {
        RepProgress.WeeklyActions w = p.thisWeek();
        if (p.target().signum() == 0 && !w.overridden()) {
            return NO_TARGET;
        }
        long missing = Math.max(0, w.newOpportunitiesTarget() - w.newOpportunities());
        if (missing == 0) {
            return new Phrase("goal.link.onTrack", w.newOpportunities(), w.newOpportunitiesTarget());
        }
        BigDecimal gap = gapValue(p);
        return new Phrase(
                "goal.link.repGap",
                missing,
                Math.round(p.winRate() * 100),
                MoneyFormat.phrase(p.averageDeal()),
                MoneyFormat.phrase(gap));
    }
}
