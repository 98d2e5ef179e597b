package app.lantern.browser;

import static app.lantern.browser.CustomerDuplicateMergeBrowserTest.click;
import static app.lantern.browser.CustomerDuplicateMergeBrowserTest.within;
import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.alert.AlertRuleRunner;
import app.lantern.alert.Alerts;
import app.lantern.identity.Directory;
import app.lantern.pipeline.Opportunities;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 5: a manager opens the alert board, drills into an at-risk rep and previews that rep's daily brief. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ManagerAlertBoardBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    AlertRuleRunner rules;

    @Autowired
    Alerts alerts;

    @Autowired
    Directory directory;

    @Autowired
    Opportunities opportunities;

    @Autowired
    Clock clock;

    @Test
    void managerDrillsFromAlertBoardIntoAtRiskRepAndReadsTheirBrief() throws Exception {
        // the fact: a rep who has created no opportunity for the last 90 days (other tests may have given some reps
        // deals)
        OffsetDateTime now = OffsetDateTime.now(clock);
        var rep = java.util.stream.IntStream.rangeClosed(1, 18)
                .mapToObj(i -> directory.userByUsername("rep" + (19 - i)).orElseThrow())
                .filter(r -> opportunities
                        .createdBetween(Set.of(r.id()), now.minusDays(90), now)
                        .isEmpty())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "every demo rep has a recent opportunity; no rep can be without new deals"));
        String manager = directory.directManagerOf(rep.id()).orElseThrow().username();
        // the built-in 连续无新增商机 rule trips when the rules run
        rules.evaluateRep(rep.id());
        assertThat(alerts.isAtRisk(rep.id()))
                .as("the rules flag %s as at risk", rep.username())
                .isTrue();

        try (Browser browser = Browser.open(port)) {
            WebDriver driver = browser.driver();
            browser.signIn(manager, "lantern-demo");
            browser.openNav("/alerts");
            browser.waitFor(By.id("at-risk"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).contains("预警看板");
            assertThat(driver.findElement(By.id("at-risk")).getText()).contains(rep.displayName());
            assertThat(driver.findElement(By.id("alerts")).getText())
                    .contains(rep.displayName())
                    .contains("无新增商机");
            browser.screenshot("alert-board");

            click(driver, By.cssSelector("#at-risk a[href='/alerts/reps/" + rep.id() + "']"));
            browser.waitFor(By.id("at-risk-badge"));
            String repPage = driver.findElement(By.tagName("main")).getText();
            assertThat(repPage).contains(rep.displayName()).contains("潜在掉队").contains("无新增商机");
            browser.screenshot("alert-rep");

            // the evidence: the deals table and the rep's tasks; the rep page links straight to the rep's brief
            assertThat(driver.findElement(By.id("deals")).isDisplayed()).isTrue();
            assertThat(driver.findElement(By.id("tasks")).isDisplayed()).isTrue();
            click(driver, By.id("brief-link"));
            within(driver).until(ExpectedConditions.urlContains("repId=" + rep.id()));
            browser.waitFor(By.id("brief"));
            String brief = driver.findElement(By.id("brief")).getText();
            assertThat(brief).contains(rep.displayName());
            assertThat(brief)
                    .as("the brief itself, formatted, not a channel payload")
                    .doesNotContain("**");
            assertThat(driver.findElements(By.cssSelector("[data-channel]")))
                    .as("channel payloads are for admins only")
                    .isEmpty();
            browser.screenshot("alert-brief");

            // the team's goal–action–result roll-up, and the same rep's row in it
            browser.openNav("/goals/progress");
            browser.waitFor(By.id("progress-chart"));
            assertThat(driver.findElement(By.cssSelector("[data-rep='" + rep.id() + "']"))
                            .getText())
                    .contains(rep.displayName());
            browser.screenshot("goal-progress");
            click(driver, By.cssSelector("[data-rep='" + rep.id() + "'] a"));
            browser.waitFor(By.id("actions"));
            assertThat(driver.findElement(By.id("override-form")).isDisplayed()).isTrue();
            browser.screenshot("goal-rep-progress");
        }
    }
}
