package app.lantern.pipeline.web;

import app.lantern.pipeline.Funnel;
import app.lantern.pipeline.StageConversion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The funnel chart: one band per stage sized by how many opportunities entered it, each band labelled with its stage
 * and count (ECharts option as JSON for {@code data-chart}).
 */
record FunnelChart(String option) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static FunnelChart of(Funnel f) {
        List<Map<String, Object>> data = f.stages().stream()
                .map(s -> Map.<String, Object>of("name", s.stageName(), "value", s.entered()))
                .toList();
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("type", "funnel");
        series.put("sort", "none");
        series.put("left", "10%");
        series.put("width", "80%");
        series.put("gap", 2);
        series.put("label", Map.of("show", true, "position", "inside", "formatter", "{b}  {c}"));
        series.put("data", data);
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "item", "formatter", "{b}: {c}"));
        option.put("series", List.of(series));
        return new FunnelChart(JSON.writeValueAsString(option));
    }

    /** Total entries over the stages (the chart is empty when nothing entered any stage). */
    static int entries(Funnel f) {
        return f.stages().stream().mapToInt(StageConversion::entered).sum();
    }
}
