package app.lantern.quote;

import static app.lantern.quote.QuoteTestData.line;
import static app.lantern.quote.QuoteTestData.unique;
import static lantern.db.Tables.QUOTE_WEBHOOK_DELIVERIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lantern.audit.AuditTrail;
import app.lantern.notification.NotificationChannels;
import app.lantern.pipeline.BudgetRange;
import app.lantern.shared.ValidationException;
import app.lantern.testing.WebSession;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Holes found by the attack run on a demo instance (issue 13): H2 price books, H9 PNG bombs, H10 Host header links,
 * the unauthenticated inbound callback flooding the audit log, retries of a deactivated webhook.
 */
@SpringBootTest(
        properties = {
            "lantern.quote.inbound-secret=test-inbound-secret",
            "lantern.public-hosts=localhost,crm.example.cn"
        })
@AutoConfigureMockMvc
class QuoteHardeningTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    QuoteTestData data;

    @Autowired
    Quotes quotes;

    @Autowired
    QuoteDrafting drafting;

    @Autowired
    QuoteApprovals approvals;

    @Autowired
    QuoteSigning signing;

    @Autowired
    Catalog catalog;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    FinanceWebhooks webhooks;

    @Autowired
    NotificationChannels channels;

    @Autowired
    AuditTrail trail;

    @Autowired
    MeterRegistry meters;

    @Autowired
    DSLContext db;

    @Autowired
    TransactionTemplate tx;

    @AfterEach
    void signOut() {
        QuoteTestData.signOut();
    }

    private static QuoteDrafting.QuoteDraft withBook(long opportunity, long priceBookId, Product p) {
        return new QuoteDrafting.QuoteDraft(
                null, opportunity, priceBookId, null, null, null, List.of(line(p, "2", "10")), null);
    }

    @Test
    void aTierPriceBookIsRefusedForACustomerOfAnotherTierInsteadOfSkippingApproval() {
        Product course = data.product("协议价课程", "10000.00", "3000.00", "6");
        PriceBook book = catalog.createPriceBook(unique("A 级客户协议价"), "A");
        catalog.setPrice(book.id(), course.id(), new BigDecimal("9500.00"));

        // the reproduction: a rep picks the A-tier book for a customer with no tier and adds their own 10 %
        long unscored = data.opportunity("rep1", unique("无等级客户"), BudgetRange.FROM_50K_TO_200K);
        data.signIn("rep1");
        assertThatThrownBy(() -> drafting.create(withBook(unscored, book.id(), course)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.status()).isBetween(400, 499);
                    assertThat(e.errors()).extracting(f -> f.field()).containsExactly("priceBookId");
                });
        long tierB = data.opportunity("rep1", unique("B 级客户"), BudgetRange.FROM_50K_TO_200K, "B");
        assertThatThrownBy(() -> drafting.create(withBook(tierB, book.id(), course)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> drafting.preview(null, withBook(tierB, book.id(), course)))
                .as("the preview refuses what creating would refuse")
                .isInstanceOf(ValidationException.class);

        // an A-tier customer gets the agreed prices, within the rep's own discount limit
        long tierA = data.opportunity("rep1", unique("A 级客户"), BudgetRange.FROM_50K_TO_200K, "A");
        QuoteView q = drafting.create(withBook(tierA, book.id(), course));
        assertThat(q.priceBookId()).isEqualTo(book.id());
        assertThat(q.lines().getFirst().listPrice()).isEqualByComparingTo("9500.00");
    }

    /** A PNG of a few hundred bytes whose header declares the given size (its pixel data is a tiny zlib stream). */
    static byte[] pngDeclaring(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(
                out,
                "IHDR",
                ByteBuffer.allocate(13)
                        .putInt(width)
                        .putInt(height)
                        .put((byte) 8)
                        .put((byte) 6)
                        .put((byte) 0)
                        .put((byte) 0)
                        .put((byte) 0)
                        .array());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[4096]);
        deflater.finish();
        byte[] idat = new byte[256];
        int n = deflater.deflate(idat);
        chunk(out, "IDAT", Arrays.copyOf(idat, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @Test
    void aSignatureDeclaringMoreThan3000PixelsIsRefusedFromItsHeader() {
        byte[] bomb = pngDeclaring(5000, 5000);
        assertThat(bomb.length).isLessThan(1024);
        assertThat(PngSize.of(bomb)).contains(new PngSize(5000, 5000));

        Product p = data.product("签名测试课程", "1000.00", "100.00", "6");
        long opp = data.opportunity("rep1", unique("签名炸弹客户"), BudgetRange.FROM_50K_TO_200K);
        long id = approvals
                .submit(drafting.create(QuoteTestData.draft(opp, List.of(line(p, "1", "0"))))
                        .id())
                .id();
        String url = signing.send(id).signingUrl();
        String token = url.substring(url.lastIndexOf('/') + 1);
        QuoteTestData.signOut();
        String sha = signing.publicView(token).documentSha256();
        var request = new QuoteSigning.SignRequest(
                "李总", "data:image/png;base64," + Base64.getEncoder().encodeToString(bomb), true, sha);
        assertThatThrownBy(() -> signing.sign(token, request, "203.0.113.9", "JUnit"))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(f -> {
                            assertThat(f.field()).isEqualTo("signature");
                            assertThat(f.message()).contains("3000");
                        }));
        assertThat(signing.publicView(token).state()).isEqualTo("OPEN");
    }

    @Test
    void aSigningLinkNeverTakesItsHostFromTheHostHeader() throws Exception {
        Product p = data.product("链接测试课程", "1000.00", "100.00", "6");
        long opp = data.opportunity("rep1", unique("链接客户"), BudgetRange.FROM_50K_TO_200K);
        long id = approvals
                .submit(drafting.create(QuoteTestData.draft(opp, List.of(line(p, "1", "0"))))
                        .id())
                .id();
        QuoteTestData.signOut();
        MvcTestResult sent = mvc.post()
                .uri("/api/v1/quotes/{id}/send", id)
                .header("Authorization", WebSession.token(mvc, "rep1"))
                .header("Host", "evil.example")
                .exchange();
        assertThat(sent).hasStatusOk();
        String link = JSON.readTree(sent.getResponse().getContentAsByteArray())
                .get("signingUrl")
                .asString();
        assertThat(link).doesNotContain("evil.example").startsWith("http://localhost");
        data.signIn("rep1");
        byte[] pdf = signing.pdf(id).content();
        if (PdfTools.available("pdftotext")) {
            assertThat(PdfTools.run("pdftotext", pdf)).doesNotContain("evil.example");
        }
    }

    @Autowired
    Clock clock;

    private double rejected() {
        return meters.find(InboundStampCallbacks.REJECTED_METER).counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    @Test
    void unauthenticatedStampCallbacksAreThrottledPerSourceAndCountedInsteadOfAudited() {
        long audited = trail.history("quote-inbound", "stamped").size();
        double before = rejected();
        String body = "{\"number\":\"QT-2026-000001\",\"revision\":1}";
        long now = clock.instant().getEpochSecond();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            statuses.add(inbound(body, now, "00".repeat(32), "10.77.0.1")
                    .getResponse()
                    .getStatus());
        }
        assertThat(statuses.subList(0, 25)).as("refused as unauthenticated").containsOnly(401);
        assertThat(statuses.subList(35, 40)).as("then throttled").containsOnly(429);
        assertThat(inbound(body, now, "00".repeat(32), "10.77.0.2"))
                .as("another source has its own allowance")
                .hasStatus(401);
        assertThat(trail.history("quote-inbound", "stamped"))
                .as("no audit row per unauthenticated call")
                .hasSize((int) audited);
        assertThat(rejected() - before).as("each refusal is counted").isEqualTo(41);
    }

    private MvcTestResult inbound(String body, long ts, String signature, String source) {
        return mvc.post()
                .uri("/api/v1/inbound/quotes/stamped")
                .with(r -> {
                    r.setRemoteAddr(source);
                    return r;
                })
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Lantern-Timestamp", String.valueOf(ts))
                .header("X-Lantern-Signature", signature)
                .content(body)
                .exchange();
    }

    @Test
    void deactivatingAWebhookCancelsItsPendingRetries() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/down", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        try {
            data.signIn("admin");
            channels.allowHost("127.0.0.1");
            long hook = webhooks.addWebhook(
                            "http://127.0.0.1:" + server.getAddress().getPort() + "/down")
                    .webhook()
                    .id();
            Product p = data.product("回调课程", "1000.00", "100.00", "6");
            long opp = data.opportunity("rep1", unique("回调客户"), BudgetRange.FROM_50K_TO_200K);
            long id = approvals
                    .submit(drafting.create(QuoteTestData.draft(opp, List.of(line(p, "1", "0"))))
                            .id())
                    .id();
            String url = signing.send(id).signingUrl();
            String token = url.substring(url.lastIndexOf('/') + 1);
            QuoteTestData.signOut();
            String sha = signing.publicView(token).documentSha256();
            signing.sign(
                    token,
                    new QuoteSigning.SignRequest("赵总", QuoteTestData.drawnSignature(), true, sha),
                    "198.51.100.9",
                    "x");
            webhooks.deliverDue();
            assertThat(calls.get())
                    .as("first attempt fails and is queued for a retry")
                    .isEqualTo(1);
            assertThat(statusesOf(hook)).containsOnly(FinanceWebhooks.PENDING);

            data.signIn("admin");
            webhooks.setActive(hook, false);
            tx.executeWithoutResult(s -> db.update(QUOTE_WEBHOOK_DELIVERIES)
                    .set(
                            QUOTE_WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT,
                            OffsetDateTime.now(clock).minusHours(1))
                    .where(QUOTE_WEBHOOK_DELIVERIES.WEBHOOK_ID.eq(hook))
                    .execute());
            webhooks.deliverDue();
            assertThat(calls.get())
                    .as("no retry after the webhook was switched off")
                    .isEqualTo(1);
            assertThat(statusesOf(hook)).containsOnly(FinanceWebhooks.CANCELLED);
        } finally {
            server.stop(0);
        }
    }

    private List<String> statusesOf(long hook) {
        return db.select(QUOTE_WEBHOOK_DELIVERIES.STATUS)
                .from(QUOTE_WEBHOOK_DELIVERIES)
                .where(QUOTE_WEBHOOK_DELIVERIES.WEBHOOK_ID.eq(hook))
                .fetch(QUOTE_WEBHOOK_DELIVERIES.STATUS);
    }
}
