package app.lantern.activity;

import java.time.LocalDate;
import java.util.List;

/**
 * A team's activity heatmap for one ISO week.
 *
 * @param reps        row labels (rep names), with {@link #repIds} in the same order
 * @param types       column labels
 * @param hours       [rep][type] hours
 * @param counts      [rep][type] activity counts
 * @param hollows     [rep][type] true where far below the team median (能力洼地)
 * @param medians     per type: the team's median hours
 * @param weekdayHour [weekday 0=Mon..6=Sun][hour 0..23] activity counts
 */
public record Heatmap(
        long teamId,
        String teamName,
        String isoWeek,
        LocalDate monday,
        List<String> reps,
        List<Long> repIds,
        List<ActivityType> types,
        double[][] hours,
        int[][] counts,
        boolean[][] hollows,
        double[] medians,
        int[][] weekdayHour) {

    public int hollowCount() {
        int n = 0;
        for (boolean[] row : hollows) {
            for (boolean b : row) {
                n += b ? 1 : 0;
            }
        }
        return n;
    }
}
