package app.lantern.browser;

import static app.lantern.browser.CustomerDuplicateMergeBrowserTest.click;
import static app.lantern.browser.CustomerDuplicateMergeBrowserTest.within;
import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.pipeline.BudgetRange;
import app.lantern.pipeline.OpportunityDetails;
import app.lantern.pipeline.PipelineFixtures;
import app.lantern.quote.Catalog;
import app.lantern.quote.Product;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 6: build a quote, sign it through the public link in a fresh browser, stamp it as finance, download the signed PDF. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QuoteSigningBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    PipelineFixtures fixtures;

    @Autowired
    Catalog catalog;

    @Test
    void customerSignsThroughTheLinkAndFinanceStampsTheSignedPdf() throws Exception {
        String sku = PipelineFixtures.unique("BRW");
        fixtures.signIn("finance");
        Product course;
        OpportunityDetails opp;
        try {
            course = catalog.create(new Catalog.NewProduct(
                    sku,
                    "销售管理实战课程",
                    Product.ProductKind.PRODUCT,
                    "套",
                    new BigDecimal("48000.00"),
                    new BigDecimal("15000.00"),
                    new BigDecimal("6"),
                    "企业培训",
                    null,
                    List.of()));
            fixtures.signIn("rep3");
            long customer = fixtures.customer("rep3");
            opp = fixtures.opportunity(customer)
                    .amount("96000")
                    .budget(BudgetRange.FROM_50K_TO_200K)
                    .create();
        } finally {
            fixtures.signOut();
        }

        String signingUrl;
        String quoteUrl;
        try (Browser rep = Browser.open(port)) {
            WebDriver driver = rep.driver();
            rep.signIn("rep3", "lantern-demo");
            rep.go("/quotes/new");
            new Select(driver.findElement(By.id("pick-opportunity"))).selectByValue(String.valueOf(opp.id()));
            click(driver, By.cssSelector("form[action='/quotes/new'] button[type=submit]"));
            rep.waitFor(By.id("quote-form"));
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("5–20万");
            new Select(driver.findElements(By.name("productId")).getFirst()).selectByValue(String.valueOf(course.id()));
            WebElement qty = driver.findElements(By.name("quantity")).getFirst();
            qty.clear();
            qty.sendKeys("3");
            within(driver).until(ExpectedConditions.textToBe(By.id("preview-total"), "¥152,640.00"));
            qty.clear();
            qty.sendKeys("2");
            within(driver).until(ExpectedConditions.textToBe(By.id("preview-total"), "¥101,760.00"));
            click(driver, By.cssSelector("#quote-form button[type=submit]"));

            rep.waitFor(By.id("quote-total"));
            quoteUrl = driver.getCurrentUrl().replaceAll("\\?.*$", "");
            assertThat(driver.findElement(By.id("quote-total")).getText()).isEqualTo("¥101,760.00");
            rep.screenshot("quote-draft");

            click(driver, By.id("edit-quote"));
            rep.waitFor(By.id("quote-edit-form"));
            WebElement discount = driver.findElements(By.name("discount")).getFirst();
            discount.clear();
            discount.sendKeys("15");
            within(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("preview-discount")));
            rep.screenshot("quote-edit");
            discount.clear();
            discount.sendKeys("0");
            within(driver).until(ExpectedConditions.invisibilityOfElementLocated(By.id("preview-discount")));
            WebElement days = driver.findElement(By.id("validDays"));
            days.clear();
            days.sendKeys("10");
            click(driver, By.id("save-quote"));
            rep.waitFor(By.id("quote-total"));
            assertThat(driver.findElement(By.tagName("main")).getText())
                    .contains("10 天")
                    .doesNotContain("th:text");
            assertThat(driver.findElement(By.id("amount-in-words")).getText()).isEqualTo("壹拾万壹仟柒佰陆拾元整");

            click(driver, By.id("submit-quote"));
            rep.waitFor(By.id("send-quote"));
            click(driver, By.id("send-quote"));
            rep.waitFor(By.cssSelector("#signing-link a"));
            signingUrl = driver.findElement(By.cssSelector("#signing-link a")).getAttribute("href");
            assertThat(signingUrl).contains("/public/quotes/");
            rep.screenshot("quote-sent");
            rep.go("/opportunities/" + opp.id());
            rep.waitFor(By.cssSelector(".opportunity-panel"));
            assertThat(driver.findElement(By.tagName("main")).getText())
                    .contains("最新报价")
                    .contains("已发送");
            rep.screenshot("quote-opportunity-panels");
            rep.go("/quotes");
            rep.waitFor(By.id("quote-rows"));
            rep.screenshot("quote-list");
        }

        try (Browser customer = Browser.open(port)) {
            WebDriver driver = customer.driver();
            // without lantern.public-base-url the link names the address the rep used, port included
            assertThat(signingUrl).startsWith("http://localhost:" + port + "/public/quotes/");
            driver.get(signingUrl);
            customer.waitFor(By.id("sign-form"));
            assertThat(driver.findElement(By.tagName("body")).getText())
                    .contains("销售管理实战课程")
                    .contains("壹拾万壹仟柒佰陆拾元整");
            driver.findElement(By.id("signerName")).sendKeys("李明");
            WebElement pad = driver.findElement(By.id("signature-pad"));
            ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("arguments[0].scrollIntoView({block:'center', behavior:'instant'})", pad);
            new Actions(driver)
                    .moveToElement(pad, -200, 20)
                    .clickAndHold()
                    .moveByOffset(60, -40)
                    .moveByOffset(60, 50)
                    .moveByOffset(80, -30)
                    .moveByOffset(100, 40)
                    .release()
                    .perform();
            click(driver, By.id("consent"));
            customer.screenshot("quote-public-signing");
            click(driver, By.id("sign-submit"));
            customer.waitFor(By.id("state-signed"));
            assertThat(driver.findElement(By.id("state-signed")).getText()).contains("报价已签署");
            customer.screenshot("quote-public-signed");
        }

        try (Browser finance = Browser.open(port)) {
            WebDriver driver = finance.driver();
            finance.signIn("finance", "lantern-demo");
            finance.go("/quotes/finance");
            finance.waitFor(By.id("seal-upload"));
            Path seal = Files.createTempFile("seal", ".png");
            Files.write(seal, sealPng());
            driver.findElement(By.id("seal-file"))
                    .sendKeys(seal.toAbsolutePath().toString());
            click(driver, By.cssSelector("#seal-upload button[type=submit]"));
            finance.waitFor(By.cssSelector("img[src*='seal.png']"));

            driver.get(quoteUrl);
            finance.waitFor(By.id("signature-card"));
            assertThat(driver.findElement(By.id("signature-card")).getText()).contains("李明");
            click(driver, By.id("apply-seal"));
            within(driver).until(ExpectedConditions.textToBe(By.id("quote-status"), "已盖章"));
            finance.screenshot("quote-stamped");

            String cookies = driver.manage().getCookies().stream()
                    .map(c -> c.getName() + "=" + c.getValue())
                    .collect(Collectors.joining("; "));
            String pdfUrl = driver.findElement(By.id("download-pdf")).getAttribute("href");
            HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(pdfUrl))
                                    .header("Cookie", cookies)
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1))
                    .isEqualTo("%PDF-");
            Path file = Path.of("target", "screenshots", "quote-signed.pdf");
            Files.write(file, pdf.body());
            Path pdfsig = Path.of("/usr/bin/pdfsig");
            if (Files.isExecutable(pdfsig)) {
                Process p = new ProcessBuilder(
                                pdfsig.toString(), file.toAbsolutePath().toString())
                        .redirectErrorStream(true)
                        .start();
                String report = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor();
                assertThat(report).contains("Signature Validation: Signature is Valid");
            }
        }
    }

    /** A red round company seal on a transparent background. */
    private static byte[] sealPng() throws java.io.IOException {
        BufferedImage img = new BufferedImage(240, 240, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(200, 20, 20));
        g.setStroke(new BasicStroke(10));
        g.drawOval(10, 10, 220, 220);
        int[] xs = {120, 135, 170, 142, 152, 120, 88, 98, 70, 105};
        int[] ys = {75, 105, 108, 128, 165, 145, 165, 128, 108, 105};
        g.fillPolygon(xs, ys, xs.length);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
