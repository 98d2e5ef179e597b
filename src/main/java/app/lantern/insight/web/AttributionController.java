package app.lantern.insight.web;

import app.lantern.insight.Attribution;
import app.lantern.insight.AttributionExports;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The attribution page with a waterfall per team and rep, the deals behind a part, and the cockpit's summary. */
@Controller
class AttributionController {

    private final Attribution attribution;
    private final AttributionCharts charts;
    private final AttributionExports exports;

    AttributionController(Attribution attribution, AttributionCharts charts, AttributionExports exports) {
        this.attribution = attribution;
        this.charts = charts;
        this.exports = exports;
    }

    @GetMapping("/attribution/export.xlsx")
    void xlsx(
            @RequestParam(required = false) String month,
            @RequestParam(required = false) Long teamId,
            HttpServletResponse response)
            throws IOException {
        YearMonth ym = attribution.month(month);
        Attribution.Report report = attribution.report(ym, teamId, LocaleContextHolder.getLocale());
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"attribution-" + ym + ".xlsx\"");
        exports.xlsx(report, LocaleContextHolder.getLocale(), response.getOutputStream());
    }

    @GetMapping("/attribution/export.pdf")
    ResponseEntity<byte[]> pdf(
            @RequestParam(required = false) String month, @RequestParam(required = false) Long teamId) {
        YearMonth ym = attribution.month(month);
        Attribution.Report report = attribution.report(ym, teamId, LocaleContextHolder.getLocale());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"attribution-" + ym + ".pdf\"")
                .body(exports.pdf(report, LocaleContextHolder.getLocale()));
    }

    @GetMapping("/attribution")
    String page(
            @RequestParam(required = false) String month, @RequestParam(required = false) Long teamId, Model model) {
        YearMonth ym = attribution.month(month);
        Attribution.Report report = attribution.report(ym, teamId, LocaleContextHolder.getLocale());
        Map<String, String> chartOf = new LinkedHashMap<>();
        report.teams().forEach(t -> {
            chartOf.put("team-" + t.team().id(), charts.waterfall(t.team(), false));
            t.reps().forEach(r -> chartOf.put("rep-" + r.id(), charts.waterfall(r, true)));
        });
        model.addAttribute("report", report);
        model.addAttribute("charts", chartOf);
        model.addAttribute("teamId", teamId);
        return "insight/attribution";
    }

    /** htmx: the deals behind one part of one rep's month. */
    @GetMapping("/attribution/deals")
    String deals(@RequestParam String month, @RequestParam long repId, @RequestParam String key, Model model) {
        YearMonth ym = attribution.month(month);
        model.addAttribute("deals", attribution.deals(ym, repId, key));
        return "insight/attribution :: deals";
    }

    /** htmx: last month's summary for the caller (all in scope): a small waterfall and the top cause. */
    @GetMapping("/attribution/summary")
    String summary(Model model) {
        YearMonth ym = attribution.defaultMonth();
        Attribution.Report report = attribution.report(ym, null, LocaleContextHolder.getLocale());
        model.addAttribute("report", report);
        model.addAttribute("chart", charts.waterfall(report.total(), true));
        return "insight/attribution :: summary";
    }
}
