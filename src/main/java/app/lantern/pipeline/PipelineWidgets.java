package app.lantern.pipeline;

import static lantern.db.Tables.OPPORTUNITIES;

import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.DataScopes;
import app.lantern.shared.web.LandingWidget;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import tools.jackson.databind.json.JsonMapper;

/** Landing panels: the rep's pipeline, the manager's team funnel and interventions, the executive's pipeline by stage. */
@Configuration(proxyBeanMethods = false)
class PipelineWidgets {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One stage row of a widget. */
    record StageRow(String pipeline, String stage, int count, BigDecimal amount, BigDecimal weighted) {}

    static List<StageRow> byStage(DSLContext db, Pipelines pipelines, Condition scope) {
        Map<Long, int[]> counts = new LinkedHashMap<>();
        Map<Long, BigDecimal> amounts = new LinkedHashMap<>();
        db.select(OPPORTUNITIES.STAGE_ID, DSL.count(), DSL.sum(OPPORTUNITIES.AMOUNT))
                .from(OPPORTUNITIES)
                .where(scope)
                .and(OPPORTUNITIES.STATUS.eq(OpportunityStatus.OPEN.name()))
                .groupBy(OPPORTUNITIES.STAGE_ID)
                .forEach(r -> {
                    counts.put(r.value1(), new int[] {r.value2()});
                    amounts.put(r.value1(), r.value3() == null ? BigDecimal.ZERO : r.value3());
                });
        List<StageRow> rows = new ArrayList<>();
        for (PipelineView p : pipelines.all()) {
            for (StageView s : p.stages()) {
                int c = counts.getOrDefault(s.id(), new int[1])[0];
                BigDecimal a = amounts.getOrDefault(s.id(), BigDecimal.ZERO);
                rows.add(new StageRow(
                        p.name(),
                        s.name(),
                        c,
                        a,
                        a.multiply(BigDecimal.valueOf(s.winProbability())).divide(BigDecimal.valueOf(100))));
            }
        }
        return rows;
    }

    @Bean
    LandingWidget myPipelineWidget(CurrentActor currentActor, DSLContext db, Pipelines pipelines) {
        return LandingWidget.of(Set.of("REP"), 20, "pipeline/widgets :: mine", () -> {
            Actor actor = currentActor.require();
            List<StageRow> rows = byStage(db, pipelines, OPPORTUNITIES.OWNER_ID.eq(actor.userId())).stream()
                    .filter(r -> r.count() > 0)
                    .toList();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rows", rows);
            m.put("open", rows.stream().mapToInt(StageRow::count).sum());
            m.put("total", rows.stream().map(StageRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
            m.put(
                    "weak",
                    db.fetchCount(
                            OPPORTUNITIES,
                            OPPORTUNITIES
                                    .OWNER_ID
                                    .eq(actor.userId())
                                    .and(OPPORTUNITIES.STATUS.eq(OpportunityStatus.OPEN.name()))
                                    .and(OPPORTUNITIES.HEALTH_SCORE.lt(60))));
            return m;
        });
    }

    @Bean
    LandingWidget teamFunnelWidget(
            CurrentActor currentActor, DataScopes scopes, FunnelMetrics funnels, Pipelines pipelines, Clock clock) {
        return LandingWidget.of(Set.of("MANAGER"), 20, "pipeline/widgets :: teamFunnel", () -> {
            Set<Long> owners = scopes.visibleOwners(currentActor.require());
            LocalDate to = LocalDate.now(clock);
            List<Map<String, Object>> charts = new ArrayList<>();
            for (PipelineView p : pipelines.all()) {
                Funnel f = funnels.funnel(owners, p.id(), to.minusDays(90), to);
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("pipeline", p);
                c.put("funnel", f);
                List<Map<String, Object>> data = new ArrayList<>();
                f.stages().forEach(s -> data.add(Map.of("name", s.stageName(), "value", s.entered())));
                c.put(
                        "chart",
                        JSON.writeValueAsString(Map.of(
                                "tooltip",
                                Map.of("trigger", "item"),
                                "series",
                                List.of(Map.of(
                                        "type",
                                        "funnel",
                                        "sort",
                                        "none",
                                        "left",
                                        "5%",
                                        "width",
                                        "90%",
                                        "gap",
                                        2,
                                        "label",
                                        Map.of("show", true, "position", "inside"),
                                        "data",
                                        data)))));
                charts.add(c);
            }
            return Map.of("charts", charts);
        });
    }

    /** As many interventions as {@code /opportunities/interventions} lists, and how many of them the panel shows. */
    static final int INTERVENTIONS_PAGE = 300;

    static final int SHOWN_INTERVENTIONS = 8;

    @Bean
    LandingWidget interventionsWidget(Interventions interventions) {
        return LandingWidget.of(Set.of("MANAGER"), 21, "pipeline/widgets :: interventions", () -> {
            // the count is of the same list the interventions page shows; the panel lists the first few
            List<Intervention> open = interventions.visible(InterventionStatus.OPEN, INTERVENTIONS_PAGE);
            return Map.of(
                    "items",
                    open.subList(0, Math.min(SHOWN_INTERVENTIONS, open.size())),
                    "total",
                    open.size(),
                    "outcomes",
                    interventions.outcomeCounts());
        });
    }

    @Bean
    LandingWidget pipelineByStageWidget(DSLContext db, Pipelines pipelines, MessageSource messages) {
        return LandingWidget.of(Set.of("EXECUTIVE", "ADMIN"), 20, "pipeline/widgets :: byStage", () -> {
            List<StageRow> rows = byStage(db, pipelines, DSL.trueCondition());
            List<String> labels = rows.stream()
                    .map(r -> r.pipeline().substring(0, Math.min(4, r.pipeline().length())) + "·" + r.stage())
                    .toList();
            List<BigDecimal> amounts = rows.stream()
                    .map(r -> r.amount().divide(BigDecimal.valueOf(10000), 1, RoundingMode.HALF_UP))
                    .toList();
            List<BigDecimal> weighted = rows.stream()
                    .map(r -> r.weighted().divide(BigDecimal.valueOf(10000), 1, RoundingMode.HALF_UP))
                    .toList();
            Locale locale = LocaleContextHolder.getLocale();
            String amountName = messages.getMessage("pipeline.widget.amountWan", null, locale);
            String weightedName = messages.getMessage("pipeline.widget.weightedWan", null, locale);
            Map<String, Object> option = new LinkedHashMap<>();
            option.put("tooltip", Map.of("trigger", "axis"));
            option.put("legend", Map.of("data", List.of(amountName, weightedName)));
            option.put("grid", Map.of("left", 50, "right", 10, "bottom", 90));
            option.put(
                    "xAxis",
                    Map.of("type", "category", "data", labels, "axisLabel", Map.of("rotate", 40, "interval", 0)));
            option.put("yAxis", Map.of("type", "value"));
            option.put(
                    "series",
                    List.of(
                            Map.of("name", amountName, "type", "bar", "data", amounts),
                            Map.of("name", weightedName, "type", "bar", "data", weighted)));
            return Map.of(
                    "rows",
                    rows,
                    "chart",
                    JSON.writeValueAsString(option),
                    "total",
                    rows.stream().map(StageRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add),
                    "open",
                    rows.stream().mapToInt(StageRow::count).sum());
        });
    }
}
