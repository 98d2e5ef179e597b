package app.lantern.quote;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Renders a quote to PDF: letterhead, lines, totals with 大写金额, terms, validity, a diagonal watermark naming the
 * customer, quote number and expiry on every page, and a QR code of the signing link. Chinese text uses WenQuanYi Micro
 * Hei, shipped in the jar (one TrueType face of the .ttc, embedded as a subset), so it renders on machines without
 * fonts and stays extractable.
 */
@Component
class QuotePdf {

    static final String FONT_RESOURCE = "/fonts/wqy-microhei.ttc";
    static final String FONT_FAMILY = "LanternCJK";
    /** The lines the stamped document's signature and seal are placed on, and the note they replace. */
    static final String CUSTOMER_LINE = "客户确认（签字/盖章）：";

    static final String COMPANY_LINE = "（盖章）：";
    static final String SIGNING_NOTE = "扫描右上角二维码或访问以下链接在线查看并签署：";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final AtomicReference<byte[]> FONT = new AtomicReference<>();
    private static final java.util.concurrent.BlockingQueue<TrueTypeFont> FONTS =
            new java.util.concurrent.ArrayBlockingQueue<>(8);

    private final Letterhead letterhead;

    static {
        // openhtmltopdf logs every rendering at INFO through java.util.logging; quotes render often
        com.openhtmltopdf.util.XRLog.listRegisteredLoggers()
                .forEach(name -> java.util.logging.Logger.getLogger(name).setLevel(java.util.logging.Level.WARNING));
    }

    QuotePdf(
            @Value("${lantern.quote.company:明灯科技有限公司}") String company,
            @Value("${lantern.quote.company-address:上海市浦东新区张江路 88 号}") String address,
            @Value("${lantern.quote.company-phone:021-5080 8888}") String phone,
            @Value("${lantern.quote.company-bank:招商银行上海张江支行 1219 0888 8888 888}") String bank) {
        this.letterhead = new Letterhead(company, address, phone, bank);
    }

    Letterhead letterhead() {
        return letterhead;
    }

    /** Organisation details printed at the top of each quote. */
    record Letterhead(String company, String address, String phone, String bank) {}

    /**
     * @param signingUrl link printed and encoded as QR code; null for drafts (then the PDF says it is a draft)
     */
    byte[] render(QuoteView q, String signingUrl) {
        return renderHtml(html(q, signingUrl), "报价单 " + q.displayNumber(), letterhead.company());
    }

