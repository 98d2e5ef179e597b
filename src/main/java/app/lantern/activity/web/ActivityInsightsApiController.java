package app.lantern.activity.web;

import app.lantern.activity.ActivityInsights;
import app.lantern.activity.ActivityType;
import app.lantern.activity.BackfillSummary;
import app.lantern.activity.Heatmap;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/activities/heatmap} and {@code /api/v1/activities/backfill}: the team heatmap and the back-fill report. */
@RestController
@RequestMapping("/api/v1")
class ActivityInsightsApiController {

    private final ActivityInsights insights;
    private final Clock clock;

    ActivityInsightsApiController(ActivityInsights insights, Clock clock) {
        this.insights = insights;
        this.clock = clock;
    }

    record HeatmapJson(
            String teamId,
            String teamName,
            String week,
            LocalDate monday,
            List<String> reps,
            List<String> repIds,
            List<ActivityType> types,
            double[][] hours,
            int[][] counts,
            boolean[][] hollows,
            double[] medians,
            int[][] weekdayHour) {}

    @GetMapping("/activities/heatmap")
    HeatmapJson heatmap(@RequestParam long teamId, @RequestParam(required = false) String week) {
        Heatmap h = insights.heatmap(teamId, week == null ? ActivityInsights.isoWeek(LocalDate.now(clock)) : week);
        return new HeatmapJson(
                String.valueOf(h.teamId()),
                h.teamName(),
                h.isoWeek(),
                h.monday(),
                h.reps(),
                h.repIds().stream().map(String::valueOf).toList(),
                h.types(),
                h.hours(),
                h.counts(),
                h.hollows(),
                h.medians(),
                h.weekdayHour());
    }

    record BackfillJson(
            String ownerId,
            String name,
            String team,
            int total,
            int late,
            int burst,
            int sundayNight,
            double share,
            List<ActivityApiController.ActivityJson> evidence) {}

    @GetMapping("/activities/backfill")
    List<BackfillJson> backfill(
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        LocalDate start = from == null ? end.minusDays(30) : from;
        ApiPeriods.check(start, end);
        List<BackfillJson> out = new ArrayList<>();
        for (BackfillSummary s : insights.backfill(start, end)) {
            out.add(new BackfillJson(
                    String.valueOf(s.ownerId()),
                    s.name(),
                    s.team(),
                    s.total(),
                    s.late(),
                    s.burst(),
                    s.sundayNight(),
                    s.share(),
                    s.evidence().stream().map(ActivityApiController::json).toList()));
        }
        return out;
    }
}
