package app.lantern.goal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * G2: the weekly actions a rep's remaining gap needs, with the arithmetic that produced them.
 *
 * <p>gap ÷ average deal = deals needed; ÷ win rate = new opportunities needed; ÷ remaining working weeks = new
 * opportunities per week; × visits (demos) per new opportunity = visits (demos) per week. Every rate is the rep's own,
 * shrunk towards the team's by a prior weight (empirical Bayes: {@code (n·rep + k·team) / (n + k)}), so a rep with
 * two closed deals is mostly judged by the team, a rep with forty by themselves. Each figure is then bounded by
 * capacity: at least a floor, at most 1.5 × the rep's best week of the last 12 (the team's typical best week where the
 * rep's own is lower). Every intermediate figure is rounded as shown, so the explanation multiplies out exactly.
 *
 * @param gap                   target − signed − open pipeline expected to close this month (not negative)
 * @param remainingWorkingDays  working days from today to the end of the month, today included
 * @param weeksLeft             {@code remainingWorkingDays ÷ 5}, at least one working day's worth
 * @param dealsNeeded           {@code gap ÷ averageDeal}
 * @param opportunitiesNeeded   {@code dealsNeeded ÷ winRate}
 * @param opportunitiesPerWeek  {@code opportunitiesNeeded ÷ weeksLeft}
 */
