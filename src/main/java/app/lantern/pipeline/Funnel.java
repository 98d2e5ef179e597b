package app.lantern.pipeline;

import java.math.BigDecimal;
import java.util.List;

/**
 * Funnel of a set of owners over a period.
 *
 * @param winRate          won / (won + lost) of the opportunities closed in the period, 0 when none closed
 * @param medianCycleDays  median days from creation to winning of the opportunities won in the period (成交周期)
 * @param created          opportunities created in the period
 */
public record Funnel(
        List<StageConversion> stages,
        double winRate,
        BigDecimal averageWonAmount,
        double medianCycleDays,
        int won,
        int lost,
        int created) {}
