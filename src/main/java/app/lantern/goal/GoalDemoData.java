package app.lantern.goal;

import app.lantern.identity.Directory;
import app.lantern.identity.Role;
import app.lantern.identity.TeamSummary;
import app.lantern.identity.UserSummary;
import app.lantern.pipeline.Opportunities;
import app.lantern.pipeline.OpportunityRef;
import app.lantern.pipeline.OpportunityStatus;
import app.lantern.shared.demo.DemoContext;
import app.lantern.shared.demo.DemoDataContributor;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * The demo year's signed-amount targets, set and split the way an executive and the managers would: the company's
 * annual target (the generated history's run-rate plus growth) by working days into quarters and months, by region
 * potential into teams, equally among reps; one rep's month raised by hand so that the board shows a mismatch, and one
 * rep's weekly action targets overridden with a reason. Acts as the executive {@code exec}.
 */
@Component
class GoalDemoData implements DemoDataContributor {

    private static final BigDecimal MILLION = new BigDecimal("1000000");

    private final Targets targets;
    private final TargetSetting setting;
    private final TargetSplitting splitting;
    private final TargetWeights weights;
    private final Directory directory;
    private final Opportunities opportunities;
    private final UserDetailsService users;
    private final ActionTargets actionTargets;

    GoalDemoData(
            Targets targets,
            TargetSetting setting,
            TargetSplitting splitting,
            TargetWeights weights,
            Directory directory,
            Opportunities opportunities,
            UserDetailsService users,
            ActionTargets actionTargets) {
        this.targets = targets;
        this.setting = setting;
        this.splitting = splitting;
        this.weights = weights;
        this.actionTargets = actionTargets;
        this.directory = directory;
        this.opportunities = opportunities;
        this.users = users;
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public void contribute(DemoContext context) {
        UserDetails exec = users.loadUserByUsername("exec");
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(exec, null, exec.getAuthorities()));
        try {
            generate(context);
            // a new rep's weekly actions set by hand for the month, so that the progress page shows an override
            directory
                    .userByUsername("rep2")
                    .ifPresent(rep -> actionTargets.override(
                            rep.id(),
                            YearMonth.now(context.clock()),
                            new ActionTargets.Change(8, 2, 1, "新人上手期：先保拜访量，演示由经理陪同")));
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    /**
     * The plan an executive would set: the last three full months' signed amount as a yearly run-rate (earlier months
     * of the generated history are still ramping up), plus 20 % growth, rounded to 100 万; a fixed figure when the
     * history has no signed deals yet.
     */
    private BigDecimal annualFromHistory(LocalDate today, ZoneId zone, int scale) {
        Set<Long> reps =
                directory.usersWithRole(Role.REP).stream().map(UserSummary::id).collect(Collectors.toSet());
        LocalDate monthStart = today.withDayOfMonth(1);
        BigDecimal quarter = opportunities
                .closedBetween(
                        reps,
                        monthStart.minusMonths(3).atStartOfDay(zone).toOffsetDateTime(),
                        monthStart.atStartOfDay(zone).toOffsetDateTime())
                .stream()
                .filter(o -> o.status() == OpportunityStatus.WON && o.amount() != null)
                .map(OpportunityRef::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (quarter.signum() == 0) {
            return BigDecimal.valueOf(36_000_000L * scale);
        }
        return quarter.multiply(new BigDecimal("4.8"))
                .divide(MILLION, 0, RoundingMode.HALF_UP)
                .multiply(MILLION);
    }

    private void generate(DemoContext context) {
        Random random = context.random("goal");
        int year = LocalDate.now(context.clock()).getYear();
        TeamSummary company = directory.teams().stream()
                .filter(t -> t.parentId() == null)
                .findFirst()
                .orElseThrow();
        BigDecimal annual = annualFromHistory(
                LocalDate.now(context.clock()), context.clock().getZone(), context.scale());
        var top = setting.set(new Targets.SetTarget(
                TargetMetric.SIGNED, String.valueOf(year), TargetLevel.COMPANY, company.id(), annual, "年度经营计划", null));
        setting.set(new Targets.SetTarget(
                TargetMetric.COLLECTED,
                String.valueOf(year),
                TargetLevel.COMPANY,
                company.id(),
                annual.multiply(new BigDecimal("0.85")),
                "年度回款计划",
                null));

        Map<String, BigDecimal> potential = new HashMap<>();
        String[] coefficients = {"1.30", "1.00", "0.70"};
        List<TeamSummary> teams = directory.teams().stream()
                .filter(t -> Long.valueOf(company.id()).equals(t.parentId()))
                .toList();
        for (int i = 0; i < teams.size(); i++) {
            potential.put(String.valueOf(teams.get(i).id()), new BigDecimal(coefficients[i % coefficients.length]));
        }
        weights.setWeights(TargetLevel.COMPANY, company.id(), potential);

        List<Targets.TargetView> quarters = splitting.decompose(
                top.id(), new Targets.Decompose(SplitDimension.TIME, SplitMethod.WEIGHTS, null, null, "按工作日"));
        for (Targets.TargetView q : quarters) {
            splitting.decompose(
                    q.id(), new Targets.Decompose(SplitDimension.TIME, SplitMethod.WEIGHTS, null, null, "按工作日"));
        }
        List<Targets.TargetView> teamTargets = splitting.decompose(
                top.id(), new Targets.Decompose(SplitDimension.ORG, SplitMethod.WEIGHTS, null, null, "区域潜力系数"));
        int month = LocalDate.now(context.clock()).getMonthValue();
        String monthKey = String.format("%d-%02d", year, month);
        for (Targets.TargetView team : teamTargets) {
            splitting.decompose(
                    team.id(), new Targets.Decompose(SplitDimension.ORG, SplitMethod.EQUAL, null, null, "按人头平均"));
        }
        Map<String, Targets.TargetView> board = targets.board(year, TargetMetric.SIGNED);
        // the earlier months of the year as they were split then (so that the KPI trend has a plan for each month)
        for (int earlier = 1; earlier < month; earlier++) {
            Targets.TargetView companyEarlier =
                    board.get("COMPANY/" + company.id() + "/" + String.format("%d-%02d", year, earlier));
            if (companyEarlier != null) {
                for (Targets.TargetView teamMonth : splitting.decompose(
                        companyEarlier.id(),
                        new Targets.Decompose(SplitDimension.ORG, SplitMethod.WEIGHTS, null, null, "区域潜力系数"))) {
                    splitting.decompose(
                            teamMonth.id(),
                            new Targets.Decompose(SplitDimension.ORG, SplitMethod.EQUAL, null, null, "按人头平均"));
                }
            }
        }
        // the current month: by region potential into teams, equally among reps, and each rep's month into weeks
        Targets.TargetView companyMonth = board.get("COMPANY/" + company.id() + "/" + monthKey);
        if (companyMonth == null) {
            return;
        }
        for (Targets.TargetView teamMonth : splitting.decompose(
                companyMonth.id(),
                new Targets.Decompose(SplitDimension.ORG, SplitMethod.WEIGHTS, null, null, "区域潜力系数"))) {
            List<Targets.TargetView> reps = splitting.decompose(
                    teamMonth.id(), new Targets.Decompose(SplitDimension.ORG, SplitMethod.EQUAL, null, null, "按人头平均"));
            for (Targets.TargetView rep : reps) {
                splitting.decompose(
                        rep.id(), new Targets.Decompose(SplitDimension.TIME, SplitMethod.EQUAL, null, null, "按周平均"));
            }
            if (!reps.isEmpty()
                    && teamMonth.subjectId() == teamTargets.getFirst().subjectId()) {
                // a manager raised one rep's month by hand: the team's month is flagged until the others are adjusted
                Targets.TargetView star = reps.get(random.nextInt(reps.size()));
                setting.set(new Targets.SetTarget(
                        TargetMetric.SIGNED,
                        monthKey,
                        TargetLevel.REP,
                        star.subjectId(),
                        star.amount().multiply(new BigDecimal("1.2")).setScale(2, java.math.RoundingMode.HALF_UP),
                        "承接重点客户",
                        null));
            }
        }
    }
}