public record ActionPlan(
        BigDecimal gap,
        Rate averageDeal,
        Rate winRate,
        Rate visitsPerOpportunity,
        Rate demosPerOpportunity,
        int remainingWorkingDays,
        double weeksLeft,
        double dealsNeeded,
        double opportunitiesNeeded,
        double opportunitiesPerWeek,
        Bounded visits,
        Bounded newOpportunities,
        Bounded demos) {

    /** Prior weight of the team's rates, in the rep's units of evidence (closed deals, won deals, new opportunities). */
    static final int PRIOR_CLOSED = 10;

    static final int PRIOR_WON = 5;
    static final int PRIOR_CREATED = 8;

    /** Capacity is this multiple of the best week. */
    static final double CAPACITY_FACTOR = 1.5;

    static final int FLOOR_VISITS = 2;
    static final int FLOOR_NEW_OPPORTUNITIES = 1;
    static final int FLOOR_DEMOS = 0;

    /** Rates a team without any history is assumed to have. */
    static final double DEFAULT_WIN_RATE = 0.25;

    static final BigDecimal DEFAULT_AVERAGE_DEAL = new BigDecimal("100000");
    static final double DEFAULT_VISITS_PER_OPPORTUNITY = 3.0;
    static final double DEFAULT_DEMOS_PER_OPPORTUNITY = 0.5;

    /**
     * A rate as used, with where it came from: {@code value = (evidence·rep + priorWeight·team) / (evidence + priorWeight)}.
     *
     * @param rep      the rep's own rate; null when the rep has no evidence
     * @param evidence how many of the rep's deals or opportunities the rate rests on
     */
    public record Rate(double value, Double rep, double team, int evidence, int priorWeight) {

        /** The rep's own share in the value, 0–1. */
        public double repShare() {
            return evidence + priorWeight == 0 ? 0 : (double) evidence / (evidence + priorWeight);
        }

        /** {@link #rep} as an amount (for the average deal), null without evidence. */
        public BigDecimal repAmount() {
            return rep == null ? null : BigDecimal.valueOf(rep).setScale(0, RoundingMode.HALF_UP);
        }

        /** {@link #team} as an amount (for the average deal). */
        public BigDecimal teamAmount() {
            return BigDecimal.valueOf(team).setScale(0, RoundingMode.HALF_UP);
        }

        static Rate shrunk(double rep, int evidence, double team, int priorWeight, int scale) {
            double value = (evidence * rep + priorWeight * team) / (evidence + priorWeight);
            return new Rate(
                    round(value, scale),
                    evidence == 0 ? null : round(rep, scale),
                    round(team, scale),
                    evidence,
                    priorWeight);
        }
    }

    /** Which bound decided a figure. */
    public enum Bound {
        NONE,
        FLOOR,
        CAPACITY
    }

    /**
     * One weekly figure: what the gap needs, the bounds, and the target in force.
     *
     * @param bestWeek the rep's best week of the last 12 (or the team's typical best, when higher) that capacity is
     *                 based on
     */
    public record Bounded(int needed, int floor, int bestWeek, int capacity, int target) {

        static Bounded of(int needed, int floor, int bestWeek) {
            int capacity = Math.max(floor, (int) Math.ceil(bestWeek * CAPACITY_FACTOR));
            return new Bounded(needed, floor, bestWeek, capacity, Math.min(capacity, Math.max(floor, needed)));
        }

        public Bound bound() {
            return needed > capacity ? Bound.CAPACITY : needed < floor ? Bound.FLOOR : Bound.NONE;
        }
    }

    /**
     * What a rep or a team did: deals closed in the last 12 months, and over the last 12 weeks the visits, demos and
     * new opportunities with the best week of each.
     */
    record History(
            int won,
            int lost,
            BigDecimal wonAmount,
            long visits,
            long demos,
            long created,
            int bestVisits,
            int bestCreated,
            int bestDemos) {

        static final History NONE = new History(0, 0, BigDecimal.ZERO, 0, 0, 0, 0, 0, 0);

        History plus(History o) {
            return new History(
                    won + o.won,
                    lost + o.lost,
                    wonAmount.add(o.wonAmount),
                    visits + o.visits,
                    demos + o.demos,
                    created + o.created,
                    bestVisits + o.bestVisits,
                    bestCreated + o.bestCreated,
                    bestDemos + o.bestDemos);
        }
    }

    /**
     * The plan for one rep.
     *
     * @param team     the team's history summed over its {@code teamSize} members (the rep included)
     * @param teamSize how many members {@code team} sums, for the typical best week
     */
    static ActionPlan derive(BigDecimal gap, History rep, History team, int teamSize, int remainingWorkingDays) {
        Rate winRate = winRate(rep, team);
        double teamAverage = team.won() == 0
                ? DEFAULT_AVERAGE_DEAL.doubleValue()
                : team.wonAmount().doubleValue() / team.won();
        Rate averageDeal = Rate.shrunk(
                rep.won() == 0 ? 0 : rep.wonAmount().doubleValue() / rep.won(), rep.won(), teamAverage, PRIOR_WON, 0);
        double teamVisits = team.created() == 0
                ? DEFAULT_VISITS_PER_OPPORTUNITY
                : Math.max(1.0, (double) team.visits() / team.created());
        double teamDemos = team.created() == 0 ? DEFAULT_DEMOS_PER_OPPORTUNITY : (double) team.demos() / team.created();
        int created = (int) rep.created();
        Rate visitsPerOpportunity =
                Rate.shrunk(created == 0 ? 0 : (double) rep.visits() / created, created, teamVisits, PRIOR_CREATED, 2);
        Rate demosPerOpportunity =
                Rate.shrunk(created == 0 ? 0 : (double) rep.demos() / created, created, teamDemos, PRIOR_CREATED, 2);

        int size = Math.max(1, teamSize);
        return plan(
                gap,
                averageDeal,
                winRate,
                visitsPerOpportunity,
                demosPerOpportunity,
                remainingWorkingDays,
                Math.max(rep.bestVisits(), ceilDiv(team.bestVisits(), size)),
                Math.max(rep.bestCreated(), ceilDiv(team.bestCreated(), size)),
                Math.max(rep.bestDemos(), ceilDiv(team.bestDemos(), size)));
    }

    /**
     * The same rep's plan for another gap and win rate (the goal sandbox's "what if"): the rates, capacity and
     * remaining working days stay; the win rate is multiplied by {@code conversionFactor} (capped at 100 %).
     */
    public ActionPlan replan(BigDecimal newGap, double conversionFactor) {
        Rate scaled = new Rate(
                round(Math.min(1.0, Math.max(0.01, winRate.value() * conversionFactor)), 3),
                winRate.rep(),
                winRate.team(),
                winRate.evidence(),
                winRate.priorWeight());
        return plan(
                newGap.max(BigDecimal.ZERO),
                averageDeal,
                scaled,
                visitsPerOpportunity,
                demosPerOpportunity,
                remainingWorkingDays,
                visits.bestWeek(),
                newOpportunities.bestWeek(),
                demos.bestWeek());
    }

    private static ActionPlan plan(
            BigDecimal gap,
            Rate averageDeal,
            Rate winRate,
            Rate visitsPerOpportunity,
            Rate demosPerOpportunity,
            int remainingWorkingDays,
            int bestVisits,
            int bestCreated,
            int bestDemos) {
        double weeksLeft = round(Math.max(1, remainingWorkingDays) / 5.0, 1);
        double deals = averageDeal.value() <= 0 ? 0 : round(gap.doubleValue() / averageDeal.value(), 2);
        double opportunities = round(deals / winRate.value(), 2);
        double perWeek = round(opportunities / weeksLeft, 2);
        return new ActionPlan(
                gap,
                averageDeal,
                winRate,
                visitsPerOpportunity,
                demosPerOpportunity,
                remainingWorkingDays,
                weeksLeft,
                deals,
                opportunities,
                perWeek,
                Bounded.of(ceil(perWeek * visitsPerOpportunity.value()), FLOOR_VISITS, bestVisits),
                Bounded.of(ceil(perWeek), FLOOR_NEW_OPPORTUNITIES, bestCreated),
                Bounded.of(ceil(perWeek * demosPerOpportunity.value()), FLOOR_DEMOS, bestDemos));
    }

    /** The rep's win rate shrunk towards the team's (never below 1%, so that a gap never asks for infinitely many deals). */
    static Rate winRate(History rep, History team) {
        int closed = rep.won() + rep.lost();
        double teamWinRate = team.won() + team.lost() == 0
                ? DEFAULT_WIN_RATE
                : Math.max(0.01, (double) team.won() / (team.won() + team.lost()));
        Rate rate = Rate.shrunk(closed == 0 ? 0 : (double) rep.won() / closed, closed, teamWinRate, PRIOR_CLOSED, 3);
        return rate.value() >= 0.01
                ? rate
                : new Rate(0.01, rate.rep(), rate.team(), rate.evidence(), rate.priorWeight());
    }

    /** Whether the capacity bound cut any figure: the gap is bigger than the rep can close by actions this month. */
    public boolean capped() {
        return visits.bound() == Bound.CAPACITY
                || newOpportunities.bound() == Bound.CAPACITY
                || demos.bound() == Bound.CAPACITY;
    }

    /** {@code rep} when the rep's own history outweighs the team's prior in the win rate, else {@code team}. */
    public String funnelSource() {
        return winRate.repShare() >= 0.5 ? "rep" : "team";
    }

    /** The average deal as an amount, for sentences and money formatting. */
    public BigDecimal averageDealAmount() {
        return BigDecimal.valueOf(averageDeal.value()).setScale(0, RoundingMode.HALF_UP);
    }

    private static int ceil(double value) {
        // 1e-9 absorbs binary noise such as 2.0000000001 from a product that is exactly 2 in decimals
        return (int) Math.ceil(value - 1e-9);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    static double round(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).doubleValue();
    }
}
