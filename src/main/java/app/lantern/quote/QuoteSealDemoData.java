package app.lantern.quote;

import static lantern.db.Tables.QUOTE_BLOBS;

import app.lantern.shared.demo.DemoContext;
import app.lantern.shared.demo.DemoDataContributor;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import javax.imageio.ImageIO;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * So that finance can stamp on a fresh demo: a company seal (a red round seal with the company name, drawn here) and
 * the organisation certificate (self-signed) exist from the first start. An uploaded seal is never replaced.
 */
@Component
class QuoteSealDemoData implements DemoDataContributor {

    private static final int SIZE = 360;

    private final DSLContext db;
    private final OrgCertificate certificate;
    private final String company;

    QuoteSealDemoData(
            DSLContext db, OrgCertificate certificate, @Value("${lantern.quote.company:明灯科技有限公司}") String company) {
        this.db = db;
        this.certificate = certificate;
        this.company = company;
    }

    @Override
    public int order() {
        return 451;
    }

    @Override
    public void contribute(DemoContext context) {
        if (!db.fetchExists(QUOTE_BLOBS, QUOTE_BLOBS.NAME.eq(QuoteSeal.SEAL_BLOB))) {
            db.insertInto(QUOTE_BLOBS)
                    .set(QUOTE_BLOBS.NAME, QuoteSeal.SEAL_BLOB)
                    .set(QUOTE_BLOBS.CONTENT, sealPng(company))
                    .set(QUOTE_BLOBS.INFO, "image/png")
                    .set(QUOTE_BLOBS.UPDATED_AT, OffsetDateTime.now(context.clock()))
                    .execute();
        }
        certificate.signingKey();
    }

    /** A round red seal: the company name along the upper rim, a star in the middle, 报价专用章 below it. */
    static byte[] sealPng(String company) {
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            Color red = new Color(212, 28, 28, 230);
            g.setColor(red);
            g.setStroke(new BasicStroke(10));
            g.drawOval(8, 8, SIZE - 16, SIZE - 16);
            g.fill(star(SIZE / 2.0, SIZE / 2.0, 52, 21));
            Font base = font();
            drawArc(g, company, base.deriveFont(Font.BOLD, 42f));
            g.setFont(base.deriveFont(Font.BOLD, 34f));
            String label = "报价专用章";
            int w = g.getFontMetrics().stringWidth(label);
            g.drawString(label, (SIZE - w) / 2, SIZE / 2 + 110);
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void drawArc(Graphics2D g, String text, Font font) {
        g.setFont(font);
        double radius = SIZE / 2.0 - 58;
        double sweep = Math.toRadians(Math.min(250, 26 * text.length()));
        double start = -Math.PI / 2 - sweep / 2;
        for (int i = 0; i < text.length(); i++) {
            double angle = text.length() == 1 ? -Math.PI / 2 : start + sweep * i / (text.length() - 1);
            AffineTransform saved = g.getTransform();
            g.translate(SIZE / 2.0 + radius * Math.cos(angle), SIZE / 2.0 + radius * Math.sin(angle));
            g.rotate(angle + Math.PI / 2);
            String c = String.valueOf(text.charAt(i));
            g.drawString(
                    c,
                    -g.getFontMetrics().stringWidth(c) / 2,
                    g.getFontMetrics().getAscent() / 2);
            g.setTransform(saved);
        }
    }

    private static Path2D star(double cx, double cy, double outer, double inner) {
        Path2D p = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? outer : inner;
            double a = -Math.PI / 2 + Math.PI * i / 5;
            if (i == 0) {
                p.moveTo(cx + r * Math.cos(a), cy + r * Math.sin(a));
            } else {
                p.lineTo(cx + r * Math.cos(a), cy + r * Math.sin(a));
            }
        }
        p.closePath();
        return p;
    }

    /** The CJK face shipped for the PDF, so the seal's characters render on machines without Chinese fonts. */
    private static Font font() {
        try (InputStream in = QuoteSealDemoData.class.getResourceAsStream(QuotePdf.FONT_RESOURCE)) {
            if (in != null) {
                return Font.createFonts(in)[0];
            }
        } catch (IOException | FontFormatException e) {
            // fall through to the logical font
        }
        return new Font(Font.SANS_SERIF, Font.BOLD, 40);
    }
}
