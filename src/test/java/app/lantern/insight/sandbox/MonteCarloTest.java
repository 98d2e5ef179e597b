package app.lantern.insight.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulation without Spring: seeded determinism, common random numbers and the direction of every lever. */
class MonteCarloTest {

    /** A rep winning about 30 % of ~8 deals a month of ~100k, four open deals, with 200k already signed. */
    static RepModel rep(long id) {
        return new RepModel(
                id,
                200_000,
                6,
                14,
                0.27 * 112,
                112,
                2.5,
                100_000,
                2,
                30,
                new double[] {80_000, 150_000, 60_000, 300_000},
                new double[] {10, 25, 40, 5},
                new double[] {0.3, 0.4, 0.5, 0.3});
    }

    static final List<RepModel> TEAM = List.of(rep(1), rep(2), rep(3));

    @Test
    void theSameSeedGivesTheSameTrialsAndAnotherSeedOthers() {
        double[][] a = MonteCarlo.run(TEAM, 0, 30, Levers.AS_IS, 500, 42);
        double[][] b = MonteCarlo.run(TEAM, 0, 30, Levers.AS_IS, 500, 42);
        double[][] c = MonteCarlo.run(TEAM, 0, 30, Levers.AS_IS, 500, 43);

        assertThat(a).isDeepEqualTo(b);
        assertThat(a[0]).isNotEqualTo(c[0]);
        // a rep's trials do not depend on who else is simulated with them
        assertThat(MonteCarlo.run(List.of(rep(2)), 0, 30, Levers.AS_IS, 500, 42)[0])
                .isEqualTo(a[1]);
    }

    @Test
    void aBetterLeverNeverMakesAnyTrialWorse() {
        double[][] base = MonteCarlo.run(TEAM, 0, 30, Levers.AS_IS, 1000, 7);
        for (Levers better : List.of(new Levers(1, 1.3, 1), new Levers(1.5, 1, 1), new Levers(1, 1, 0.7))) {
            double[][] run = MonteCarlo.run(TEAM, 0, 30, better, 1000, 7);
            for (int r = 0; r < TEAM.size(); r++) {
                for (int t = 0; t < 1000; t++) {
                    assertThat(run[r][t]).as("%s rep %d trial %d", better, r, t).isGreaterThanOrEqualTo(base[r][t]);
                }
            }
            Distribution before = Distribution.of(base[0], BigDecimal.valueOf(600_000));
            Distribution after = Distribution.of(run[0], BigDecimal.valueOf(600_000));
            assertThat(after.p50()).isGreaterThanOrEqualTo(before.p50());
            assertThat(after.probability()).isGreaterThanOrEqualTo(before.probability());
        }
        // and conversion really moves the outcome
        double[][] higher = MonteCarlo.run(TEAM, 0, 30, new Levers(1, 2, 1), 1000, 7);
        assertThat(Distribution.of(higher[0], BigDecimal.ZERO).p50())
                .isGreaterThan(Distribution.of(base[0], BigDecimal.ZERO).p50());
    }

    @Test
    void theChanceOfReachingATargetFallsAsTheTargetRises() {
        double[] totals = MonteCarlo.run(TEAM, 0, 30, Levers.AS_IS, 2000, 1)[0];
        double previous = 1.0;
        for (int target = 0; target <= 2_000_000; target += 50_000) {
            double p = Distribution.of(totals, BigDecimal.valueOf(target)).probability();
            assertThat(p).as("target %d", target).isLessThanOrEqualTo(previous);
            previous = p;
        }
        assertThat(Distribution.of(totals, BigDecimal.valueOf(200_000)).probability())
                .as("already signed")
                .isEqualTo(1.0);
        assertThat(previous).isLessThan(0.05);
    }

    @Test
    void aClosedWindowAddsNothingToWhatIsSigned() {
        double[][] none = MonteCarlo.run(TEAM, 0, 0, new Levers(5, 5, 0.2), 200, 3);
        assertThat(none[0]).containsOnly(200_000.0);
    }

    @Test
    void percentilesAreOrdered() {
        Distribution d = Distribution.of(MonteCarlo.run(TEAM, 0, 30, Levers.AS_IS, 2000, 9)[0], BigDecimal.ONE);
        assertThat(d.p10()).isLessThanOrEqualTo(d.p50());
        assertThat(d.p50()).isLessThanOrEqualTo(d.p90());
        assertThat(d.p90()).isGreaterThan(d.p10());
    }
}
