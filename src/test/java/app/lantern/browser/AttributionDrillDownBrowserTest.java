package app.lantern.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.insight.DemoHistory;
import app.lantern.shared.demo.DemoDataContributor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/** G6: a manager opens last month's attribution, unfolds a rep and drills into the deals behind the weak stage. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:insight-demo;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
            "spring.datasource.username=sa",
            "spring.datasource.password=",
            "lantern.demo-data=false"
        })
class AttributionDrillDownBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    List<DemoDataContributor> contributors;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Clock clock;

    @Test
    void managerDrillsFromTheWaterfallToTheDealsLostAtTheWeakStage() throws Exception {
        DemoHistory.ensure(contributors, tx, clock);
        try (Browser browser = Browser.open(port)) {
            WebDriver driver = browser.driver();
            // a tall window holds every rep's block, so no bar fixed at the window's bottom can sit over a summary
            driver.manage().window().setSize(new Dimension(1280, 2400));
            browser.signIn("manager1", "lantern-demo");
            browser.go("/attribution");
            browser.waitFor(By.cssSelector("[data-team] svg"));
            browser.screenshot("attribution");
            WebElement capability = driver.findElement(By.cssSelector("li[data-key='STAGE:3'] a"));
            WebElement details = capability.findElement(By.xpath("./ancestor::details"));
            click(driver, details.findElement(By.tagName("summary")));
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(true)", capability);
            // the weak rep's block: the first stage-3 link inside an opened details whose rep lost everything there
            List<WebElement> weak = driver.findElements(By.cssSelector("li[data-key='STAGE:3']")).stream()
                    .filter(li -> li.getAttribute("textContent").contains("转化 0 %"))
                    .toList();
            assertThat(weak).isNotEmpty();
            WebElement li = weak.getFirst();
            WebElement box = li.findElement(By.xpath("./ancestor::details"));
            if (box.getAttribute("open") == null) {
                click(driver, box.findElement(By.tagName("summary")));
            }
            click(driver, li.findElement(By.tagName("a")));
            new WebDriverWait(driver, Duration.ofSeconds(30))
                    .until(d ->
                            !box.findElements(By.cssSelector("[data-deals]")).isEmpty());
            browser.screenshot("attribution-drilldown");
            assertThat(box.findElement(By.cssSelector("[data-deals]")).getText())
                    .contains("LOST");
        }
    }

    /**
     * Clicks an element scrolled to the middle of the window. Charts and drill-downs still loading above it can move it
     * between the scroll and the click, so a click that lands on something else is tried again.
     */
    private static void click(WebDriver driver, WebElement element) {
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(ElementClickInterceptedException.class)
                .until(d -> {
                    ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
                    element.click();
                    return true;
                });
    }
}