    /** Renders XHTML whose text uses the font family {@value #FONT_FAMILY} (CJK) to a PDF with the given title. */
    static byte[] renderHtml(String html, String title, String author) {
        TrueTypeFont ttf = borrowFont();
        try (PDDocument doc = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024)) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(doc);
            builder.useFont(new PDFontSupplier(PDType0Font.load(doc, ttf, true)), FONT_FAMILY);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            try (var renderer = builder.buildPdfRenderer()) {
                renderer.getPdfDocument().getDocumentInformation().setTitle(title);
                renderer.getPdfDocument().getDocumentInformation().setAuthor(author);
                renderer.getPdfDocument().getDocumentInformation().setProducer("Lantern");
                renderer.createPDF();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            FONTS.offer(ttf);
        }
    }

    /**
     * Parsed font faces are reused, one document at a time each: PDFBox reads glyphs from the face while it subsets the
     * font on save, so a face is never shared by two renderings at once.
     */
    static TrueTypeFont borrowFont() {
        TrueTypeFont font = FONTS.poll();
        if (font != null) {
            return font;
        }
        try {
            return cjkFont();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the face from the collection shipped in the jar. */
    static TrueTypeFont cjkFont() throws IOException {
        byte[] bytes = FONT.get();
        if (bytes == null) {
            try (InputStream in = QuotePdf.class.getResourceAsStream(FONT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("font " + FONT_RESOURCE + " missing from the jar");
                }
                bytes = in.readAllBytes();
            }
            FONT.compareAndSet(null, bytes);
        }
        TrueTypeCollection collection = new TrueTypeCollection(new java.io.ByteArrayInputStream(bytes));
        TrueTypeFont font = collection.getFontByName("WenQuanYiMicroHei");
        if (font == null) {
            AtomicReference<TrueTypeFont> first = new AtomicReference<>();
            collection.processAllFonts(f -> first.compareAndSet(null, f));
            font = first.get();
        }
        return font;
    }

    String html(QuoteView q, String signingUrl) {
        StringBuilder h = new StringBuilder(16 * 1024);
        String watermark = q.customerName() + " · " + q.displayNumber() + " · 有效期至 "
                + q.validUntil().format(DATE);
        h.append("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"/><title>")
                .append(esc("报价单 " + q.displayNumber()))
                .append("</title><style>")
                .append(
                        "@page{size:A4;margin:16mm 14mm 18mm 14mm;@bottom-center{content:'第 ' counter(page) ' 页 / 共 ' counter(pages) ' 页';font-family:")
                .append(FONT_FAMILY)
                .append(";font-size:8pt;color:#888}}")
                .append("body{font-family:")
                .append(FONT_FAMILY)
                .append(";font-size:9.5pt;color:#222}")
                .append(
                        ".wm{position:fixed;z-index:-1;top:125mm;left:-5mm;width:190mm;text-align:center;transform:rotate(-35deg);font-size:17pt;color:#f3c4c2}")
                .append(".head{border-bottom:2px solid #1f4e79;padding-bottom:4mm;margin-bottom:4mm}")
                .append(".company{font-size:16pt;font-weight:bold;color:#1f4e79}.muted{color:#666;font-size:8.5pt}")
                .append("h1{font-size:15pt;margin:2mm 0;text-align:center;letter-spacing:4pt}")
                .append(
                        "table{width:100%;border-collapse:collapse}th,td{border:1px solid #bbb;padding:1.2mm 1mm;font-size:8.5pt}.nw{white-space:nowrap}th{background:#eef3f8;font-weight:normal}")
                .append(
                        ".r{text-align:right}.c{text-align:center}.meta td{border:none;padding:0.6mm 0}.tot td{border:none;padding:0.8mm 1mm}")
                .append(
                        ".big{font-size:11pt;font-weight:bold}.qr{width:30mm;height:30mm;image-rendering:pixelated}.draft{color:#d9534f;font-weight:bold}")
                .append("</style></head><body>");
        h.append("<div class=\"wm\">").append(esc(watermark)).append("</div>");
        h.append("<div class=\"head\"><table class=\"meta\"><tr><td><div class=\"company\">")
                .append(esc(letterhead.company()))
                .append("</div>")
                .append("<div class=\"muted\">")
                .append(esc(letterhead.address()))
                .append(" · 电话 ")
                .append(esc(letterhead.phone()))
                .append("</div>")
                .append("<div class=\"muted\">开户行及账号：")
                .append(esc(letterhead.bank()))
                .append("</div></td>");
        h.append("<td class=\"r\" style=\"width:34mm\">");
        if (signingUrl != null) {
            h.append("<img class=\"qr\" src=\"data:image/png;base64,")
                    .append(qrPng(signingUrl))
                    .append("\"/>");
        }
        h.append("</td></tr></table></div>");
        h.append("<h1>报 价 单</h1>");
        h.append("<table class=\"meta\"><tr><td>客户：")
                .append(esc(q.customerName()))
                .append("</td><td class=\"r\">报价单号：")
                .append(esc(q.displayNumber()))
                .append("</td></tr><tr><td>")
                .append(q.title() == null ? "" : "项目：" + esc(q.title()))
                .append("</td><td class=\"r\">报价日期：")
                .append((q.sentAt() != null
                                ? q.sentAt().toLocalDate()
                                : q.createdAt().toLocalDate())
                        .format(DATE))
                .append("</td></tr><tr><td>销售代表：")
                .append(esc(q.ownerName() == null ? "" : q.ownerName()))
                .append("</td><td class=\"r\">有效期至：<b>")
                .append(q.validUntil().format(DATE))
                .append("</b>（")
                .append(q.validDays())
                .append(" 天）</td></tr></table>");
        h.append(
                        "<table style=\"margin-top:3mm\"><thead><tr><th class=\"c nw\">序号</th><th>编码</th><th>名称</th><th class=\"c nw\">单位</th><th class=\"r nw\">数量</th>")
                .append(
                        "<th class=\"r\">标准价</th><th class=\"r nw\">折扣</th><th class=\"r\">单价</th><th class=\"r\">金额(不含税)</th><th class=\"r nw\">税率</th>")
                .append("<th class=\"r\">税额</th><th class=\"r\">价税合计</th></tr></thead><tbody>");
        for (QuoteView.Line l : q.lines()) {
            h.append("<tr><td class=\"c\">")
                    .append(l.position())
                    .append("</td><td class=\"nw\">")
                    .append(esc(l.sku()))
                    .append("</td><td>")
                    .append(esc(l.name()))
                    .append("</td><td class=\"c nw\">")
                    .append(esc(l.unit()))
                    .append("</td><td class=\"r\">")
                    .append(plain(l.quantity()))
                    .append("</td><td class=\"r\">")
                    .append(money(l.listPrice()))
                    .append("</td><td class=\"r\">")
                    .append(l.discount().signum() == 0 ? "—" : plain(l.discount()) + "%")
                    .append("</td><td class=\"r\">")
                    .append(money(l.unitPrice()))
                    .append("</td><td class=\"r\">")
                    .append(money(l.netAmount()))
                    .append("</td><td class=\"r\">")
                    .append(plain(l.taxRate()))
                    .append("%</td><td class=\"r\">")
                    .append(money(l.taxAmount()))
                    .append("</td><td class=\"r\">")
                    .append(money(l.grossAmount()))
                    .append("</td></tr>");
        }
        h.append("</tbody></table>");
        h.append(
                        "<table class=\"tot\" style=\"margin-top:2mm\"><tr><td class=\"r\">标准价合计：</td><td class=\"r\" style=\"width:32mm\">¥")
                .append(money(q.listTotal()))
                .append("</td></tr><tr><td class=\"r\">折扣优惠：</td><td class=\"r\">-¥")
                .append(money(q.discountTotal()))
                .append("</td></tr><tr><td class=\"r\">不含税金额：</td><td class=\"r\">¥")
                .append(money(q.subtotal()))
                .append("</td></tr><tr><td class=\"r\">增值税：</td><td class=\"r\">¥")
                .append(money(q.taxTotal()))
                .append("</td></tr><tr><td class=\"r big\">价税合计：</td><td class=\"r big\">¥")
                .append(money(q.total()))
                .append("</td></tr><tr><td colspan=\"2\" class=\"r\">人民币大写：<b>")
                .append(esc(q.amountInWords()))
                .append("</b></td></tr></table>");
        h.append("<div style=\"margin-top:4mm\"><b>条款与说明</b><ol style=\"margin:1mm 0 0 0;padding-left:6mm\">");
        if (q.terms() != null) {
            for (String term : q.terms().split("\\R")) {
                if (!term.isBlank()) {
                    h.append("<li>").append(esc(term.strip())).append("</li>");
                }
            }
        }
        h.append("<li>本报价以人民币计价，单价为不含税价，增值税按各行税率逐行计算，金额四舍五入至分。</li>")
                .append("<li>本报价有效期至 ")
                .append(q.validUntil().format(DATE))
                .append("，逾期需重新报价。</li></ol></div>");
        if (signingUrl != null) {
            h.append("<div style=\"margin-top:4mm\" class=\"muted\">")
                    .append(SIGNING_NOTE)
                    .append("<br/>")
                    .append(esc(signingUrl))
                    .append("</div>");
        } else {
            h.append("<div style=\"margin-top:4mm\" class=\"draft\">草稿 · 尚未发送，发送后生成在线签署二维码</div>");
        }
        // room below both lines for the drawn signature and the seal added when the quote is stamped
        h.append("<table class=\"meta\" style=\"margin-top:6mm;page-break-inside:avoid\"><tr>")
                .append("<td style=\"width:50%;height:30mm;vertical-align:top\">")
                .append(CUSTOMER_LINE)
                .append("</td><td style=\"vertical-align:top\">")
                .append(esc(letterhead.company()))
                .append(COMPANY_LINE)
                .append("</td></tr></table>");
        h.append("</body></html>");
        return h.toString();
    }

    static String qrPng(String text) {
        try {
            BitMatrix m = new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 1));
            int scale = 1;
            var img = new java.awt.image.BufferedImage(
                    m.getWidth() * scale, m.getHeight() * scale, java.awt.image.BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    img.setRGB(x, y, m.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            javax.imageio.ImageIO.write(img, "png", out);
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (WriterException | IOException e) {
            throw new IllegalStateException("cannot encode QR code", e);
        }
    }

    static String money(BigDecimal v) {
        return String.format("%,.2f", v);
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** An instant as people in the business time zone read it: {@code yyyy-MM-dd HH:mm}. */
    static String formatTime(java.time.OffsetDateTime t, java.time.ZoneId zone) {
        return t == null ? "" : t.atZoneSameInstant(zone).format(DATE_TIME);
    }
}
