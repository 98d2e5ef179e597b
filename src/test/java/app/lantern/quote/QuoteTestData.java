package app.lantern.quote;

import static lantern.db.Tables.CUSTOMERS;

import app.lantern.identity.Directory;
import app.lantern.pipeline.BudgetRange;
import app.lantern.pipeline.OpportunityEditing;
import app.lantern.pipeline.OpportunityInput;
import app.lantern.pipeline.Pipelines;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.jooq.DSLContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Test data for quotes: signed-in users, customers, catalog items and quote drafts with unique names. */
@Component
class QuoteTestData {

    private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 100000));

    private final UserDetailsService users;
    private final Directory directory;
    private final DSLContext db;
    private final Catalog catalog;
    private final TransactionTemplate tx;
    private final Pipelines pipelines;
    private final OpportunityEditing opportunities;
    private final Clock clock;

    QuoteTestData(
            UserDetailsService users,
            Directory directory,
            DSLContext db,
            Catalog catalog,
            TransactionTemplate tx,
            Pipelines pipelines,
            OpportunityEditing opportunities,
            Clock clock) {
        this.clock = clock;
        this.pipelines = pipelines;
        this.opportunities = opportunities;
        this.users = users;
        this.directory = directory;
        this.db = db;
        this.catalog = catalog;
        this.tx = tx;
    }

    static String unique(String prefix) {
        return prefix + "-" + SEQ.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
    }

    void signIn(String username) {
        UserDetails principal = users.loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }

    static void signOut() {
        SecurityContextHolder.clearContext();
    }

    long userId(String username) {
        return directory.userByUsername(username).orElseThrow().id();
    }

    /** A customer owned by the user, as the customer module would store it. */
    long customer(String owner, String name, String tier) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return tx.execute(s -> db.insertInto(CUSTOMERS)
                .set(CUSTOMERS.NAME, name)
                .set(CUSTOMERS.OWNER_ID, userId(owner))
                .set(CUSTOMERS.STATUS, "ACTIVE")
                .set(CUSTOMERS.TIER, tier)
                .set(CUSTOMERS.CREATED_AT, now)
                .set(CUSTOMERS.UPDATED_AT, now)
                .returning(CUSTOMERS.ID)
                .fetchOne()
                .getId());
    }

    /** An open opportunity of the owner's customer with the budget range set (null: not set yet); leaves the owner signed in. */
    long opportunity(String owner, String customerName, BudgetRange budget) {
        return opportunity(owner, customerName, budget, null);
    }

    /** As {@link #opportunity(String, String, BudgetRange)} for a customer of the given tier (A–D, null: unscored). */
    long opportunity(String owner, String customerName, BudgetRange budget, String tier) {
        long customer = customer(owner, customerName, tier);
        signIn("admin");
        long pipeline = pipelines.all().stream()
                .filter(p -> p.active())
                .findFirst()
                .orElseGet(() -> pipelines.installTemplates().getFirst())
                .id();
        signIn(owner);
        return opportunities
                .create(new OpportunityInput(
                        customerName + " 培训项目",
                        customer,
                        null,
                        pipeline,
                        null,
                        new BigDecimal("150000"),
                        budget,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of()))
                .id();
    }

    /** A product created by finance; leaves finance signed in. */
    Product product(String name, String listPrice, String cost, String taxRate) {
        signIn("finance");
        return catalog.create(new Catalog.NewProduct(
                unique("SKU"),
                name,
                Product.ProductKind.PRODUCT,
                "套",
                new BigDecimal(listPrice),
                new BigDecimal(cost),
                new BigDecimal(taxRate),
                "企业培训",
                null,
                List.of()));
    }

    static QuoteDrafting.QuoteDraft draft(long opportunityId, List<QuoteDrafting.LineInput> lines) {
        return new QuoteDrafting.QuoteDraft(
                null, opportunityId, null, "数字化培训项目", "付款方式：合同签订后 10 个工作日内支付 50%\n交付：签约后 30 日内开课", null, lines, null);
    }

    static QuoteDrafting.LineInput line(Product p, String qty, String discount) {
        return new QuoteDrafting.LineInput(p.id(), new BigDecimal(qty), new BigDecimal(discount));
    }

    static String drawnSignature() {
        BufferedImage img = new BufferedImage(300, 100, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(4));
        g.drawLine(20, 70, 120, 20);
        g.drawLine(120, 20, 200, 80);
        g.drawLine(200, 80, 280, 30);
        g.dispose();
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(img));
    }

    static byte[] sealPng() {
        BufferedImage img = new BufferedImage(200, 200, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(200, 0, 0));
        g.setStroke(new BasicStroke(8));
        g.drawOval(10, 10, 180, 180);
        g.fillPolygon(
                new int[] {100, 115, 160, 122, 135, 100, 65, 78, 40, 85},
                new int[] {55, 90, 90, 112, 155, 128, 155, 112, 90, 90},
                10);
        g.dispose();
        return png(img);
    }

    static byte[] png(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
