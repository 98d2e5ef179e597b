package app.lantern.activity.web;

import app.lantern.activity.ActivityInsights;
import app.lantern.activity.ActivityService;
import app.lantern.activity.Heatmap;
import app.lantern.identity.TeamSummary;
import app.lantern.shared.PageQuery;
import app.lantern.shared.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** The team heatmap (P4) and the activities behind one of its cells. */
@Controller
class HeatmapController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ActivityInsights insights;
    private final ActivityService activities;
    private final MessageSource messages;
    private final Clock clock;

    HeatmapController(ActivityInsights insights, ActivityService activities, MessageSource messages, Clock clock) {
        this.insights = insights;
        this.activities = activities;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/activities/heatmap")
    String heatmap(
            @RequestParam(required = false) Long teamId,
            @RequestParam(required = false) String week,
            Locale locale,
            Model model) {
        List<TeamSummary> teams = insights.visibleTeams();
        model.addAttribute("teams", teams);
        String w = week == null || week.isBlank() ? ActivityInsights.isoWeek(LocalDate.now(clock)) : week;
        model.addAttribute("week", w);
        if (teams.isEmpty()) {
            return "activity/heatmap";
        }
        Heatmap h = insights.heatmap(teamId == null ? teams.getFirst().id() : teamId, w);
        HeatmapCharts charts = HeatmapCharts.of(h, (key, args) -> messages.getMessage(key, args, locale), locale);
        model.addAttribute("h", h);
        model.addAttribute("prevWeek", ActivityInsights.isoWeek(h.monday().minusWeeks(1)));
        model.addAttribute("nextWeek", ActivityInsights.isoWeek(h.monday().plusWeeks(1)));
        model.addAttribute("repTypeChart", charts.repType());
        model.addAttribute("weekdayChart", charts.weekday());
        model.addAttribute("repIdsJson", JSON.writeValueAsString(h.repIds()));
        return "activity/heatmap";
    }

    /**
     * Drill-down behind a heatmap cell: {@code x}/{@code y} are the chart's indexes (type/rep for the rep chart,
     * hour/weekday for the weekday chart), resolved against the same heatmap the chart was built from.
     */
    @GetMapping("/activities/heatmap/cell")
    String cell(
            @RequestParam long teamId,
            @RequestParam String week,
            @RequestParam String chart,
            @RequestParam int x,
            @RequestParam int y,
            Locale locale,
            Model model) {
        Heatmap h = insights.heatmap(teamId, week);
        OffsetDateTime from = h.monday().atStartOfDay(clock.getZone()).toOffsetDateTime();
        OffsetDateTime to = from.plusDays(7);
        ActivityService.Filter filter;
        String caption;
        if ("rep".equals(chart)) {
            if (y < 0 || y >= h.repIds().size() || x < 0 || x >= h.types().size()) {
                throw ValidationException.field("x", "no such cell");
            }
            filter = new ActivityService.Filter(
                    h.repIds().get(y), null, h.types().get(x), null, null, from, to, null, null, null);
            caption = h.reps().get(y) + " · "
                    + messages.getMessage("activity.type." + h.types().get(x), null, locale);
        } else {
            if (x < 0 || x > 23 || y < 0 || y > 6) {
                throw ValidationException.field("x", "no such cell");
            }
            filter = new ActivityService.Filter(
                    null, new HashSet<>(h.repIds()), null, null, null, from, to, null, y + 1, x);
            caption = HeatmapCharts.weekdayName(y, locale) + " "
                    + messages.getMessage("activity.heatmap.hour", new Object[] {x}, locale);
        }
        model.addAttribute("caption", caption);
        model.addAttribute(
                "result",
                activities.list(filter, PageQuery.of(0, 200, null, ActivityService.SORT_FIELDS, "occurredAt,desc")));
        return "activity/list :: rows";
    }
}
