package app.lantern.quote;

import static app.lantern.quote.QuoteTestData.line;
import static app.lantern.quote.QuoteTestData.unique;
import static lantern.db.Tables.QUOTE_BLOBS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import app.lantern.pipeline.BudgetRange;
import app.lantern.shared.demo.DemoContext;
import app.lantern.testing.WebSession;
import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

/** Finance stamps on a fresh demo; the stamped document reads as signed; feedback tags read as words, not keys. */
@SpringBootTest(
        properties = {
            "lantern.quote.inbound-secret=test-inbound-secret",
            "lantern.public-hosts=localhost,crm.example.cn"
        })
@AutoConfigureMockMvc
class QuoteStampingTest {

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
    QuoteSeal seal;

    @Autowired
    QuoteSealDemoData sealDemo;

    @Autowired
    DSLContext db;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Clock clock;

    @Autowired
    MockMvcTester mvc;

    @AfterEach
    void signOut() {
        QuoteTestData.signOut();
    }

    /** A quote of rep1 the customer 李总 signed; returns its id. */
    private long signedQuote(String customer) {
        Product p = data.product("盖章课程", "8000.00", "1000.00", "6");
        long opp = data.opportunity("rep1", customer, BudgetRange.FROM_50K_TO_200K);
        long id = approvals
                .submit(drafting.create(QuoteTestData.draft(opp, List.of(line(p, "2", "0"))))
                        .id())
                .id();
        String url = signing.send(id).signingUrl();
        String token = url.substring(url.lastIndexOf('/') + 1);
        QuoteTestData.signOut();
        String sha = signing.publicView(token).documentSha256();
        signing.sign(
                token,
                new QuoteSigning.SignRequest("李总", QuoteTestData.drawnSignature(), true, sha),
                "203.0.113.9",
                "JUnit");
        return id;
    }

    private void withoutSeal() {
        tx.executeWithoutResult(s -> db.deleteFrom(QUOTE_BLOBS)
                .where(QUOTE_BLOBS.NAME.eq(QuoteSeal.SEAL_BLOB))
                .execute());
    }

    @Test
    void withoutASealFinanceIsToldInItsLanguageWhereToUploadOne() {
        long id = signedQuote(unique("无印章客户"));
        withoutSeal();
        Cookie finance = WebSession.login(mvc, "finance");
        MvcTestResult stamped = mvc.post()
                .uri("/quotes/{id}/seal", id)
                .with(csrf())
                .cookie(finance)
                .exchange();
        assertThat(stamped).hasStatus3xxRedirection();
        MvcTestResult page = mvc.get()
                .uri("/quotes/{id}", id)
                .cookie(finance)
                .flashAttr("sealMissing", true)
                .exchange();
        assertThat(page)
                .bodyText()
                .contains("seal-missing")
                .contains("还没有公司印章图片")
                .contains("/quotes/finance#seal-upload")
                .doesNotContain("upload the company seal image first");
        tx.executeWithoutResult(s -> sealDemo.contribute(new DemoContext(1L, 1, clock)));
    }

    @Test
    void aFreshDemoHasASealSoFinanceStampsAndTheSignatureAndSealSitOnTheirLines() throws Exception {
        withoutSeal();
        tx.executeWithoutResult(s -> sealDemo.contribute(new DemoContext(1L, 1, clock)));
        data.signIn("finance");
        assertThat(seal.sealInfo().present()).isTrue();
        assertThat(seal.certificateInfo().present()).isTrue();
        assertThat(PngSize.of(seal.sealImage().orElseThrow()))
                .hasValueSatisfying(s -> assertThat(s.width()).isGreaterThan(100));

        String customer = unique("盖章客户");
        long id = signedQuote(customer);
        data.signIn("finance");
        assertThat(seal.applySeal(id).status()).isEqualTo(QuoteStatus.STAMPED);
        byte[] stamped = signing.pdf(id).content();

        try (PDDocument doc = Loader.loadPDF(stamped)) {
            Map<String, StampOverlay.Anchor> at = StampOverlay.find(
                    doc, List.of(QuotePdf.CUSTOMER_LINE, QuotePdf.COMPANY_LINE, "客户签署：李总", "盖章时间：", "在线签署"));
            StampOverlay.Anchor line = at.get(QuotePdf.CUSTOMER_LINE);
            StampOverlay.Anchor signed = at.get("客户签署：李总");
            assertThat(signed.page()).isEqualTo(line.page());
            assertThat(line.baseline() - signed.baseline())
                    .as("the signature's caption sits just under the customer's line, not at the page bottom")
                    .isBetween(10f, 80f);
            StampOverlay.Anchor company = at.get(QuotePdf.COMPANY_LINE);
            StampOverlay.Anchor sealed = at.get("盖章时间：");
            assertThat(sealed.page()).isEqualTo(company.page());
            assertThat(company.baseline() - sealed.baseline()).isBetween(10f, 80f);
            assertThat(at).containsKey("在线签署");
        }
        if (PdfTools.available("pdftotext")) {
            assertThat(PdfTools.run("pdftotext", stamped))
                    .as("the signed PDF no longer asks to be signed")
                    .doesNotContain("扫描右上角二维码")
                    .doesNotContain("/public/quotes/")
                    .contains("由 李总 在线签署")
                    .contains(customer);
        }
        if (PdfTools.available("pdfsig")) {
            assertThat(PdfTools.run("pdfsig", stamped)).contains("Signature is Valid");
        }
    }

    @Test
    void feedbackTagsReadAsWordsOnTheQuoteAndInTheWeeklyReport() {
        Product p = data.product("反馈课程", "2000.00", "500.00", "6");
        long opp = data.opportunity("rep1", unique("反馈客户"), BudgetRange.UP_TO_50K);
        long id = approvals
                .submit(drafting.create(QuoteTestData.draft(opp, List.of(line(p, "1", "0"))))
                        .id())
                .id();
        signing.send(id);
        feedback.recordFeedback(id, "PRICE_SENSITIVE", null);
        QuoteTestData.signOut();

        MvcTestResult detail = mvc.get()
                .uri("/quotes/{id}", id)
                .cookie(WebSession.login(mvc, "rep1"))
                .exchange();
        assertThat(detail).hasStatusOk();
        assertThat(detail).bodyText().contains("价格敏感").contains("竞品对比").doesNotContain("quote.feedbackTag.");
        MvcTestResult weekly = mvc.get()
                .uri("/quotes/weekly")
                .cookie(WebSession.login(mvc, "manager1"))
                .exchange();
        assertThat(weekly).hasStatusOk();
        assertThat(weekly).bodyText().contains("价格敏感").doesNotContain("quote.feedbackTag.");
        MvcTestResult english = mvc.get()
                .uri("/quotes/{id}?lang=en", id)
                .cookie(WebSession.login(mvc, "rep1"))
                .exchange();
        assertThat(english).bodyText().contains("Price-sensitive").doesNotContain("quote.feedbackTag.");
    }
}
