package app.lantern.pipeline;

import java.time.OffsetDateTime;

/**
 * One stay of an opportunity in a stage.
 *
 * @param exitedAt    null while it is still there
 * @param exitKind    MOVED, WON, LOST, or null
 * @param hours       hours spent (until now when still there)
 * @param workingDays working days spent
 */
public record StageHistoryEntry(
        long stageId,
        String stageName,
        int position,
        OffsetDateTime enteredAt,
        OffsetDateTime exitedAt,
        String exitKind,
        long hours,
        int workingDays) {

    public double days() {
        return Math.round(hours / 2.4) / 10.0;
    }
}
