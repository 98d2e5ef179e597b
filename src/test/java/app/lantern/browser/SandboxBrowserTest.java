package app.lantern.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.shared.demo.DemoContext;
import app.lantern.shared.demo.DemoDataContributor;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The executive lands on the cockpit (forecast loaded after the page), goes to the sandbox in one click, raises the
 * conversion lever and sees the forecast follow without reloading — on the demo history, on its own database.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties =
                "spring.datasource.url=jdbc:h2:mem:lantern-sandbox-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1")
class SandboxBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    List<DemoDataContributor> contributors;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Clock clock;

    @Test
    void theExecutiveGoesFromTheCockpitToTheSandboxInOneClick() throws Exception {
        DemoContext context = new DemoContext(20260101L, 1, clock);
        contributors.stream()
                .filter(c -> c.order() > 100 && c.order() <= 400)
                .sorted(Comparator.comparingInt(DemoDataContributor::order))
                .forEach(c -> tx.executeWithoutResult(s -> c.contribute(context)));
        try (Browser browser = Browser.open(port)) {
            browser.signIn("exec", "lantern-demo");
            browser.waitFor(By.cssSelector("[data-forecast=month]"));
            // the attribution and diagnostic panels load after the page
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30))
                    .until(d -> d.findElement(By.cssSelector("[data-cockpit]"))
                            .getText()
                            .contains("查看完整归因"));
            assertThat(browser.driver()
                            .findElement(By.cssSelector("[data-cockpit]"))
                            .getText())
                    .contains("P50")
                    .contains("上月归因")
                    .contains("过程健康度雷达");
            browser.screenshot("cockpit-landing");

            browser.go("/cockpit");
            browser.waitFor(By.cssSelector("[data-forecast=quarter]"));
            browser.screenshot("cockpit");
            browser.driver()
                    .findElement(By.cssSelector("#cockpit a[href='/goals/sandbox']"))
                    .click();
            browser.waitFor(By.cssSelector("[data-sandbox-reps]"));
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("var c = document.getElementById('conversion'); c.value = '1.5';"
                            + " c.dispatchEvent(new Event('input', {bubbles: true}));");
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30))
                    .until(d ->
                            d.findElement(By.id("sandbox-results")).getText().contains("×1.5"));

            assertThat(browser.driver()
                            .findElement(By.cssSelector("[data-backtest]"))
                            .getText())
                    .contains("P10–P90");
            browser.screenshot("sandbox");
        }
    }
}
