package app.lantern.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 15: an admin picks "opportunities", uploads a Salesforce export, maps its stage values and imports it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HistoryImportBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void adminImportsDealsWithTheStageMappingStep() throws Exception {
        String run = "Br" + System.nanoTime() % 1_000_000;
        String csv;
        try (var in = getClass().getResourceAsStream("/imports/history/salesforce-opportunities.csv")) {
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{run}", run);
        }
        Path file = Files.createTempFile("salesforce-opportunities", ".csv");
        Files.writeString(file, csv);
        try (Browser browser = Browser.open(port)) {
            WebDriver driver = browser.driver();
            browser.signIn("admin", "lantern-demo");
            browser.go("/customers/imports");
            browser.waitFor(By.id("import-upload"));
            new Select(driver.findElement(By.id("kind"))).selectByValue("opportunities");
            driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
            driver.findElement(By.cssSelector("#import-upload button[type=submit]"))
                    .click();
            browser.waitFor(By.id("stage-mapping"));
            String section = driver.findElement(By.id("stage-mapping")).getText();
            assertThat(section)
                    .contains("Closed Won")
                    .contains("Negotiation/Review")
                    .contains("Prospecting");
            for (var label : driver.findElements(By.cssSelector("#stage-mapping label"))) {
                Select stage = new Select(driver.findElement(By.id(label.getAttribute("for"))));
                String value = label.getText();
                String target = switch (value) {
                    case "Closed Won" -> "SaaS 订阅 · 签约";
                    case "Closed Lost", "Negotiation/Review" -> "SaaS 订阅 · 商务谈判";
                    case "Prospecting" -> "SaaS 订阅 · 初步接洽";
                    case "Value Proposition" -> "SaaS 订阅 · 方案演示";
                    default -> "SaaS 订阅 · 需求确认";
                };
                stage.selectByVisibleText(target);
            }
            browser.screenshot("history-import-mapping");
            driver.findElement(By.cssSelector("#import-mapping button[type=submit]"))
                    .click();
            // the status page refreshes itself while the import runs: a page read mid-refresh is read again
            new WebDriverWait(driver, Duration.ofSeconds(60))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.tagName("main")).getText().contains("已完成"));
            browser.screenshot("history-import-status");
            assertThat(driver.findElements(By.cssSelector("[data-outcome=REJECTED]")))
                    .hasSize(2);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
