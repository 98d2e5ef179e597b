package app.lantern.insight.sandbox;

import app.lantern.calendar.WorkingCalendar;
import app.lantern.goal.ActionPlan;
import app.lantern.goal.RepProgress;
import app.lantern.goal.Targets;
import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.Directory;
import app.lantern.identity.Role;
import app.lantern.identity.TeamSummary;
import app.lantern.identity.UserSummary;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.ForbiddenException;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.ValidationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * G5, the goal sandbox: a manager re-allocates a team's month targets (by amount or by weight) and moves the levers,
 * and sees for each rep the new target, the weekly actions G2 derives from it, the P10/P50/P90 of what they will sign
 * and the chance of reaching the target, and the same for the team. Only managers of the team (and executives) may;
 * another team answers 404.
 */
@Service
public class Sandbox {

    public static final int DEFAULT_TRIALS = 2000;
    static final int MAX_TRIALS = 20_000;
    static final int MIN_TRIALS = 100;
    /** The same scenario shows the same figures every time unless a seed is asked for. */
    public static final long DEFAULT_SEED = 20_260_101L;
    /** How far ahead a month may be planned. */
    static final int MAX_MONTHS_AHEAD = 3;

    /** One rep's line of a request: a target amount, or a weight among the weighted reps; neither keeps the target. */
    public record RepInput(String repId, BigDecimal weight, BigDecimal target) {}

    /**
     * @param teamTarget what the weights share (default: the team's current total); absent weights and amounts keep the
     *                   current targets
     */
    public record Request(
            String teamId,
            String month,
            BigDecimal teamTarget,
            List<RepInput> reps,
            Levers levers,
            Long seed,
            Integer trials) {}

    public record WeeklyActions(int visits, int newOpportunities, int demos) {}

    public record RepOutcome(
            long repId,
            String repName,
            BigDecimal currentTarget,
            BigDecimal target,
            BigDecimal weight,
            BigDecimal signed,
            WeeklyActions weeklyActions,
            Distribution forecast) {}

    public record TeamOutcome(long teamId, String teamName, BigDecimal target, Distribution forecast) {}

    public record Simulation(
            String month, Levers levers, int trials, long seed, TeamOutcome team, List<RepOutcome> reps) {}

    /** A team the signed-in user may plan. */
    public record PlannableTeam(long id, String name) {}

    private final SandboxData data;
    private final RepProgress progress;
    private final Directory directory;
    private final CurrentActor currentActor;
    private final WorkingCalendar calendar;
    private final Clock clock;

