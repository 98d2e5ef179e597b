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
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** 12-month KPI trends on the manager's and the executive's landing pages. */
@Configuration(proxyBeanMethods = false)
class GoalWidgets {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    LandingWidget kpiTrendWidget(Kpis kpis, CurrentActor currentActor, DataScopes scopes, Directory directory, Clock clock) {
        return LandingWidget.of(Set.of("MANAGER", "EXECUTIVE"), 30, "goal/widgets :: kpis", () -> {
            Actor actor = currentActor.require();
            Set<Long> reps = directory.usersWithRole(Role.REP).stream().map(UserSummary::id)
                    .filter(id -> actor.has(Role.EXECUTIVE) || actor.has(Role.ADMIN) || scopes.visibleOwners(actor).contains(id))
                    .collect(Collectors.toSet());
            List<Kpis.MonthKpi> trend = kpis.trend(reps, YearMonth.now(clock), 12);
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("trend", trend);
            model.put("latest", trend.isEmpty() ? null : trend.getLast());
            model.put("chart", JSON.writeValueAsString(chart(trend)));
            return model;
        });
    }

    private static Map<String, Object> chart(List<Kpis.MonthKpi> trend) {
        List<String> months = new ArrayList<>();
        List<Object> completion = new ArrayList<>();
        List<Object> concentration = new ArrayList<>();
        List<Object> cycle = new ArrayList<>();
        for (Kpis.MonthKpi k : trend) {
            months.add(k.month().substring(2));
            completion.add(k.actionCompletion() == null ? null : Math.round(k.actionCompletion() * 1000) / 10.0);
            concentration.add(k.monthEndConcentration() == null ? null : Math.round(k.monthEndConcentration() * 1000) / 10.0);
            cycle.add(k.medianCycleDays());
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("data", List.of("过程动作完成率 %", "月末集中签单占比 %", "成交周期 天")));
        option.put("grid", Map.of("left", 40, "right", 40, "bottom", 30, "top", 40));
        option.put("xAxis", Map.of("type", "category", "data", months));
        option.put("yAxis", List.of(Map.of("type", "value", "name", "%", "max", 100), Map.of("type", "value", "name", "天")));
        option.put("series", List.of(
                Map.of("name", "过程动作完成率 %", "type", "line", "data", completion, "connectNulls", true),
                Map.of("name", "月末集中签单占比 %", "type", "line", "data", concentration, "connectNulls", true),
                Map.of("name", "成交周期 天", "type", "bar", "yAxisIndex", 1, "data", cycle, "barMaxWidth", 14)));
        return option;
    }
}
