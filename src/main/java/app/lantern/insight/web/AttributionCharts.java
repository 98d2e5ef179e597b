package app.lantern.insight.web;

import app.lantern.insight.Attribution;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** ECharts waterfall options (target → each part → signed, in 万) for an attribution row. */
@Component
class AttributionCharts {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);

    private final MessageSource messages;

    AttributionCharts(MessageSource messages) {
        this.messages = messages;
    }

    String waterfall(Attribution.Row row, boolean small) {
        var locale = LocaleContextHolder.getLocale();
        List<String> labels = new ArrayList<>();
        List<Object> base = new ArrayList<>();
        List<Object> bars = new ArrayList<>();
        labels.add(messages.getMessage("attribution.start", null, locale));
        base.add(0);
        bars.add(bar(wan(row.target()), "#5470c6"));
        BigDecimal running = row.target();
        for (Attribution.Component c : row.components()) {
            if (c.amount().signum() == 0) {
                continue;
            }
            BigDecimal next = running.add(c.amount());
            String cause = messages.getMessage("attribution.cause." + c.cause(), null, locale);
            labels.add(c.stage() == null ? cause : c.stage());
            base.add(wan(running.min(next)));
            bars.add(bar(wan(c.amount().abs()), c.amount().signum() < 0 ? "#ee6666" : "#91cc75"));
            running = next;
        }
        labels.add(messages.getMessage("attribution.end", null, locale));
        base.add(0);
        bars.add(bar(wan(row.actual()), "#5470c6"));
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("grid", Map.of("left", 50, "right", 10, "top", 20, "bottom", small ? 20 : 110));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put(
                "xAxis",
                Map.of(
                        "type",
                        "category",
                        "data",
                        labels,
                        "axisLabel",
                        Map.of("interval", 0, "fontSize", 10, "rotate", 30, "show", !small)));
        option.put("yAxis", Map.of("type", "value", "name", "万"));
        option.put(
                "series",
                List.of(
                        Map.of(
                                "type",
                                "bar",
                                "stack",
                                "w",
                                "silent",
                                true,
                                "itemStyle",
                                Map.of("color", "transparent"),
                                "data",
                                base),
                        Map.of("type", "bar", "stack", "w", "data", bars)));
        return JSON.writeValueAsString(option);
    }

    private static Map<String, Object> bar(BigDecimal value, String color) {
        return Map.of("value", value, "itemStyle", Map.of("color", color));
    }

    private static BigDecimal wan(BigDecimal yuan) {
        return yuan.divide(WAN, 2, RoundingMode.HALF_UP);
    }
}