    Sandbox(
            SandboxData data,
            RepProgress progress,
            Directory directory,
            CurrentActor currentActor,
            WorkingCalendar calendar,
            Clock clock) {
        this.data = data;
        this.progress = progress;
        this.directory = directory;
        this.currentActor = currentActor;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The teams with reps that the signed-in manager leads (or all, for executives and admins), by name. */
    @Transactional(readOnly = true)
    public List<PlannableTeam> teams() {
        Actor actor = currentActor.require();
        boolean all = actor.has(Role.EXECUTIVE) || actor.has(Role.ADMIN);
        if (!all && !actor.has(Role.MANAGER)) {
            return List.of();
        }
        Set<Long> led = new HashSet<>();
        if (!all) {
            directory.teamsLedBy(actor.userId()).forEach(t -> led.addAll(directory.subtree(t)));
        }
        Set<Long> withReps = new HashSet<>(data.organisation().values());
        return directory.teams().stream()
                .filter(t -> withReps.contains(t.id()) && (all || led.contains(t.id())))
                .sorted(Comparator.comparing(TeamSummary::name))
                .map(t -> new PlannableTeam(t.id(), t.name()))
                .toList();
    }

    /** Simulates a scenario for a team and month; 400 naming the field for bad input, 404 for a team out of scope. */
    @Transactional(readOnly = true)
    public Simulation simulate(Request request) {
        Plan plan = plan(request);
        return run(plan);
    }

    /** A validated request: the team, month and each rep's new target. */
    record Plan(
            PlannableTeam team,
            YearMonth month,
            List<UserSummary> reps,
            Map<Long, BigDecimal> targets,
            Map<Long, BigDecimal> weights,
            List<RepProgress.Progress> current,
            Levers levers,
            long seed,
            int trials) {}

    Plan plan(Request request) {
        PlannableTeam team = team(request.teamId());
        YearMonth month = month(request.month());
        FieldErrors errors = new FieldErrors();
        int trials = request.trials() == null ? DEFAULT_TRIALS : request.trials();
        errors.addIf(
                trials < MIN_TRIALS || trials > MAX_TRIALS,
                "trials",
                "must be between " + MIN_TRIALS + " and " + MAX_TRIALS);
        List<UserSummary> members = directory.members(Set.of(team.id())).stream()
                .filter(u -> u.roles().contains(Role.REP))
                .sorted(Comparator.comparing(UserSummary::id))
                .toList();
        Set<Long> memberIds =
                new HashSet<>(members.stream().map(UserSummary::id).toList());
        Map<Long, RepInput> inputs = new LinkedHashMap<>();
        List<RepInput> given = request.reps() == null ? List.of() : request.reps();
        for (int i = 0; i < given.size(); i++) {
            RepInput in = given.get(i);
            String field = "reps[" + i + "]";
            if (in == null) {
                errors.add(field, "must be given");
                continue;
            }
            Long id = parseId(in.repId());
            if (id == null) {
                errors.add(field + ".repId", "must be a rep id");
            } else if (!memberIds.contains(id)) {
                boolean exists = directory
                        .user(id)
                        .filter(u -> u.roles().contains(Role.REP))
                        .isPresent();
                errors.add(field + ".repId", exists ? "is not a rep of team " + team.name() : "no such rep");
            } else if (inputs.putIfAbsent(id, in) != null) {
                errors.add(field + ".repId", "appears twice");
            }
            errors.addIf(in.weight() != null && in.weight().signum() < 0, field + ".weight", "must not be negative");
            amount(errors, field + ".target", in.target());
        }
        if (request.teamTarget() != null) {
            amount(errors, "teamTarget", request.teamTarget());
        }
        errors.throwIfAny();

        LocalDate today = LocalDate.now(clock);
        List<RepProgress.Progress> current =
                progress.unscoped(members.stream().map(UserSummary::id).toList(), month, today);
        Map<Long, BigDecimal> currentTargets = new LinkedHashMap<>();
        current.forEach(p -> currentTargets.put(p.repId(), p.target()));
        Map<Long, BigDecimal> weights = new LinkedHashMap<>();
        Map<Long, BigDecimal> targets = Allocation.allocate(currentTargets, inputs, request.teamTarget(), weights);
        return new Plan(
                team,
                month,
                members,
                targets,
                weights,
                current,
                request.levers() == null ? Levers.AS_IS : request.levers(),
                request.seed() == null ? DEFAULT_SEED : request.seed(),
                trials);
    }

    Simulation run(Plan plan) {
        ZoneId zone = calendar.zone();
        OffsetDateTime now = OffsetDateTime.now(clock).atZoneSameInstant(zone).toOffsetDateTime();
        OffsetDateTime windowStart = plan.month().atDay(1).atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime windowEnd =
                plan.month().plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime();
        List<Long> repIds = plan.reps().stream().map(UserSummary::id).toList();
        List<RepModel> models = ModelFitting.fit(data.now(now, windowStart, repIds), repIds);
        double from = Math.max(0, ModelFitting.days(now, windowStart));
        double to = Math.max(0, ModelFitting.days(now, windowEnd));
        double[][] totals = MonteCarlo.run(models, from, to, plan.levers(), plan.trials(), plan.seed());

        List<RepOutcome> reps = new ArrayList<>();
        double[] team = new double[plan.trials()];
        BigDecimal teamTarget = BigDecimal.ZERO;
        for (int r = 0; r < repIds.size(); r++) {
            RepProgress.Progress p = plan.current().get(r);
            BigDecimal target = plan.targets().get(p.repId());
            teamTarget = teamTarget.add(target);
            for (int t = 0; t < plan.trials(); t++) {
                team[t] += totals[r][t];
            }
            ActionPlan actions = p.plan()
                    .replan(
                            target.subtract(p.signed()).subtract(p.pipelineExpected()),
                            plan.levers().conversion());
            reps.add(new RepOutcome(
                    p.repId(),
                    p.repName(),
                    p.target(),
                    target,
                    plan.weights().get(p.repId()),
                    p.signed(),
                    new WeeklyActions(
                            actions.visits().target(),
                            actions.newOpportunities().target(),
                            actions.demos().target()),
                    Distribution.of(totals[r], target)));
        }
        return new Simulation(
                plan.month().toString(),
                plan.levers(),
                plan.trials(),
                plan.seed(),
                new TeamOutcome(plan.team().id(), plan.team().name(), teamTarget, Distribution.of(team, teamTarget)),
                reps);
    }

    /** What groups of reps (teams) sign between two dates, each and all together, with their chance of a target. */
    public record Forecasts(Distribution total, Map<Long, Distribution> byGroup) {}

    /**
     * The forecast of what reps sign between {@code from} and {@code to} (inclusive dates; the window may have started,
     * what is signed in it counts), with the levers as they are: the cockpit's month and quarter figures.
     *
     * @param groupOf each rep → its group (a team)
     * @param targets each group's target; the total's target is their sum
     */
    @Transactional(readOnly = true)
    public Forecasts forecast(Map<Long, Long> groupOf, LocalDate from, LocalDate to, Map<Long, BigDecimal> targets) {
        ZoneId zone = calendar.zone();
        OffsetDateTime now = OffsetDateTime.now(clock).atZoneSameInstant(zone).toOffsetDateTime();
        OffsetDateTime windowStart = from.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime windowEnd = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        List<Long> repIds = new ArrayList<>(groupOf.keySet());
        List<RepModel> models = ModelFitting.fit(data.now(now, windowStart, repIds), repIds);
        double[][] totals = MonteCarlo.run(
                models,
                Math.max(0, ModelFitting.days(now, windowStart)),
                Math.max(0, ModelFitting.days(now, windowEnd)),
                Levers.AS_IS,
                DEFAULT_TRIALS,
                DEFAULT_SEED);
        double[] sum = new double[DEFAULT_TRIALS];
        Map<Long, double[]> groups = new LinkedHashMap<>();
        for (int r = 0; r < repIds.size(); r++) {
            double[] group = groups.computeIfAbsent(groupOf.get(repIds.get(r)), g -> new double[DEFAULT_TRIALS]);
            for (int t = 0; t < sum.length; t++) {
                sum[t] += totals[r][t];
                group[t] += totals[r][t];
            }
        }
        Map<Long, Distribution> byGroup = new LinkedHashMap<>();
        groups.forEach((g, values) ->
                byGroup.put(g, Distribution.of(values, targets.getOrDefault(g, BigDecimal.ZERO))));
        BigDecimal total = targets.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Forecasts(Distribution.of(sum, total), byGroup);
    }

    /** The team by id (default: the first the user may plan); 404 outside the user's teams, 403 for non-managers. */
    PlannableTeam team(String teamId) {
        Actor actor = currentActor.require();
        if (!(actor.has(Role.MANAGER) || actor.has(Role.EXECUTIVE) || actor.has(Role.ADMIN))) {
            throw new ForbiddenException("only managers and executives use the sandbox");
        }
        List<PlannableTeam> teams = teams();
        if (teamId == null || teamId.isBlank()) {
            return teams.stream().findFirst().orElseThrow(() -> NotFoundException.of("team", "(none)"));
        }
        Long id = parseId(teamId);
        if (id == null) {
            throw ValidationException.field("teamId", "must be a team id");
        }
        return teams.stream().filter(t -> t.id() == id).findFirst().orElseThrow(() -> NotFoundException.of("team", id));
    }

    YearMonth month(String month) {
        YearMonth now = YearMonth.now(clock);
        if (month == null || month.isBlank()) {
            return now;
        }
        YearMonth ym;
        try {
            ym = YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw ValidationException.field("month", "must be a month like 2026-11");
        }
        if (ym.isBefore(now) || ym.isAfter(now.plusMonths(MAX_MONTHS_AHEAD))) {
            throw ValidationException.field(
                    "month", "must be this month or one of the next " + MAX_MONTHS_AHEAD + " months");
        }
        return ym;
    }

    private static void amount(FieldErrors errors, String field, BigDecimal amount) {
        if (amount != null) {
            errors.addIf(amount.signum() < 0, field, "must not be negative");
            errors.addIf(amount.compareTo(Targets.MAX_AMOUNT) > 0, field, "is implausibly large");
            errors.addIf(
                    amount.stripTrailingZeros().scale() > 2
                            && amount.setScale(2, RoundingMode.HALF_UP).compareTo(amount) != 0,
                    field,
                    "must have at most 2 decimals");
        }
    }

    static Long parseId(String id) {
        if (id == null) {
            return null;
        }
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
