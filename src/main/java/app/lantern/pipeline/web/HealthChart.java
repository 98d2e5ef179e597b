package app.lantern.pipeline.web;

import app.lantern.pipeline.FactorResult;
import app.lantern.pipeline.HealthReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/** The radar chart of a health report's twelve factors (ECharts option as JSON for {@code data-chart}). */
record HealthChart(String option) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** {@code text} resolves message keys in the reader's language. */
    static HealthChart of(HealthReport report, Function<String, String> text) {
        List<Map<String, Object>> indicators = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (FactorResult f : report.factors()) {
            indicators.add(Map.of("name", text.apply("pipeline.factor." + f.factor()), "max", 100));
            values.add(Math.round(f.ratio() * 100.0) * 1.0);
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of());
        option.put("radar", Map.of("indicator", indicators, "radius", "60%"));
        option.put(
                "series",
                List.of(Map.of(
                        "type",
                        "radar",
                        "data",
                        List.of(Map.of("value", values, "name", text.apply("pipeline.health"))),
                        "areaStyle",
                        Map.of("opacity", 0.2))));
        return new HealthChart(JSON.writeValueAsString(option));
    }
}
