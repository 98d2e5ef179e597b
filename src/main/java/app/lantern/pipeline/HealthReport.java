package app.lantern.pipeline;

import java.time.LocalDate;
import java.util.List;

/**
 * A health score with the explanation of every factor.
 *
 * @param graceUntil set when the score is below the pipeline's threshold but the opportunity is still in its grace
 *                   period: no intervention opens before this day; null otherwise
 */
public record HealthReport(int score, List<FactorResult> factors, LocalDate graceUntil) {

    public List<FactorResult> weakFactors() {
        return factors.stream().filter(f -> f.maxPoints() > 0 && f.weak()).toList();
    }

    /** Whether a low score is not (yet) turned into an intervention because the opportunity is new. */
    public boolean inGracePeriod() {
        return graceUntil != null;
    }

    HealthReport withGraceUntil(LocalDate day) {
        return new HealthReport(score, factors, day);
    }
}
