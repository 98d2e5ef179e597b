package app.lantern.activity.web;

import app.lantern.activity.Heatmap;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two ECharts options of the heatmap page, as JSON for {@code data-chart}: rep × activity type (hours, hollows
 * pinned) and weekday × hour (counts). {@code text} resolves message keys in the reader's language.
 */
record HeatmapCharts(String repType, String weekday) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Message lookup in the reader's language. */
    @FunctionalInterface
    interface Messages {
        String apply(String key, Object... args);
    }

    static HeatmapCharts of(Heatmap h, Messages text, Locale locale) {
        return new HeatmapCharts(repType(h, text), weekday(h, text, locale));
    }

    static String weekdayName(int index, Locale locale) {
        return DayOfWeek.of(index + 1).getDisplayName(TextStyle.SHORT, locale);
    }

    private static String repType(Heatmap h, Messages text) {
        List<String> types =
                h.types().stream().map(t -> text.apply("activity.type." + t)).toList();
        List<Object> data = new ArrayList<>();
        List<Object> marks = new ArrayList<>();
        double max = 1;
        for (int i = 0; i < h.reps().size(); i++) {
            for (int j = 0; j < h.types().size(); j++) {
                data.add(List.of(j, i, h.hours()[i][j], h.counts()[i][j]));
                max = Math.max(max, h.hours()[i][j]);
                if (h.hollows()[i][j]) {
                    marks.add(Map.of("coord", List.of(j, i), "value", text.apply("activity.heatmap.hollow")));
                }
            }
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("position", "top"));
        option.put("grid", Map.of("left", 70, "right", 20, "top", 10, "bottom", 80));
        option.put("xAxis", Map.of("type", "category", "data", types, "axisLabel", Map.of("rotate", 30)));
        option.put("yAxis", Map.of("type", "category", "data", h.reps()));
        option.put("visualMap", visualMap(Math.ceil(max), List.of("#fff7ec", "#fdbb84", "#b30000"), 2));
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("name", text.apply("activity.heatmap.hours"));
        series.put("type", "heatmap");
        series.put("data", data);
        series.put("label", Map.of("show", true));
        series.put("encode", Map.of("x", 0, "y", 1, "value", 2));
        series.put(
                "markPoint",
                Map.of("symbol", "pin", "symbolSize", 28, "itemStyle", Map.of("color", "#dc3545"), "data", marks));
        option.put("series", List.of(series));
        return JSON.writeValueAsString(option);
    }

    private static String weekday(Heatmap h, Messages text, Locale locale) {
        List<String> days = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            days.add(weekdayName(d, locale));
        }
        List<String> hours = new ArrayList<>();
        List<Object> data = new ArrayList<>();
        int max = 1;
        for (int hr = 0; hr < 24; hr++) {
            hours.add(text.apply("activity.heatmap.hour", hr));
        }
        for (int d = 0; d < 7; d++) {
            for (int hr = 0; hr < 24; hr++) {
                data.add(List.of(hr, d, h.weekdayHour()[d][hr]));
                max = Math.max(max, h.weekdayHour()[d][hr]);
            }
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("position", "top"));
        option.put("grid", Map.of("left", 50, "right", 20, "top", 10, "bottom", 70));
        option.put("xAxis", Map.of("type", "category", "data", hours));
        option.put("yAxis", Map.of("type", "category", "data", days));
        option.put("visualMap", visualMap(max, List.of("#f0f9ff", "#6baed6", "#08306b"), 2));
        option.put(
                "series",
                List.of(Map.of("name", text.apply("activity.heatmap.activities"), "type", "heatmap", "data", data)));
        return JSON.writeValueAsString(option);
    }

    private static Map<String, Object> visualMap(double max, List<String> colors, int dimension) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("min", 0);
        m.put("max", max);
        m.put("calculable", true);
        m.put("orient", "horizontal");
        m.put("left", "center");
        m.put("bottom", 0);
        m.put("dimension", dimension);
        m.put("inRange", Map.of("color", colors));
        return m;
    }
}
