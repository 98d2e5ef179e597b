package app.lantern.insight.web;

import app.lantern.insight.Attribution;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/attribution?month=YYYY-MM[&teamId=]}: the month's gap per rep decomposed in money, with the
 * caller's scope ({@code team} is everything in scope, or the given team).
 */
@RestController
class AttributionApiController {

    private final Attribution attribution;

    AttributionApiController(Attribution attribution) {
        this.attribution = attribution;
    }

    @GetMapping("/api/v1/attribution")
    Map<String, Object> get(@RequestParam(required = false) String month, @RequestParam(required = false) Long teamId) {
        YearMonth ym = attribution.month(month);
        Attribution.Report report = attribution.report(ym, teamId, LocaleContextHolder.getLocale());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("month", ym.toString());
        body.put(
                "team",
                teamId != null && report.teams().size() == 1
                        ? json(report.teams().getFirst().team(), "teamId")
                        : json(report.total(), "teamId"));
        body.put(
                "teams",
                report.teams().stream().map(t -> json(t.team(), "teamId")).toList());
        body.put(
                "reps",
                report.teams().stream()
                        .flatMap(t -> t.reps().stream())
                        .map(r -> json(r, "repId"))
                        .toList());
        return body;
    }

    static Map<String, Object> json(Attribution.Row row, String idField) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(idField, row.id().isEmpty() ? null : row.id());
        m.put("name", row.name());
        m.put("target", row.target());
        m.put("actual", row.actual());
        m.put("gap", row.gap());
        m.put("components", components(row.components()));
        m.put("narrative", row.narrative());
        return m;
    }

    private static List<Map<String, Object>> components(List<Attribution.Component> components) {
        return components.stream()
                .map(c -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("cause", c.cause().name());
                    m.put("key", c.key());
                    m.put("amount", c.amount());
                    m.put("stage", c.stage());
                    m.put("evidence", c.evidence());
                    return m;
                })
                .toList();
    }
}
