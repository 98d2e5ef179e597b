package app.lantern.quote;

import org.springframework.stereotype.Component;

/**
 * The quote module's PDF renderer for other modules' reports: XHTML in, PDF out, Chinese rendered with the embedded
 * CJK font (use {@code font-family: LanternCJK}).
 */
@Component
public class PdfDocuments {

    public static final String FONT_FAMILY = QuotePdf.FONT_FAMILY;

    public byte[] fromXhtml(String xhtml, String title) {
        return QuotePdf.renderHtml(xhtml, title, "Lantern");
    }
}
