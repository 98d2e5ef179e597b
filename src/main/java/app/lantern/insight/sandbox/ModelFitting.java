package app.lantern.insight.sandbox;

import app.lantern.pipeline.OpportunityRef;
import app.lantern.pipeline.OpportunityStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fits each rep's {@link RepModel} from the organisation's own history, shrinking a rep towards their team and a team
 * towards the organisation where history is thin (empirical Bayes; the strength of the win-rate prior is estimated from
 * how much the reps' win rates really differ). Pure: the same facts always give the same models.
 */
final class ModelFitting {

    /** Days of new opportunities the lead rate is taken from (the 12 weeks G2 uses). */
    static final int LEAD_WINDOW_DAYS = 84;

    /** The team's lead rate counts as this many days of the rep's own. */
    static final double LEAD_PRIOR_DAYS = 28;

    /** The team's average deal and cycle count as this many of the rep's won deals. */
    static final double PRIOR_DEALS = 5;

    /** The organisation's (the rep's) rate for deals of an age counts as this many of the team's closed deals. */
    static final double PRIOR_SURVIVORS = 10;

    static final double DEFAULT_WIN_RATE = 0.25;
    static final double DEFAULT_DEAL = 100_000;
    static final double DEFAULT_CYCLE_DAYS = 45;
    static final double DEFAULT_SHAPE = 2;

    private ModelFitting() {}

    /**
     * What the models are fitted from, all as of {@code asOf}.
     *
     * @param teamOf  every rep of the organisation → team (the pool the priors come from)
     * @param closed  deals won or lost in the 12 months before {@code asOf}
     * @param created opportunities created in the {@value #LEAD_WINDOW_DAYS} days before {@code asOf}
     * @param open    opportunities open at {@code asOf} of the reps to fit
     * @param signed  per rep, the amount already signed in the forecast window
     */
    record Facts(
            OffsetDateTime asOf,
            Map<Long, Long> teamOf,
            List<OpportunityRef> closed,
            List<OpportunityRef> created,
            List<OpportunityRef> open,
            Map<Long, BigDecimal> signed) {}

    static List<RepModel> fit(Facts facts, List<Long> reps) {
        Map<Long, int[]> wonLost = new HashMap<>();
        Map<Long, List<Double>> amounts = new HashMap<>();
        Map<Long, List<Double>> cycles = new HashMap<>();
        Map<Long, List<double[]>> outcomes = new HashMap<>();
        for (OpportunityRef o : facts.closed()) {
            if (o.closedAt() != null) {
                outcomes.computeIfAbsent(o.ownerId(), k -> new ArrayList<>()).add(new double[] {
                    days(o.createdAt(), o.closedAt()), o.status() == OpportunityStatus.WON ? 1 : 0
                });
            }
            int[] wl = wonLost.computeIfAbsent(o.ownerId(), k -> new int[2]);
            if (o.status() == OpportunityStatus.WON) {
                wl[0]++;
                if (o.amount() != null && o.amount().signum() > 0) {
                    amounts.computeIfAbsent(o.ownerId(), k -> new ArrayList<>())
                            .add(o.amount().doubleValue());
                }
                if (o.closedAt() != null) {
                    cycles.computeIfAbsent(o.ownerId(), k -> new ArrayList<>())
                            .add(Math.max(1.0, days(o.createdAt(), o.closedAt())));
                }
            } else {
                wl[1]++;
            }
        }
        Map<Long, Integer> createdBy = new HashMap<>();
        facts.created().forEach(o -> createdBy.merge(o.ownerId(), 1, Integer::sum));

        int orgWon = 0, orgClosed = 0;
        for (int[] wl : wonLost.values()) {
            orgWon += wl[0];
            orgClosed += wl[0] + wl[1];
        }
        double orgRate = orgClosed == 0 ? DEFAULT_WIN_RATE : clampRate((double) orgWon / orgClosed);
        double strength = priorStrength(wonLost.values(), orgRate);
        List<Double> orgAmounts = flatten(amounts.values());
        List<Double> orgCycles = flatten(cycles.values());
        List<double[]> orgOutcomes =
                outcomes.values().stream().flatMap(List::stream).toList();

        Map<Long, List<Long>> members = new HashMap<>();
        facts.teamOf()
                .forEach((rep, team) ->
                        members.computeIfAbsent(team, k -> new ArrayList<>()).add(rep));
        Map<Long, List<OpportunityRef>> openOf = new HashMap<>();
        facts.open()
                .forEach(o -> openOf.computeIfAbsent(o.ownerId(), k -> new ArrayList<>())
                        .add(o));

        List<RepModel> models = new ArrayList<>(reps.size());
        for (long rep : reps) {
            List<Long> team = members.getOrDefault(facts.teamOf().get(rep), List.of(rep));
            int teamWon = 0, teamClosed = 0, teamCreated = 0;
            List<Double> teamAmounts = new ArrayList<>();
            List<Double> teamCycles = new ArrayList<>();
            List<double[]> teamOutcomes = new ArrayList<>();
            for (long m : team) {
                teamOutcomes.addAll(outcomes.getOrDefault(m, List.of()));
                int[] wl = wonLost.getOrDefault(m, new int[2]);
                teamWon += wl[0];
                teamClosed += wl[0] + wl[1];
                teamCreated += createdBy.getOrDefault(m, 0);
                teamAmounts.addAll(amounts.getOrDefault(m, List.of()));
                teamCycles.addAll(cycles.getOrDefault(m, List.of()));
            }
            double teamRate = clampRate((teamWon + strength * orgRate) / (teamClosed + strength));
            int[] own = wonLost.getOrDefault(rep, new int[2]);

            Gamma amount = gamma(
                    amounts.getOrDefault(rep, List.of()),
                    teamAmounts.size() >= 3 ? teamAmounts : orgAmounts,
                    DEFAULT_DEAL);
            Gamma cycle = gamma(
                    cycles.getOrDefault(rep, List.of()),
                    teamCycles.size() >= 3 ? teamCycles : orgCycles,
                    DEFAULT_CYCLE_DAYS);

            double teamLeadsPerDay = (double) teamCreated / (LEAD_WINDOW_DAYS * Math.max(1, team.size()));
            double leadShape = createdBy.getOrDefault(rep, 0) + teamLeadsPerDay * LEAD_PRIOR_DAYS;
            double leadRate = LEAD_WINDOW_DAYS + LEAD_PRIOR_DAYS;

            List<OpportunityRef> open = openOf.getOrDefault(rep, List.of());
            double[] openAmounts = new double[open.size()];
            double[] openAges = new double[open.size()];
            double[] openWins = new double[open.size()];
            double winAlpha = strength * teamRate + own[0];
            double winBeta = strength * (1 - teamRate) + own[1];
            double repRate = winAlpha / (winAlpha + winBeta);
            for (int i = 0; i < open.size(); i++) {
                OpportunityRef o = open.get(i);
                openAmounts[i] = o.amount() == null ? amount.mean() : o.amount().doubleValue();
                openAges[i] = Math.max(0, days(o.createdAt(), facts.asOf()));
                double orgWins = survivorWinRate(orgOutcomes, openAges[i], repRate);
                openWins[i] = survivorWinRate(teamOutcomes, openAges[i], orgWins);
            }
            models.add(new RepModel(
                    rep,
                    facts.signed().getOrDefault(rep, BigDecimal.ZERO).doubleValue(),
                    winAlpha,
                    winBeta,
                    leadShape,
                    leadRate,
                    amount.shape(),
                    amount.mean(),
                    cycle.shape(),
                    cycle.mean(),
                    openAmounts,
                    openAges,
                    openWins));
        }
        return models;
    }

    /**
     * The chance that a deal still open at {@code age} days is won: among the team's closed deals that lasted longer
     * than that, the share won (deals lost early no longer count against it), shrunk towards {@code prior} by
     * {@value #PRIOR_SURVIVORS} deals.
     */
    static double survivorWinRate(List<double[]> outcomes, double age, double prior) {
        int won = 0, closed = 0;
        for (double[] o : outcomes) {
            if (o[0] > age) {
                closed++;
                won += (int) o[1];
            }
        }
        return (won + PRIOR_SURVIVORS * prior) / (closed + PRIOR_SURVIVORS);
    }

    /**
     * How many closed deals the team's win rate counts as in a rep's Beta prior: by the method of moments, the spread of
     * the reps' win rates beyond what chance alone gives ({@code Var(p) = p(1−p)/(k+1)}); bounded to 2–200.
     */
    static double priorStrength(Collection<int[]> wonLost, double mean) {
        List<int[]> reps = wonLost.stream().filter(wl -> wl[0] + wl[1] > 0).toList();
        if (reps.size() < 3) {
            return 10;
        }
        double spread = 0, chance = 0;
        for (int[] wl : reps) {
            int n = wl[0] + wl[1];
            double p = (double) wl[0] / n;
            spread += (p - mean) * (p - mean);
            chance += mean * (1 - mean) / n;
        }
        double between = (spread - chance) / reps.size();
        if (between <= 1e-6) {
            return 200;
        }
        return Math.max(2, Math.min(200, mean * (1 - mean) / between - 1));
    }

    /** A Gamma by its mean and shape. */
    record Gamma(double shape, double mean) {}

    /**
     * The shape from the pool's mean and variance (method of moments, bounded to 0.5–20), the mean the rep's own
     * shrunk towards the pool's by {@value #PRIOR_DEALS} deals.
     */
    static Gamma gamma(List<Double> own, List<Double> pool, double fallbackMean) {
        double poolMean = pool.isEmpty() ? fallbackMean : mean(pool);
        double shape = DEFAULT_SHAPE;
        if (pool.size() >= 3) {
            double variance = pool.stream()
                            .mapToDouble(v -> (v - poolMean) * (v - poolMean))
                            .sum()
                    / (pool.size() - 1);
            shape = variance <= 0 ? 20 : Math.max(0.5, Math.min(20, poolMean * poolMean / variance));
        }
        double ownSum = own.stream().mapToDouble(Double::doubleValue).sum();
        double mean = (ownSum + PRIOR_DEALS * poolMean) / (own.size() + PRIOR_DEALS);
        return new Gamma(shape, mean);
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static List<Double> flatten(Collection<List<Double>> lists) {
        return lists.stream().flatMap(List::stream).filter(Objects::nonNull).toList();
    }

    private static double clampRate(double rate) {
        return Math.max(0.01, Math.min(0.99, rate));
    }

    static double days(OffsetDateTime from, OffsetDateTime to) {
        return Duration.between(from, to).toMinutes() / 1440.0;
    }
}
