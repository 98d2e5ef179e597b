package app.lantern.quote;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Entry point for the benchmark (outside this package) to render a representative quote without Spring. */
public final class QuotePdfBench {

    private static final QuotePdf PDF =
            new QuotePdf("明灯科技有限公司", "上海市浦东新区张江路 88 号", "021-5080 8888", "招商银行上海张江支行 1219 0888 8888 888");

    private QuotePdfBench() {}

    public static QuoteView sample() {
        List<QuoteCalculator.PricedInput> inputs = new ArrayList<>();
        String[] names = {
            "销售管理者训练营", "大客户销售课程组合", "线上学习平台年费", "实施服务包", "驻场辅导（人天）", "教具套装", "认证考试", "课程定制开发", "年度复训", "数据看板模块"
        };
        for (int i = 0; i < names.length; i++) {
            inputs.add(new QuoteCalculator.PricedInput(
                    i + 1,
                    "SKU-" + (100 + i),
                    names[i],
                    i % 2 == 0 ? "套" : "人天",
                    BigDecimal.valueOf(1 + i),
                    new BigDecimal("3999.00").add(BigDecimal.valueOf(i * 1000)),
                    BigDecimal.valueOf(i % 3 * 5),
                    new BigDecimal(i % 3 == 0 ? "6" : i % 3 == 1 ? "9" : "13"),
                    new BigDecimal("1000")));
        }
        QuoteCalculator.Totals t = QuoteCalculator.total(inputs);
        List<QuoteView.Line> lines = new ArrayList<>();
        int pos = 1;
        for (QuoteCalculator.PricedLine l : t.lines()) {
            var in = l.input();
            lines.add(new QuoteView.Line(
                    pos++,
                    in.productId(),
                    in.sku(),
                    in.name(),
                    in.unit(),
                    in.quantity(),
                    in.listPrice(),
                    in.discount(),
                    l.unitPrice(),
                    in.taxRate(),
                    l.net(),
                    l.tax(),
                    l.gross(),
                    null));
        }
        OffsetDateTime now = OffsetDateTime.of(2026, 11, 27, 10, 0, 0, 0, ZoneOffset.ofHours(8));
        return new QuoteView(
                1,
                "QT-2026-000123",
                2,
                "QT-2026-000123 rev 2",
                1,
                "张伟",
                1,
                "万科企业股份有限公司",
                1L,
                null,
                QuoteStatus.SENT,
                "数字化销售能力提升项目",
                "付款方式：合同签订后 10 个工作日内支付 50%，开课前支付余款\n交付：签约后 30 日内开课",
                7,
                LocalDate.of(2026, 12, 4),
                t.listTotal(),
                t.discountTotal(),
                t.subtotal(),
                t.taxTotal(),
                t.total(),
                ChineseAmount.of(t.total()),
                t.maxDiscount(),
                null,
                null,
                null,
                now,
                now,
                now,
                now,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                lines,
                List.of(),
                null);
    }

    public static byte[] renderSample() {
        return PDF.render(
                sample(), "https://lantern.example.com/public/quotes/Jx3c9Qm2k5V8bN1pR7tY4wZ6aD0fH2jL9sE3uG5iK8o");
    }
}
