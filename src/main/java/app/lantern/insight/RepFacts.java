package app.lantern.insight;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One rep's month as the attribution model reads it.
 *
 * @param created   opportunities created in the month (new leads)
 * @param outcomes  stage position → {advanced, lost} of the month's stage entries that have ended
 * @param won       deals won in the month, worth {@code actual}
 * @param slipped   process reason → {deals, value} expected to close in the month that slipped past its end
 */
record RepFacts(
        BigDecimal target,
        BigDecimal actual,
        int created,
        Map<Integer, int[]> outcomes,
        int won,
        Map<SlipReason, Slip> slipped) {

    /** Deals and their value slipped for one reason. */
    record Slip(int deals, BigDecimal value, double longestWorkingDays) {}

    int slippedDeals() {
        return slipped.values().stream().mapToInt(Slip::deals).sum();
    }

    int advanced(int position) {
        int[] o = outcomes.get(position);
        return o == null ? 0 : o[0];
    }

    int lost(int position) {
        int[] o = outcomes.get(position);
        return o == null ? 0 : o[1];
    }
}
