package app.lantern.pipeline;

/**
 * One stage of a funnel.
 *
 * @param entered          opportunities that entered the stage in the period
 * @param advanced         of those, how many later reached a further stage or were won
 * @param conversion       advanced / entered (0 when nothing entered)
 * @param medianDwellDays  median calendar days spent in the stage by entries that left it
 */
public record StageConversion(
        long stageId,
        String stageName,
        int order,
        int entered,
        int advanced,
        double conversion,
        double medianDwellDays) {}
