package app.lantern.activity;

import java.util.List;

/**
 * Back-fill (补录) per rep over a period, with the flagged entries as evidence.
 *
 * @param team     the rep's team
 * @param sundayNight flagged entries created on Sunday after 18:00
 */
public record BackfillSummary(
        long ownerId,
        String name,
        String team,
        int total,
        int late,
        int burst,
        int sundayNight,
        double share,
        List<ActivityView> evidence) {}
