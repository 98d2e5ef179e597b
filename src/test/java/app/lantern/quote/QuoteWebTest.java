package app.lantern.quote;

import static app.lantern.quote.QuoteTestData.draft;
import static app.lantern.quote.QuoteTestData.line;
import static app.lantern.quote.QuoteTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import app.lantern.audit.AuditTrail;
import app.lantern.notification.NotificationChannels;
import app.lantern.pipeline.BudgetRange;
import app.lantern.shared.net.WebhookSignature;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.Cookie;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(
        properties = {
            "lantern.quote.inbound-secret=test-inbound-secret",
            "lantern.public-hosts=localhost,crm.example.cn"
        })
@AutoConfigureMockMvc
class QuoteWebTest {

    @Autowired
    Clock clock;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    QuoteTestData data;

    @Autowired
    Quotes quotes;

    @Autowired
    QuoteDrafting drafting;

    @Autowired
    QuoteApprovals approvals;

    @Autowired
    QuoteFeedback feedback;

    @Autowired
    QuoteSigning signing;

    @Autowired
    FinanceWebhooks webhooks;

    @Autowired
    NotificationChannels channels;

    @Autowired
    AuditTrail trail;

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void signOut() {
        QuoteTestData.signOut();
    }

    private String token(String username) {
        MvcTestResult r = mvc.post()
                .uri("/api/v1/auth/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"password\":\"lantern-demo\"}")
                .exchange();
        return JSON.readTree(r.getResponse().getContentAsByteArray())
                .get("token")
                .asString();
    }

    @Test
    void settingsFormsSaveOrSayWhyNotOnThePageTheyCameFrom() {
        Cookie admin = login("admin");
        String code = "BUDGET_FROZEN_" + Long.toString(System.nanoTime(), 36).toUpperCase();
        MvcTestResult bad = mvc.post()
                .uri("/quotes/settings/tags")
                .with(csrf())
                .cookie(admin)
                .param("code", "budget frozen")
                .param("label", "预算冻结")
                .exchange();
        assertThat(bad).hasRedirectedUrl("/quotes/settings");
        assertThat((String) bad.getMvcResult().getFlashMap().get("error")).startsWith("code:");

        MvcTestResult good = mvc.post()
                .uri("/quotes/settings/tags")
                .with(csrf())
                .cookie(admin)
                .param("code", code)
                .param("label", "预算冻结")
                .exchange();
        assertThat(good).hasRedirectedUrl("/quotes/settings");
        assertThat(good.getMvcResult().getFlashMap().get("message")).isEqualTo("saved");
        assertThat(quotes.feedbackTags()).anySatisfy(t -> assertThat(t.code()).isEqualTo(code));

        MvcTestResult manager = mvc.post()
                .uri("/quotes/settings/tags")
                .with(csrf())
                .cookie(login("manager1"))
                .param("code", code + "_X")
                .param("label", "经理加的")
                .exchange();
        assertThat(manager).hasRedirectedUrl("/quotes/settings");
        assertThat((String) manager.getMvcResult().getFlashMap().get("error")).contains("administrators");
        assertThat(quotes.feedbackTags()).noneSatisfy(t -> assertThat(t.code()).isEqualTo(code + "_X"));
    }

    private Cookie login(String username) {
        MvcTestResult r = mvc.post()
                .uri("/login")
                .with(csrf())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("username", username)
                .param("password", "lantern-demo")
                .exchange();
        String header = r.getResponse().getHeaders("Set-Cookie").stream()
                .filter(h -> h.startsWith("LANTERN_SESSION="))
                .reduce((a, b) -> b)
                .orElseThrow();
        return new Cookie("LANTERN_SESSION", header.substring("LANTERN_SESSION=".length(), header.indexOf(';')));
    }

    private static JsonNode json(MvcTestResult r) {
        return JSON.readTree(r.getResponse().getContentAsByteArray());
    }

    /** A quote of rep1 sent to the customer; returns its id and signing token. */
    private String[] sentQuote(String customerName) {
        Product p = data.product("课程", "5000.00", "1000.00", "6");
        long opp = data.opportunity("rep1", customerName, BudgetRange.FROM_50K_TO_200K);
        QuoteView q = approvals.submit(
                drafting.create(draft(opp, List.of(line(p, "3", "5")))).id());
        String url = signing.send(q.id()).signingUrl();
        QuoteTestData.signOut();
        return new String[] {String.valueOf(q.id()), url.substring(url.lastIndexOf('/') + 1)};
    }

