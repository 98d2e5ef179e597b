package app.lantern.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;

/** Seeded random months: the decomposition is exact to the fen, symmetric, and total, whatever the funnel looks like. */
class AttributionModelPropertyTest {

    private static final int CASES = 2_000;

    private final UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261208L);
    private final PoissonDistribution.Sampler leads = PoissonDistribution.of(12).createSampler(rng);
    private final BetaDistribution.Sampler conversion =
            BetaDistribution.of(6, 3).createSampler(rng);
    private final GammaDistribution.Sampler dealSize =
            GammaDistribution.of(2, 150_000).createSampler(rng);

    private RepFacts randomRep(boolean noLeads) {
        Map<Integer, int[]> outcomes = new TreeMap<>();
        int flowing = noLeads ? 0 : leads.sample();
        for (int p = 1; p <= 6; p++) {
            int entered = flowing + rng.nextInt(4);
            int advanced = (int) Math.round(entered * conversion.sample());
            if (entered > 0) {
                outcomes.put(p, new int[] {advanced, entered - advanced});
            }
            flowing = advanced;
        }
        int won = outcomes.containsKey(6) ? outcomes.get(6)[0] : 0;
        BigDecimal actual = BigDecimal.ZERO.setScale(2);
        for (int i = 0; i < won; i++) {
            actual = actual.add(BigDecimal.valueOf(Math.round(dealSize.sample() * 100), 2));
        }
        Map<SlipReason, RepFacts.Slip> slips = new HashMap<>();
        for (SlipReason r : SlipReason.values()) {
            int n = rng.nextInt(3);
            if (n > 0) {
                slips.put(r, new RepFacts.Slip(n, BigDecimal.valueOf(n * 100_000L), 1 + rng.nextInt(8)));
            }
        }
        BigDecimal target = BigDecimal.valueOf(rng.nextLong(0, 300_000_000L), 2);
        return new RepFacts(target, actual, noLeads ? 0 : flowingLeads(outcomes), outcomes, won, slips);
    }

    private static int flowingLeads(Map<Integer, int[]> outcomes) {
        int[] first = outcomes.get(1);
        return first == null ? 0 : first[0] + first[1];
    }

    private static long sum(List<AttributionModel.Part> parts) {
        return parts.stream().mapToLong(AttributionModel.Part::fen).sum();
    }

    private static long gap(RepFacts r) {
        return AttributionModel.toFen(r.actual()) - AttributionModel.toFen(r.target());
    }

    @Test
    void partsAddUpToTheGapToTheFenInEveryMonth() {
        for (int i = 0; i < CASES; i++) {
            RepFacts a = randomRep(false);
            RepFacts b = randomRep(false);
            AttributionModel.Norms norms = AttributionModel.norms(List.of(a, b), null);
            assertThat(sum(AttributionModel.decompose(a, norms)))
                    .as("case %d", i)
                    .isEqualTo(gap(a));
            assertThat(sum(AttributionModel.decompose(b, norms)))
                    .as("case %d", i)
                    .isEqualTo(gap(b));
        }
    }

    @Test
    void repsWithTheSameMonthGetTheSameParts() {
        for (int i = 0; i < CASES / 4; i++) {
            RepFacts a = randomRep(false);
            RepFacts twin = new RepFacts(
                    a.target(), a.actual(), a.created(), new TreeMap<>(a.outcomes()), a.won(), Map.copyOf(a.slipped()));
            AttributionModel.Norms norms = AttributionModel.norms(List.of(a, twin, randomRep(false)), null);
            assertThat(AttributionModel.decompose(twin, norms)).isEqualTo(AttributionModel.decompose(a, norms));
        }
    }

    @Test
    void factorsThatMoveAlikeGetEqualParts() {
        for (int i = 0; i < CASES / 4; i++) {
            double plan = 0.2 + rng.nextDouble() * 0.6;
            double actual = 0.1 + rng.nextDouble() * 0.8;
            double[] parts = Shapley.values(List.of(
                    new Shapley.Factor(10, 8 + rng.nextInt(6), false),
                    new Shapley.Factor(plan, actual, false),
                    new Shapley.Factor(plan, actual, false),
                    new Shapley.Factor(50_000, 40_000 + rng.nextInt(20_000), false)));
            assertThat(parts[1]).isCloseTo(parts[2], org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void theOrderOfTheFactorsDoesNotChangeTheirParts() {
        List<Shapley.Factor> factors = List.of(
                new Shapley.Factor(12, 5, false),
                new Shapley.Factor(0.5, 0.3, false),
                new Shapley.Factor(200_000, 260_000, false),
                new Shapley.Factor(0, 12_345.67, true));
        double[] forward = Shapley.values(factors);
        double[] backward = Shapley.values(factors.reversed());
        for (int i = 0; i < forward.length; i++) {
            assertThat(backward[forward.length - 1 - i])
                    .isCloseTo(forward[i], org.assertj.core.data.Offset.offset(1e-6));
        }
        assertThat(Arrays.stream(forward).sum())
                .isCloseTo(
                        5 * 0.3 * 260_000 + 12_345.67 - 12 * 0.5 * 200_000, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void aMonthWithoutLeadsStillDecomposesAndPutsTheShortfallOnLeads() {
        for (int i = 0; i < CASES / 4; i++) {
            RepFacts none = randomRep(true);
            RepFacts normal = randomRep(false);
            AttributionModel.Norms norms = AttributionModel.norms(List.of(none, normal), null);
            List<AttributionModel.Part> parts = AttributionModel.decompose(none, norms);
            assertThat(sum(parts)).isEqualTo(gap(none));
            assertThat(parts).noneMatch(p -> Double.isNaN(p.plan()) || Double.isNaN(p.actual()));
            AttributionModel.Part leads = parts.getFirst();
            assertThat(leads.cause()).isEqualTo(Cause.LEAD_SHORTAGE);
            assertThat(leads.fen()).isLessThanOrEqualTo(0);
        }
    }

    @Test
    void aRepAboveTargetGetsAPositiveDecomposition() {
        Map<Integer, int[]> outcomes = Map.of(1, new int[] {8, 2}, 2, new int[] {6, 2});
        RepFacts team =
                new RepFacts(new BigDecimal("1000000.00"), new BigDecimal("600000.00"), 10, outcomes, 3, Map.of());
        RepFacts star = new RepFacts(
                new BigDecimal("1000000.00"),
                new BigDecimal("1800000.00"),
                20,
                Map.of(1, new int[] {18, 2}, 2, new int[] {12, 6}),
                6,
                Map.of());
        List<AttributionModel.Part> parts =
                AttributionModel.decompose(star, AttributionModel.norms(List.of(team, star), null));
        assertThat(sum(parts)).isEqualTo(80_000_000L);
        assertThat(parts.getFirst().fen()).as("more leads than planned").isPositive();
    }
}
