package app.lantern.insight.web;

import app.lantern.insight.sandbox.Sandbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import tools.jackson.databind.json.JsonMapper;

/** ECharts options for the sandbox and the cockpit: the P10–P90 band per rep with P50 and target, and the gauge. */
final class SandboxCharts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageSource messages;
    private final Locale locale;

    SandboxCharts(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    private String t(String key) {
        return messages.getMessage(key, null, key, locale);
    }

    /** Horizontal bars from P10 to P90 per rep (in 万), a dot at P50 and a diamond at the target: readable on a phone. */
    String fan(Sandbox.Simulation s) {
        List<String> names = new ArrayList<>();
        List<Double> base = new ArrayList<>();
        List<Double> band = new ArrayList<>();
        List<List<Object>> p50 = new ArrayList<>();
        List<List<Object>> target = new ArrayList<>();
        for (Sandbox.RepOutcome r : s.reps()) {
            names.add(r.repName());
            double p10 = wan(r.forecast().p10().doubleValue());
            base.add(p10);
            band.add(Math.max(0, wan(r.forecast().p90().doubleValue()) - p10));
            // a scatter on a category axis needs [value, category] pairs to sit on its rep's row
            p50.add(List.of(wan(r.forecast().p50().doubleValue()), r.repName()));
            target.add(List.of(wan(r.target().doubleValue()), r.repName()));
        }
        Map<String, Object> option = Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("data", List.of(t("sandbox.chart.band"), "P50", t("sandbox.chart.target"))),
                "grid", Map.of("left", 8, "right", 16, "top", 32, "bottom", 8, "containLabel", true),
                "xAxis", Map.of("type", "value", "name", t("sandbox.chart.unit")),
                "yAxis", Map.of("type", "category", "data", names, "inverse", true),
                "series",
                        List.of(
                                Map.of(
                                        "type",
                                        "bar",
                                        "stack",
                                        "fan",
                                        "data",
                                        base,
                                        "silent",
                                        true,
                                        "itemStyle",
                                        Map.of("color", "transparent")),
                                Map.of(
                                        "name",
                                        t("sandbox.chart.band"),
                                        "type",
                                        "bar",
                                        "stack",
                                        "fan",
                                        "data",
                                        band,
                                        "itemStyle",
                                        Map.of("color", "#9ec5fe")),
                                Map.of(
                                        "name",
                                        "P50",
                                        "type",
                                        "scatter",
                                        "data",
                                        p50,
                                        "symbolSize",
                                        10,
                                        "itemStyle",
                                        Map.of("color", "#0d6efd")),
                                Map.of(
                                        "name",
                                        t("sandbox.chart.target"),
                                        "type",
                                        "scatter",
                                        "data",
                                        target,
                                        "symbol",
                                        "diamond",
                                        "symbolSize",
                                        12,
                                        "itemStyle",
                                        Map.of("color", "#dc3545"))));
        return JSON.writeValueAsString(option);
    }

    /** The team's chance of reaching its target, 0–100 %. */
    String gauge(double probability) {
        Map<String, Object> option = Map.of(
                "series",
                List.of(Map.of(
                        "type",
                        "gauge",
                        "min",
                        0,
                        "max",
                        100,
                        "progress",
                        Map.of("show", true),
                        "detail",
                        Map.of("formatter", "{value}%", "fontSize", 20),
                        "data",
                        List.of(Map.of("value", Math.round(probability * 100), "name", t("sandbox.chance"))))));
        return JSON.writeValueAsString(option);
    }

    private static double wan(double yuan) {
        return Math.round(yuan / 1000) / 10.0;
    }
}
