package app.lantern.customer;

import app.lantern.audit.AuditLog;
import app.lantern.shared.ValidationException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exports any filtered customer list (scoped like the list) to xlsx or csv. Cells that a spreadsheet would read as
 * a formula ({@code = + - @}, tab, carriage return at the start) are neutralised with a leading apostrophe.
 */
@Service
@Transactional(readOnly = true)
public class CustomerExport {

    static final String[] HEADERS = {
        "编号",
        "客户名称",
        "简称",
        "统一社会信用代码",
        "行业",
        "省份",
        "城市",
        "地址",
        "规模",
        "来源",
        "标签",
        "状态",
        "电话",
        "邮箱",
        "网站",
        "负责人",
        "价值等级",
        "价值分",
        "创建时间",
        "更新时间"
    };

    private final CustomerManagement customers;
    private final AuditLog audit;
    private final Clock clock;

    CustomerExport(CustomerManagement customers, AuditLog audit, Clock clock) {
        this.customers = customers;
        this.audit = audit;
        this.clock = clock;
    }

    /** The download's file name, dated in the business time zone: {@code customers-2026-12-07.xlsx}. */
    public String fileName(String format) {
        return "customers-" + LocalDate.now(clock) + "." + format;
    }

    /** Writes the export; returns the number of customers written (audited, hence not a read-only transaction). */
    @Transactional
    public int export(CustomerManagement.Filter filter, String format, OutputStream out) {
        if (!"xlsx".equals(format) && !"csv".equals(format)) {
            throw ValidationException.field("format", "must be xlsx or csv");
        }
        int[] count = {0};
        try {
            if ("csv".equals(format)) {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                w.write('\uFEFF');
                w.write(csvLine(List.of(HEADERS)));
                customers.forEach(filter, c -> {
                    try {
                        w.write(csvLine(row(c)));
                        count[0]++;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                w.flush();
            } else {
                Workbook wb = new Workbook(out, "Lantern", "1.0");
                Worksheet ws = wb.newWorksheet("客户");
                for (int i = 0; i < HEADERS.length; i++) {
                    ws.value(0, i, HEADERS[i]);
                }
                ws.style(0, 0).bold().set();
                customers.forEach(filter, c -> {
                    int r = ++count[0];
                    List<String> values = row(c);
                    for (int i = 0; i < values.size(); i++) {
                        if (values.get(i) != null) {
                            ws.value(r, i, values.get(i));
                        }
                    }
                });
                wb.finish();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("format", format);
        details.put("rows", count[0]);
        details.put("filter", filter.toString());
        audit.recorded("customer.export", "list", "exported", details);
        return count[0];
    }

    static List<String> row(CustomerView c) {
        List<String> v = new ArrayList<>();
        v.add(c.id());
        v.add(safe(c.name()));
        v.add(safe(c.shortName()));
        v.add(safe(c.creditCode()));
        v.add(safe(c.industry()));
        v.add(safe(c.province()));
        v.add(safe(c.city()));
        v.add(safe(c.address()));
        v.add(safe(c.size()));
        v.add(safe(c.source()));
        v.add(safe(c.tags()));
        v.add(c.status());
        v.add(safe(c.phone()));
        v.add(safe(c.email()));
        v.add(safe(c.website()));
        v.add(safe(c.ownerName()));
        v.add(c.tier());
        v.add(c.valueScore() == null ? null : c.valueScore().toPlainString());
        v.add(c.createdAt().toString());
        v.add(c.updatedAt().toString());
        return v;
    }

    /** Neutralises a cell a spreadsheet would evaluate as a formula. */
    public static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
    }

    static String csvLine(List<String> values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String v = values.get(i) == null ? "" : values.get(i);
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                sb.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(v);
            }
        }
        return sb.append("\r\n").toString();
    }
}
