package app.lantern.goal;

import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.DataScopes;
import app.lantern.identity.Directory;
import app.lantern.identity.Role;
import app.lantern.identity.UserSummary;
import app.lantern.shared.web.LandingWidget;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import tools.jackson.databind.json.JsonMapper;

/** 12-month KPI trends on the manager's and the executive's landing pages. */
@Configuration(proxyBeanMethods = false)
class GoalWidgets {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    LandingWidget kpiTrendWidget(
            Kpis kpis,
            CurrentActor currentActor,
            DataScopes scopes,
            Directory directory,
            Clock clock,
            MessageSource messages) {
        return LandingWidget.of(Set.of("MANAGER", "EXECUTIVE"), 30, "goal/widgets :: kpis", () -> {
            Actor actor = currentActor.require();
            Set<Long> reps = directory.usersWithRole(Role.REP).stream()
                    .map(UserSummary::id)
                    .filter(id -> actor.has(Role.EXECUTIVE)
                            || actor.has(Role.ADMIN)
                            || scopes.visibleOwners(actor).contains(id))
                    .collect(Collectors.toSet());
            List<Kpis.MonthKpi> trend = kpis.trend(reps, YearMonth.now(clock), 12);
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("trend", trend);
            model.put("latest", trend.isEmpty() ? null : trend.getLast());
            model.put("chart", JSON.writeValueAsString(chart(trend, messages, LocaleContextHolder.getLocale())));
            return model;
        });
    }

    /** The ECharts option; legends, series and axis names in the reader's language. */
    static Map<String, Object> chart(List<Kpis.MonthKpi> trend, MessageSource messages, Locale locale) {
        String completionName = messages.getMessage("goal.kpi.chart.completion", null, locale);
        String concentrationName = messages.getMessage("goal.kpi.chart.concentration", null, locale);
        String cycleName = messages.getMessage("goal.kpi.chart.cycle", null, locale);
        List<String> months = new ArrayList<>();
        List<Object> completion = new ArrayList<>();
        List<Object> concentration = new ArrayList<>();
        List<Object> cycle = new ArrayList<>();
        double longestCycle = 0;
        for (Kpis.MonthKpi k : trend) {
            months.add(k.month().substring(2)
                    + (k.inProgress() ? messages.getMessage("goal.kpi.chart.inProgress", null, locale) : ""));
            completion.add(percent(k.actionCompletion()));
            concentration.add(percent(k.monthEndConcentration()));
            cycle.add(k.medianCycleDays());
            longestCycle = Math.max(longestCycle, k.medianCycleDays() == null ? 0 : k.medianCycleDays());
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("data", List.of(completionName, concentrationName, cycleName)));
        option.put("grid", Map.of("left", 40, "right", 40, "bottom", 30, "top", 40, "containLabel", true));
        option.put("xAxis", Map.of("type", "category", "data", months));
        // both axes bounded, so that no line or bar runs off the chart
        option.put(
                "yAxis",
                List.of(
                        Map.of("type", "value", "name", "%", "min", 0, "max", 100),
                        Map.of(
                                "type",
                                "value",
                                "name",
                                messages.getMessage("goal.kpi.chart.days", null, locale),
                                "min",
                                0,
                                "max",
                                cycleAxisMax(longestCycle))));
        option.put(
                "series",
                List.of(
                        Map.of("name", completionName, "type", "line", "data", completion, "connectNulls", true),
                        Map.of("name", concentrationName, "type", "line", "data", concentration, "connectNulls", true),
                        Map.of("name", cycleName, "type", "bar", "yAxisIndex", 1, "data", cycle, "barMaxWidth", 14)));
        return option;
    }

    /** A share as a percentage with one decimal, within 0–100; null stays null (no data, or month-to-date). */
    private static Double percent(Double share) {
        return share == null ? null : Math.round(Math.max(0, Math.min(1, share)) * 1000) / 10.0;
    }

    /** The days axis: the longest cycle rounded up to the next 10, at least 10. */
    static int cycleAxisMax(double longest) {
        return Math.max(10, (int) Math.ceil(longest / 10) * 10);
    }
}
