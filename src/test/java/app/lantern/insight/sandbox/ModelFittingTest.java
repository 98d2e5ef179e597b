package app.lantern.insight.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Empirical Bayes by hand-checkable numbers. */
class ModelFittingTest {

    @Test
    void repsThatDifferOnlyByChanceGetAStrongPriorAndRealDifferencesAWeakOne() {
        // 30 % everywhere, 20 deals each: all spread is chance
        List<int[]> alike = List.of(new int[] {6, 14}, new int[] {6, 14}, new int[] {6, 14}, new int[] {6, 14});
        assertThat(ModelFitting.priorStrength(alike, 0.3)).isEqualTo(200);
        // 10 % and 50 % with 100 deals each: the reps really differ
        List<int[]> apart = List.of(new int[] {10, 90}, new int[] {50, 50}, new int[] {10, 90}, new int[] {50, 50});
        double k = ModelFitting.priorStrength(apart, 0.3);
        assertThat(k).isBetween(2.0, 10.0);
        // Var(p) = 0.04 beyond chance ≈ 0.0021 → k = 0.21 / 0.0379 − 1
        assertThat(k).isCloseTo(0.21 / (0.04 - 0.0021) - 1, within(0.2));
    }

    @Test
    void aRepWithoutDealsGetsTheTeamsAverageAndTheTeamsShape() {
        ModelFitting.Gamma none = ModelFitting.gamma(List.of(), List.of(100.0, 200.0, 300.0), 1);
        assertThat(none.mean()).isEqualTo(200.0);
        // mean 200, sample variance 10000 → shape 4
        assertThat(none.shape()).isCloseTo(4.0, within(1e-9));
        ModelFitting.Gamma many =
                ModelFitting.gamma(List.of(400.0, 400.0, 400.0, 400.0, 400.0), List.of(100.0, 200.0, 300.0), 1);
        assertThat(many.mean()).isEqualTo((2000 + 5 * 200.0) / 10);
        assertThat(ModelFitting.gamma(List.of(), List.of(), 45).mean()).isEqualTo(45);
    }
}
