package app.lantern.insight.web;

import app.lantern.customer.CustomerExport;
import app.lantern.insight.Diagnostics;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** The diagnostic page (run, radar, findings, history and comparison), its xlsx export and the cockpit's radar. */
@Controller
class DiagnosticController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Diagnostics diagnostics;
    private final MessageSource messages;

    DiagnosticController(Diagnostics diagnostics, MessageSource messages) {
        this.diagnostics = diagnostics;
        this.messages = messages;
    }

    @GetMapping("/diagnostics")
    String page(@RequestParam(required = false) Long id, @RequestParam(required = false) Long compare, Model model) {
        List<Diagnostics.Run> history = diagnostics.history();
        Diagnostics.Run run = id != null ? diagnostics.get(id) : history.isEmpty() ? null : history.getFirst();
        Diagnostics.Run other = compare != null ? diagnostics.get(compare) : null;
        model.addAttribute("history", history);
        model.addAttribute("run", run);
        model.addAttribute("other", other);
        if (run != null) {
            model.addAttribute("chart", radar(run, other));
        }
        return "insight/diagnostics";
    }

    @PostMapping("/diagnostics")
    String run() {
        Diagnostics.Run run = diagnostics.run(LocaleContextHolder.getLocale());
        return "redirect:/diagnostics?id=" + run.id();
    }

    /** htmx: the latest run's radar for the caller, or an invitation to run one. */
    @GetMapping("/diagnostics/radar")
    String radar(Model model) {
        List<Diagnostics.Run> history = diagnostics.history();
        Diagnostics.Run run = history.isEmpty() ? null : history.getFirst();
        model.addAttribute("run", run);
        if (run != null) {
            model.addAttribute("chart", radar(run, null));
        }
        return "insight/diagnostics :: radar";
    }

    @GetMapping("/diagnostics/{id}/export.xlsx")
    void export(@PathVariable long id, HttpServletResponse response) throws IOException {
        Diagnostics.Run run = diagnostics.get(id);
        var locale = LocaleContextHolder.getLocale();
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"diagnostic-" + id + ".xlsx\"");
        Workbook wb = new Workbook(response.getOutputStream(), "Lantern", "1.0");
        Worksheet ws = wb.newWorksheet("diagnostic");
        String[] headers = {"check", "score", "status", "finding", "evidence", "fixes"};
        for (int i = 0; i < headers.length; i++) {
            ws.value(0, i, headers[i]);
        }
        int row = 1;
        for (Diagnostics.Check c : run.checks()) {
            for (Diagnostics.Finding f : c.findings()) {
                ws.value(row, 0, messages.getMessage("diagnostic.check." + c.check(), null, c.check(), locale));
                ws.value(row, 1, c.score());
                ws.value(row, 2, c.status());
                ws.value(row, 3, CustomerExport.safe(f.text()));
                ws.value(row, 4, CustomerExport.safe(String.join("\n", f.evidence())));
                ws.value(row, 5, CustomerExport.safe(String.join("\n", c.fixes())));
                row++;
            }
        }
        wb.finish();
    }

    private String radar(Diagnostics.Run run, Diagnostics.Run other) {
        var locale = LocaleContextHolder.getLocale();
        List<Map<String, Object>> indicators = new ArrayList<>();
        run.checks()
                .forEach(c -> indicators.add(Map.of(
                        "name",
                        messages.getMessage("diagnostic.check." + c.check(), null, c.check(), locale),
                        "max",
                        100)));
        List<Map<String, Object>> data = new ArrayList<>();
        data.add(Map.of(
                "name",
                "#" + run.id(),
                "value",
                run.checks().stream().map(Diagnostics.Check::score).toList()));
        if (other != null) {
            data.add(Map.of(
                    "name",
                    "#" + other.id(),
                    "value",
                    other.checks().stream().map(Diagnostics.Check::score).toList()));
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of());
        option.put("legend", Map.of("bottom", 0));
        option.put("radar", Map.of("indicator", indicators, "radius", "62%"));
        option.put("series", List.of(Map.of("type", "radar", "data", data, "areaStyle", Map.of("opacity", 0.15))));
        return JSON.writeValueAsString(option);
    }
}