    @Test
    void apiCreatesAQuoteFromAnOpportunityWithStringIdsAndChineseCapitals() {
        Product p = data.product("年度会员", "10000.00", "2000.00", "6");
        long opp = data.opportunity("rep1", unique("招商银行股份有限公司"), BudgetRange.FROM_50K_TO_200K);
        QuoteTestData.signOut();
        String rep = token("rep1");
        MvcTestResult created = mvc.post()
                .uri("/api/v1/quotes")
                .header("Authorization", "Bearer " + rep)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"opportunityId\":\"" + opp + "\",\"lines\":[{\"productId\":\"" + p.id()
                        + "\",\"quantity\":10,\"discount\":0}],\"expectedTotal\":106000.00}")
                .exchange();
        assertThat(created).hasStatus(201);
        JsonNode body = json(created);
        assertThat(body.get("id").isString()).isTrue();
        assertThat(body.get("amountInWords").asString()).isEqualTo("壹拾万陆仟元整");
        assertThat(body.has("cost")).as("no cost for reps").isFalse();
        String id = body.get("id").asString();

        MvcTestResult pdf = mvc.get()
                .uri("/api/v1/quotes/" + id + "/pdf")
                .header("Authorization", "Bearer " + rep)
                .exchange();
        assertThat(pdf).hasStatusOk().hasContentType(MediaType.APPLICATION_PDF);
        assertThat(new String(pdf.getResponse().getContentAsByteArray(), 0, 5, StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");

        assertThat(mvc.get()
                        .uri("/api/v1/quotes/" + id)
                        .header("Authorization", "Bearer " + token("rep7"))
                        .exchange())
                .hasStatus(404);
        MvcTestResult asManager = mvc.get()
                .uri("/api/v1/quotes/" + id)
                .header("Authorization", "Bearer " + token("manager1"))
                .exchange();
        assertThat(json(asManager).get("cost").decimalValue()).isEqualByComparingTo("20000.00");
    }

    @Test
    void apiRejectsNegativeQuantitiesAndUnknownFieldsWithProblemDetails() {
        Product p = data.product("课程", "100.00", "10.00", "6");
        long opp = data.opportunity("rep1", unique("客户"), BudgetRange.UP_TO_50K);
        QuoteTestData.signOut();
        String rep = token("rep1");
        MvcTestResult bad = mvc.post()
                .uri("/api/v1/quotes")
                .header("Authorization", "Bearer " + rep)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"opportunityId\":\"" + opp + "\",\"lines\":[{\"productId\":\"" + p.id()
                        + "\",\"quantity\":-2}]}")
                .exchange();
        assertThat(bad).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json(bad).get("errors").get(0).get("field").asString()).isEqualTo("lines[0].quantity");
        MvcTestResult unknown = mvc.post()
                .uri("/api/v1/quotes")
                .header("Authorization", "Bearer " + rep)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"opportunityId\":\"" + opp + "\",\"total\":1}")
                .exchange();
        assertThat(unknown).hasStatus(400);
        MvcTestResult backwards = mvc.get()
                .uri("/api/v1/quotes/approvals/latency?from=2026-11-20&to=2026-11-01")
                .header("Authorization", "Bearer " + rep)
                .exchange();
        assertThat(backwards).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json(backwards).get("errors").get(0).get("field").asString()).isEqualTo("to");
        assertThat(mvc.get()
                        .uri("/api/v1/quotes/approvals/latency?from=2026-11-01&to=2026-11-20")
                        .header("Authorization", "Bearer " + rep)
                        .exchange())
                .hasStatus(200)
                .hasContentType(MediaType.APPLICATION_JSON);
    }

    @Test
    void productsApiShowsCostOnlyToManagersFinanceAndAdmins() {
        Product p = data.product(unique("保密成本产品"), "100.00", "37.00", "13");
        QuoteTestData.signOut();
        MvcTestResult asRep = mvc.get()
                .uri("/api/v1/products/" + p.id())
                .header("Authorization", "Bearer " + token("rep1"))
                .exchange();
        assertThat(asRep).hasStatusOk();
        assertThat(json(asRep).has("cost")).isFalse();
        assertThat(json(asRep).has("marginPercent")).isFalse();
        MvcTestResult asFinance = mvc.get()
                .uri("/api/v1/products/" + p.id())
                .header("Authorization", "Bearer " + token("finance"))
                .exchange();
        assertThat(json(asFinance).get("marginPercent").decimalValue()).isEqualByComparingTo("63.0");
        MvcTestResult createAsRep = mvc.post()
                .uri("/api/v1/products")
                .header("Authorization", "Bearer " + token("rep1"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                        "{\"sku\":\"X-1\",\"name\":\"x\",\"kind\":\"PRODUCT\",\"unit\":\"套\",\"listPrice\":1,\"cost\":1,\"taxRate\":6,\"productLine\":\"x\"}")
                .exchange();
        assertThat(createAsRep).hasStatus(403);
    }

    @Test
    void customerSignsOnThePublicPageWithoutLoginButWithCsrf() {
        String[] q = sentQuote(unique("深圳市腾讯计算机系统有限公司"));
        MvcTestResult page = mvc.get().uri("/public/quotes/" + q[1]).exchange();
        assertThat(page).hasStatusOk();
        assertThat(page)
                .bodyText()
                .contains("深圳市腾讯计算机系统有限公司")
                .contains("sign-form")
                .contains("/js/quote-sign.js")
                .doesNotContain("<script>");
        String sha = signing.publicView(q[1]).documentSha256();

        assertThat(mvc.post()
                        .uri("/public/quotes/" + q[1] + "/sign")
                        .param("signerName", "马总")
                        .param("consent", "true")
                        .param("documentSha256", sha)
                        .param("signature", QuoteTestData.drawnSignature())
                        .exchange())
                .hasStatus(403);
        MvcTestResult tampered = mvc.post()
                .uri("/public/quotes/" + q[1] + "/sign")
                .with(csrf())
                .param("signerName", "马总")
                .param("consent", "true")
                .param("documentSha256", "f".repeat(64))
                .param("signature", QuoteTestData.drawnSignature())
                .exchange();
        assertThat(tampered).hasStatus(422);
        String[] other = sentQuote(unique("招商局集团"));
        MvcTestResult otherDocument = mvc.post()
                .uri("/public/quotes/" + q[1] + "/sign")
                .with(csrf())
                .param("signerName", "马总")
                .param("consent", "true")
                .param("documentSha256", signing.publicView(other[1]).documentSha256())
                .param("signature", QuoteTestData.drawnSignature())
                .exchange();
        assertThat(otherDocument).hasStatus(422);
        data.signIn("rep1");
        assertThat(quotes.get(Long.parseLong(q[0])).status()).isEqualTo(QuoteStatus.SENT);
        assertThat(quotes.get(Long.parseLong(other[0])).status()).isEqualTo(QuoteStatus.SENT);
        assertThat(trail.history("quote", Long.parseLong(q[0])))
                .filteredOn(e -> e.action().equals("quote.sign.refused"))
                .hasSize(2);
        QuoteTestData.signOut();
        MvcTestResult signed = mvc.post()
                .uri("/public/quotes/" + q[1] + "/sign")
                .with(csrf())
                .header("User-Agent", "MobileSafari")
                .param("signerName", "马总")
                .param("consent", "true")
                .param("documentSha256", sha)
                .param("signature", QuoteTestData.drawnSignature())
                .exchange();
        assertThat(signed).hasStatus3xxRedirection();
        MvcTestResult replayed = mvc.post()
                .uri("/public/quotes/" + q[1] + "/sign")
                .with(csrf())
                .param("signerName", "冒名者")
                .param("consent", "true")
                .param("documentSha256", sha)
                .param("signature", QuoteTestData.drawnSignature())
                .exchange();
        assertThat(replayed.getResponse().getStatus()).isBetween(400, 499);
        data.signIn("rep1");
        assertThat(quotes.get(Long.parseLong(q[0])).signature().signerName()).isEqualTo("马总");
        QuoteTestData.signOut();
        assertThat(mvc.get().uri("/public/quotes/" + q[1]).exchange())
                .bodyText()
                .contains("state-signed")
                .doesNotContain("sign-form");
        assertThat(mvc.get().uri("/public/quotes/" + "A".repeat(43)).exchange()).hasStatus(404);

        Cookie finance = login("finance");
        MvcTestResult queue = mvc.get().uri("/quotes/finance").cookie(finance).exchange();
        assertThat(queue).hasStatusOk();
        assertThat(queue).bodyText().contains("stamp-queue");
    }

    @Test
    void inboundCallbackNeedsAFreshSignatureAndRefusesReplays() {
        String[] q = sentQuote(unique("平安银行"));
        String sha = signing.publicView(q[1]).documentSha256();
        signing.sign(
                q[1],
                new QuoteSigning.SignRequest("王总", QuoteTestData.drawnSignature(), true, sha),
                "198.51.100.7",
                "x");
        data.signIn("rep1");
        QuoteView quote = quotes.get(Long.parseLong(q[0]));
        QuoteTestData.signOut();
        String body = "{\"number\":\"" + quote.number() + "\",\"revision\":1,\"reference\":\"FIN-2026-889\"}";
        long now = Instant.now(clock).getEpochSecond();

        assertThat(inbound(
                        body,
                        now,
                        "00"
                                + WebhookSignature.sign("test-inbound-secret", now, body)
                                        .substring(2)))
                .hasStatus(401);
        long stale = now - 600;
        assertThat(inbound(body, stale, WebhookSignature.sign("test-inbound-secret", stale, body)))
                .hasStatus(401);
        data.signIn("rep1");
        assertThat(quotes.get(quote.id()).status()).isEqualTo(QuoteStatus.SIGNED);
        QuoteTestData.signOut();
        assertThat(meters.counter(InboundStampCallbacks.REJECTED_METER, "reason", "bad signature")
                        .count())
                .isPositive();
        assertThat(meters.counter(InboundStampCallbacks.REJECTED_METER, "reason", "stale timestamp")
                        .count())
                .isPositive();
        String good = WebhookSignature.sign("test-inbound-secret", now, body);
        MvcTestResult ok = inbound(body, now, good);
        assertThat(ok).hasStatusOk();
        assertThat(json(ok).get("status").asString()).isEqualTo("STAMPED");
        assertThat(json(ok).get("stampReference").asString()).isEqualTo("FIN-2026-889");
        assertThat(inbound(body, now, good)).hasStatus(409);
    }

    private MvcTestResult inbound(String body, long ts, String signature) {
        return mvc.post()
                .uri("/api/v1/inbound/quotes/stamped")
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Lantern-Timestamp", String.valueOf(ts))
                .header("X-Lantern-Signature", signature)
                .content(body)
                .exchange();
    }

    @Test
    void signedQuoteIsPushedToTheFinanceWebhookWithAVerifiableSignature() throws Exception {
        List<String[]> received = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new String[] {
                exchange.getRequestHeaders().getFirst("X-Lantern-Timestamp"),
                exchange.getRequestHeaders().getFirst("X-Lantern-Signature"),
                body
            });
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            data.signIn("admin");
            channels.allowHost("127.0.0.1");
            FinanceWebhooks.NewWebhook hook = webhooks.addWebhook(
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
            String[] q = sentQuote(unique("宁德时代"));
            String sha = signing.publicView(q[1]).documentSha256();
            signing.sign(
                    q[1],
                    new QuoteSigning.SignRequest("曾总", QuoteTestData.drawnSignature(), true, sha),
                    "198.51.100.8",
                    "x");
            webhooks.deliverDue();
            assertThat(received).anySatisfy(r -> {
                assertThat(r[2]).contains("quote.signed").contains(q[0]);
                assertThat(WebhookSignature.matches(hook.secret(), Long.parseLong(r[0]), r[2], r[1]))
                        .isTrue();
            });
            data.signIn("admin");
            webhooks.setActive(hook.webhook().id(), false);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void pagesShowQuotesToTheirOwnersAndFragmentsToHtmx() {
        Product p = data.product("课程", "2000.00", "500.00", "6");
        long opp = data.opportunity("rep1", unique("美的集团"), BudgetRange.UP_TO_50K);
        QuoteView q = drafting.create(draft(opp, List.of(line(p, "2", "0"))));
        QuoteTestData.signOut();
        Cookie rep = login("rep1");
        MvcTestResult list = mvc.get().uri("/quotes").cookie(rep).exchange();
        assertThat(list).hasStatusOk();
        assertThat(list).bodyText().contains(q.number()).contains("<html");
        MvcTestResult fragment = mvc.get()
                .uri("/quotes?q=" + q.number())
                .header("HX-Request", "true")
                .cookie(rep)
                .exchange();
        assertThat(fragment).hasStatusOk();
        assertThat(fragment).bodyText().contains(q.number()).doesNotContain("<html");
        MvcTestResult detail = mvc.get().uri("/quotes/" + q.id()).cookie(rep).exchange();
        assertThat(detail).bodyText().contains("肆仟贰佰肆拾元整").doesNotContain("quote-margin");
        assertThat(mvc.get().uri("/quotes/" + q.id()).cookie(login("rep2")).exchange())
                .hasStatus(404);
        assertThat(mvc.get().uri("/quotes/" + q.id()).cookie(login("manager1")).exchange())
                .bodyText()
                .contains("quote-margin");
        assertThat(mvc.get().uri("/quotes/new?opportunityId=" + opp).cookie(rep).exchange())
                .bodyText()
                .contains("talking-points");
        assertThat(mvc.get().uri("/quotes/catalog").cookie(rep).exchange()).hasStatusOk();
        assertThat(mvc.get().uri("/").cookie(rep).exchange()).bodyText().contains("data-widget=\"quotes\"");
    }

    @Test
    void opportunityPageShowsTheBudgetTalkingPointsAndTheLatestQuote() {
        data.signIn("manager1");
        List<String> before = quotes.talkingPoints(BudgetRange.FROM_200K_TO_500K);
        String point = unique("先演示多校区排课");
        feedback.setTalkingPoints(BudgetRange.FROM_200K_TO_500K, List.of(point, "强调年度服务包"));
        try {
            Product p = data.product("排课系统", "120000.00", "30000.00", "6");
            long opp = data.opportunity("rep3", unique("海天味业"), BudgetRange.FROM_200K_TO_500K);
            long noBudget = data.opportunity("rep3", unique("格力电器"), null);
            QuoteTestData.signOut();
            Cookie rep = login("rep3");

            MvcTestResult empty =
                    mvc.get().uri("/opportunities/" + opp).cookie(rep).exchange();
            assertThat(empty).hasStatusOk();
            assertThat(empty)
                    .bodyText()
                    .contains("演示话术 · 20–50万")
                    .contains(point)
                    .contains("强调年度服务包")
                    .contains("该商机还没有报价")
                    .contains("/quotes/new?opportunityId=" + opp)
                    .doesNotContain("/quotes/settings");

            data.signIn("rep3");
            QuoteView q = drafting.create(draft(opp, List.of(line(p, "2", "0"))));
            QuoteTestData.signOut();
            MvcTestResult withQuote =
                    mvc.get().uri("/opportunities/" + opp).cookie(rep).exchange();
            assertThat(withQuote)
                    .bodyText()
                    .contains(q.displayNumber() + " · 草稿")
                    .contains("¥254,400.00")
                    .contains("/quotes/" + q.id());

            assertThat(mvc.get().uri("/opportunities/" + noBudget).cookie(rep).exchange())
                    .bodyText()
                    .contains("尚未设置客户预算区间")
                    .contains("/opportunities/" + noBudget + "/edit");
            assertThat(mvc.get()
                            .uri("/opportunities/" + opp)
                            .cookie(login("manager1"))
                            .exchange())
                    .bodyText()
                    .contains("/quotes/settings");
        } finally {
            data.signIn("manager1");
            feedback.setTalkingPoints(BudgetRange.FROM_200K_TO_500K, before);
        }
    }

    @Test
    void aDraftIsEditedInThePageWithLiveTotalsAndTheApiValidations() {
        Product course = data.product("课程包", "10000.00", "3000.00", "6");
        Product service = data.product("实施服务", "5000.00", "2000.00", "6");
        long opp = data.opportunity("rep4", unique("顺丰控股"), BudgetRange.UP_TO_50K);
        QuoteView q = drafting.create(draft(opp, List.of(line(course, "1", "0"))));
        QuoteTestData.signOut();
        Cookie rep = login("rep4");

        MvcTestResult page =
                mvc.get().uri("/quotes/" + q.id() + "/edit").cookie(rep).exchange();
        assertThat(page).hasStatusOk();
        assertThat(page)
                .bodyText()
                .contains("quote-line-editor")
                .contains("壹万零陆佰元整")
                .contains("data-clear-row")
                .doesNotContain("-¥0.00");

        MvcTestResult live = preview(
                rep,
                q,
                List.of(String.valueOf(course.id()), String.valueOf(service.id())),
                List.of("2", "1"),
                List.of("0", "15"));
        assertThat(live).hasStatusOk();
        assertThat(live)
                .bodyText()
                .doesNotContain("<html")
                .contains("¥25,705.00")
                .contains("贰万伍仟柒佰零伍元整")
                .contains("超出您的折扣权限 10%")
                .contains("-¥750.00");
        assertThat(preview(rep, q, List.of(String.valueOf(course.id())), List.of("-1"), List.of("0")))
                .bodyText()
                .contains("lines[0].quantity")
                .doesNotContain("preview-total");

        MvcTestResult saved = mvc.post()
                .uri("/quotes/" + q.id() + "/edit")
                .with(csrf())
                .cookie(rep)
                .param("productId", String.valueOf(course.id()), "", String.valueOf(service.id()))
                .param("quantity", "2", "1", "1")
                .param("discount", "0", "0", "15")
                .param("validDays", "14")
                .param("title", "顺丰培训")
                .exchange();
        assertThat(saved).hasStatus3xxRedirection();
        data.signIn("rep4");
        QuoteView after = quotes.get(q.id());
        assertThat(after.total()).isEqualByComparingTo("25705.00");
        assertThat(after.lines()).hasSize(2);
        assertThat(after.validDays()).isEqualTo(14);
        assertThat(after.title()).isEqualTo("顺丰培训");
        QuoteTestData.signOut();

        MvcTestResult refused = mvc.post()
                .uri("/quotes/" + q.id() + "/edit")
                .with(csrf())
                .cookie(rep)
                .param("productId", String.valueOf(course.id()))
                .param("quantity", "-3")
                .param("discount", "0")
                .exchange();
        assertThat(refused).hasStatusOk();
        assertThat(refused)
                .bodyText()
                .contains("form-errors")
                .contains("lines[0].quantity")
                .contains("value=\"-3\"")
                .doesNotContain("th:text");
        data.signIn("rep4");
        assertThat(quotes.get(q.id()).total()).isEqualByComparingTo("25705.00");
        approvals.submit(q.id());
        QuoteTestData.signOut();
        assertThat(mvc.get().uri("/quotes/" + q.id() + "/edit").cookie(rep).exchange())
                .hasStatus3xxRedirection();
    }

    private MvcTestResult preview(
            Cookie who, QuoteView q, List<String> products, List<String> quantities, List<String> discounts) {
        return mvc.post()
                .uri("/quotes/preview")
                .with(csrf())
                .header("HX-Request", "true")
                .cookie(who)
                .param("quoteId", String.valueOf(q.id()))
                .param("opportunityId", String.valueOf(q.opportunityId()))
                .param("productId", products.toArray(String[]::new))
                .param("quantity", quantities.toArray(String[]::new))
                .param("discount", discounts.toArray(String[]::new))
                .exchange();
    }

    @Test
    void withoutAConfiguredPublicAddressTheSigningLinkNamesTheSendersAddressAndAdminsAreWarned() {
        Product p = data.product("课程", "3000.00", "800.00", "6");
        long opp = data.opportunity("rep5", unique("比亚迪"), BudgetRange.UP_TO_50K);
        QuoteView q = approvals.submit(
                drafting.create(draft(opp, List.of(line(p, "1", "0")))).id());
        QuoteTestData.signOut();
        MvcTestResult sent = mvc.post()
                .uri("http://crm.example.cn/quotes/" + q.id() + "/send")
                .with(csrf())
                .cookie(login("rep5"))
                .header("X-Forwarded-Host", "attacker.example")
                .exchange();
        assertThat(sent).hasStatus3xxRedirection();
        String url = (String) sent.getMvcResult().getFlashMap().get("signingUrl");
        // crm.example.cn is in lantern.public-hosts; forward headers are not trusted unless
        // server.forward-headers-strategy is set
        assertThat(url).startsWith("http://crm.example.cn/public/quotes/").doesNotContain("attacker");
        MvcTestResult settings =
                mvc.get().uri("/quotes/settings").cookie(login("admin")).exchange();
        assertThat(settings).bodyText().contains("public-url-warning").contains("lantern.public-base-url");
    }

    @Test
    void weeklyReportRendersForManagersAndExportsXlsx() {
        Cookie exec = login("exec");
        MvcTestResult page =
                mvc.get().uri("/quotes/weekly?weeks=4").cookie(exec).exchange();
        assertThat(page).hasStatusOk();
        assertThat(page).bodyText().contains("weekly-reps").contains("data-chart");
        MvcTestResult xlsx = mvc.get().uri("/quotes/weekly.xlsx").cookie(exec).exchange();
        assertThat(xlsx).hasStatusOk();
        assertThat(new String(xlsx.getResponse().getContentAsByteArray(), 0, 2, StandardCharsets.US_ASCII))
                .isEqualTo("PK");
    }
}
