package app.lantern.pipeline;

import java.util.List;

/** A health score with the explanation of every factor. */
public record HealthReport(int score, List<FactorResult> factors) {

    public List<FactorResult> weakFactors() {
        return factors.stream().filter(f -> f.maxPoints() > 0 && f.weak()).toList();
    }
}
