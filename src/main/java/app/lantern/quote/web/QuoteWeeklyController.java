package app.lantern.quote.web;

import app.lantern.quote.QuoteHealthReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** The weekly quote health report: funnel, feedback and per-rep figures, as a page with charts and as xlsx. */
@Controller
@RequestMapping("/quotes")
class QuoteWeeklyController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final QuoteHealthReport report;
    private final Clock clock;
    private final MessageSource messages;

    QuoteWeeklyController(QuoteHealthReport report, Clock clock, MessageSource messages) {
        this.report = report;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping("/weekly")
    String weekly(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
            @RequestParam(defaultValue = "1") int weeks,
            Model model) {
        QuoteHealthReport.Report r = report.forWeeks(week == null ? LocalDate.now(clock) : week, weeks);
        model.addAttribute("r", r);
        model.addAttribute("week", week == null ? LocalDate.now(clock) : week);
        model.addAttribute("weeks", weeks);
        model.addAttribute("funnelChart", funnelChart(r, LocaleContextHolder.getLocale()));
        model.addAttribute("feedbackChart", feedbackChart(r));
        return "quote/weekly";
    }

    @GetMapping("/weekly.xlsx")
    ResponseEntity<byte[]> weeklyXlsx(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
            @RequestParam(defaultValue = "1") int weeks)
            throws IOException {
        QuoteHealthReport.Report r = report.forWeeks(week == null ? LocalDate.now(clock) : week, weeks);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.writeXlsx(r, out);
        return ResponseEntity.ok()
                .contentType(
                        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("报价健康度周报-" + r.from() + ".xlsx", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(out.toByteArray());
    }

    private String funnelChart(QuoteHealthReport.Report r, Locale locale) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "item"));
        option.put(
                "series",
                List.of(Map.of(
                        "type",
                        "funnel",
                        "sort",
                        "none",
                        "left",
                        "10%",
                        "width",
                        "80%",
                        "label",
                        Map.of("formatter", "{b}: {c}"),
                        "data",
                        List.of(
                                Map.of(
                                        "name",
                                        messages.getMessage("quote.weekly.chart.demos", null, locale),
                                        "value",
                                        r.demos()),
                                Map.of(
                                        "name",
                                        messages.getMessage("quote.weekly.chart.sent", null, locale),
                                        "value",
                                        r.quotesSent()),
                                Map.of(
                                        "name",
                                        messages.getMessage("quote.weekly.chart.signed", null, locale),
                                        "value",
                                        r.signed())))));
        return JSON.writeValueAsString(option);
    }

    /** The report's tag labels are already in the reader's language. */
    private String feedbackChart(QuoteHealthReport.Report r) {
        List<Map<String, Object>> data = new ArrayList<>();
        r.tagLabels()
                .forEach((code, label) -> data.add(
                        Map.of("name", label, "value", r.team().feedback().getOrDefault(code, 0))));
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "item"));
        option.put("series", List.of(Map.of("type", "pie", "radius", List.of("40%", "70%"), "data", data)));
        return JSON.writeValueAsString(option);
    }
}
