package app.lantern.insight;

import app.lantern.audit.AuditLog;
import app.lantern.customer.CustomerExport;
import app.lantern.quote.PdfDocuments;
import app.lantern.shared.web.MoneyFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/** An attribution report as a spreadsheet (one row per part) or a PDF (narratives and parts per team and rep). */
@Component
public class AttributionExports {

    private final MessageSource messages;
    private final PdfDocuments pdf;
    private final AuditLog audit;

    AttributionExports(MessageSource messages, PdfDocuments pdf, AuditLog audit) {
        this.messages = messages;
        this.pdf = pdf;
        this.audit = audit;
    }

    @Transactional
    public void xlsx(Attribution.Report report, Locale locale, OutputStream out) {
        try {
            Workbook wb = new Workbook(out, "Lantern", "1.0");
            Worksheet ws = wb.newWorksheet(report.month().toString());
            String[] headers = {
                "team", "repId", "rep", "target", "actual", "gap", "cause", "stage", "amount", "evidence"
            };
            for (int i = 0; i < headers.length; i++) {
                ws.value(0, i, headers[i]);
            }
            ws.style(0, 0).bold().set();
            int row = 1;
            for (Attribution.TeamBlock t : report.teams()) {
                for (Attribution.Row r : t.reps()) {
                    for (Attribution.Component c : r.components()) {
                        ws.value(row, 0, CustomerExport.safe(t.team().name()));
                        ws.value(row, 1, r.id());
                        ws.value(row, 2, CustomerExport.safe(r.name()));
                        ws.value(row, 3, r.target());
                        ws.value(row, 4, r.actual());
                        ws.value(row, 5, r.gap());
                        ws.value(row, 6, messages.getMessage("attribution.cause." + c.cause(), null, locale));
                        ws.value(row, 7, CustomerExport.safe(c.stage()));
                        ws.value(row, 8, c.amount());
                        ws.value(row, 9, CustomerExport.safe(c.evidence()));
                        row++;
                    }
                }
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        exported(report, "xlsx");
    }

    @Transactional
    public byte[] pdf(Attribution.Report report, Locale locale) {
        StringBuilder html = new StringBuilder(8192);
        String title = messages.getMessage("attribution.title", null, locale) + " " + report.month();
        html.append("<html><head><style>body{font-family:")
                .append(PdfDocuments.FONT_FAMILY)
                .append(";font-size:10pt} table{width:100%;border-collapse:collapse} td,th{border:1px solid #ccc;")
                .append("padding:3px;text-align:left} .neg{color:#c00} .pos{color:#080}</style></head><body>")
                .append("<h1>")
                .append(esc(title))
                .append("</h1><p>")
                .append(esc(report.total().narrative()))
                .append("</p>");
        for (Attribution.TeamBlock t : report.teams()) {
            html.append("<h2>").append(esc(t.team().name())).append("</h2><p>");
            html.append(esc(t.team().narrative())).append("</p>");
            for (Attribution.Row r : t.reps()) {
                html.append("<h3>").append(esc(r.name())).append("</h3><p>").append(esc(r.narrative()));
                html.append("</p><table>");
                for (Attribution.Component c : r.components()) {
                    if (c.amount().signum() == 0) {
                        continue;
                    }
                    html.append("<tr><td>")
                            .append(esc(messages.getMessage("attribution.cause." + c.cause(), null, locale)))
                            .append(c.stage() == null ? "" : " · " + esc(c.stage()))
                            .append("</td><td class=\"")
                            .append(c.amount().signum() < 0 ? "neg" : "pos")
                            .append("\">")
                            .append(esc(MoneyFormat.brief(c.amount(), locale)))
                            .append("</td><td>")
                            .append(esc(c.evidence()))
                            .append("</td></tr>");
                }
                html.append("</table>");
            }
        }
        html.append("</body></html>");
        byte[] bytes = pdf.fromXhtml(html.toString(), title);
        exported(report, "pdf");
        return bytes;
    }

    private void exported(Attribution.Report report, String format) {
        audit.recorded(
                "attribution",
                report.month().toString(),
                "exported",
                Map.of(
                        "format",
                        format,
                        "reps",
                        report.teams().stream().mapToInt(t -> t.reps().size()).sum()));
    }

    private static String esc(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
