package app.lantern.quote;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Turns the document the customer signed into the stamped one, without re-rendering it: the customer's drawn signature
 * goes on the 客户确认（签字/盖章） line, the company seal on the company's （盖章） line (both found by their text in the
 * PDF), and the "scan to sign" note, which no longer applies, is replaced by when and by whom the quote was signed.
 */
final class StampOverlay {

    /** Where a piece of text sits: page index, left and right edge and baseline in PDF user space (origin bottom left). */
    record Anchor(int page, float x, float endX, float baseline) {}

    /** What goes on the stamped document. */
    record Marks(byte[] seal, byte[] signature, String signedCaption, String sealCaption, String signedNote) {}

    private StampOverlay() {}

    static byte[] apply(byte[] source, Marks marks) {
        try (PDDocument doc = Loader.loadPDF(source);
                ByteArrayOutputStream out = new ByteArrayOutputStream(source.length + 64 * 1024)) {
            Map<String, Anchor> anchors =
                    find(doc, List.of(QuotePdf.CUSTOMER_LINE, QuotePdf.COMPANY_LINE, QuotePdf.SIGNING_NOTE));
            removeText(doc, text -> text.contains(QuotePdf.SIGNING_NOTE) || text.contains("/public/quotes/"));
            PDType0Font font = PDType0Font.load(doc, QuotePdf.cjkFont(), true);
            PDImageXObject seal =
                    LosslessFactory.createFromImage(doc, ImageIO.read(new ByteArrayInputStream(marks.seal())));
            PDImageXObject signature =
                    LosslessFactory.createFromImage(doc, ImageIO.read(new ByteArrayInputStream(marks.signature())));
            int last = doc.getNumberOfPages() - 1;
            float width = doc.getPage(last).getMediaBox().getWidth();
            Anchor customer = anchors.getOrDefault(QuotePdf.CUSTOMER_LINE, new Anchor(last, 60, 160, 110));
            Anchor company =
                    anchors.getOrDefault(QuotePdf.COMPANY_LINE, new Anchor(last, width - 250, width - 90, 110));

            float sigW = 110;
            float sigH = Math.min(42, sigW * signature.getHeight() / Math.max(1, signature.getWidth()));
            try (PDPageContentStream cs = append(doc, customer.page())) {
                cs.drawImage(signature, customer.endX() + 4, customer.baseline() + 8 - sigH, sigW, sigH);
                caption(cs, font, customer.x(), customer.baseline() - 50, marks.signedCaption());
            }
            float sealSize = 96;
            float sealH = sealSize * seal.getHeight() / Math.max(1, seal.getWidth());
            try (PDPageContentStream cs = append(doc, company.page())) {
                cs.drawImage(seal, company.endX() - sealSize * 0.75f, company.baseline() + 14 - sealH, sealSize, sealH);
                caption(cs, font, company.x(), company.baseline() - 50, marks.sealCaption());
            }
            Anchor note = anchors.get(QuotePdf.SIGNING_NOTE);
            if (note != null) {
                try (PDPageContentStream cs = append(doc, note.page())) {
                    caption(cs, font, note.x(), note.baseline(), marks.signedNote());
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PDPageContentStream append(PDDocument doc, int page) throws IOException {
        return new PDPageContentStream(doc, doc.getPage(page), PDPageContentStream.AppendMode.APPEND, true, true);
    }

    private static void caption(PDPageContentStream cs, PDType0Font font, float x, float y, String text)
            throws IOException {
        cs.beginText();
        cs.setFont(font, 8);
        cs.newLineAtOffset(x, y);
        cs.showText(text);
        cs.endText();
    }

    /** The first place each needle occurs (needles must not contain spaces: the text is searched word by word). */
    static Map<String, Anchor> find(PDDocument doc, List<String> needles) throws IOException {
        Map<String, Anchor> found = new HashMap<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                StringBuilder chars = new StringBuilder();
                List<TextPosition> at = new ArrayList<>();
                for (TextPosition p : positions) {
                    for (int k = 0; k < p.getUnicode().length(); k++) {
                        chars.append(p.getUnicode().charAt(k));
                        at.add(p);
                    }
                }
                float height = getCurrentPage().getMediaBox().getHeight();
                for (String needle : needles) {
                    int i = chars.indexOf(needle);
                    if (i >= 0 && !found.containsKey(needle)) {
                        TextPosition first = at.get(i);
                        TextPosition end = at.get(i + needle.length() - 1);
                        found.put(
                                needle,
                                new Anchor(
                                        getCurrentPageNo() - 1,
                                        first.getXDirAdj(),
                                        end.getXDirAdj() + end.getWidthDirAdj(),
                                        height - first.getYDirAdj()));
                    }
                }
            }
        };
        stripper.setSortByPosition(true);
        stripper.getText(doc);
        return found;
    }

    /** Empties every text-showing operation on the pages whose text matches. */
    static void removeText(PDDocument doc, Predicate<String> drop) throws IOException {
        for (PDPage page : doc.getPages()) {
            List<Object> tokens = new PDFStreamParser(page).parse();
            PDFont font = null;
            boolean changed = false;
            for (int i = 0; i < tokens.size(); i++) {
                if (!(tokens.get(i) instanceof Operator op) || i == 0) {
                    continue;
                }
                Object operand = tokens.get(i - 1);
                switch (op.getName()) {
                    case "Tf" ->
                        font = i >= 2 && tokens.get(i - 2) instanceof COSName name
                                ? page.getResources().getFont(name)
                                : null;
                    case "Tj", "'", "\"" -> {
                        if (font != null && operand instanceof COSString s && drop.test(decode(font, s))) {
                            tokens.set(i - 1, new COSString(new byte[0]));
                            changed = true;
                        }
                    }
                    case "TJ" -> {
                        if (font != null && operand instanceof COSArray array && drop.test(decode(font, array))) {
                            tokens.set(i - 1, new COSArray());
                            changed = true;
                        }
                    }
                    default -> {}
                }
            }
            if (changed) {
                PDStream stream = new PDStream(doc);
                try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
                    new ContentStreamWriter(out).writeTokens(tokens);
                }
                page.setContents(stream);
            }
        }
    }

    private static String decode(PDFont font, COSArray array) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < array.size(); i++) {
            if (array.getObject(i) instanceof COSString s) {
                b.append(decode(font, s));
            }
        }
        return b.toString();
    }

    private static String decode(PDFont font, COSString s) throws IOException {
        StringBuilder b = new StringBuilder();
        try (InputStream in = new ByteArrayInputStream(s.getBytes())) {
            while (in.available() > 0) {
                String unicode = font.toUnicode(font.readCode(in));
                if (unicode != null) {
                    b.append(unicode);
                }
            }
        }
        return b.toString();
    }
}
