package app.lantern.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.pipeline.OpportunityDetails;
import app.lantern.pipeline.OpportunityQueries;
import app.lantern.pipeline.PipelineFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 16: a rep pastes a call on a deal, unticks what is wrong, confirms, and sees the deal's next step updated. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConversationConfirmBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    PipelineFixtures fixtures;

    @Autowired
    OpportunityQueries opportunities;

    @Test
    void pastedCallIsProposedThenConfirmedOntoTheDeal() throws Exception {
        OpportunityDetails opp;
        fixtures.signIn("rep4");
        try {
            opp = fixtures.opportunity(fixtures.customer("rep4")).create();
        } finally {
            fixtures.signOut();
        }
        try (Browser browser = Browser.open(port)) {
            WebDriver driver = browser.driver();
            JavascriptExecutor js = (JavascriptExecutor) driver;
            browser.signIn("rep4", "lantern-demo");
            browser.go("/opportunities/" + opp.id());
            browser.waitFor(By.cssSelector("a[href$='/opportunities/" + opp.id() + "/conversations']"));
            browser.go("/opportunities/" + opp.id() + "/conversations");
            browser.waitFor(By.id("transcript"));
            driver.findElement(By.id("transcript"))
                    .sendKeys("客户：你们这个价格太高了，我们预算就二三十万。我们也在跟纷享销客谈。销售：明白，我下周三之前把调整后的报价发给您。");
            driver.findElement(By.cssSelector("#callDate")).clear();
            driver.findElement(By.cssSelector("#callDate")).sendKeys("10/09/2026");
            driver.findElement(By.cssSelector("form[hx-post] button[type=submit]"))
                    .click();
            browser.waitFor(By.id("confirm-form"));
            String proposal = driver.findElement(By.id("confirm-form")).getText();
            assertThat(proposal).contains("价格", "纷享销客", "200,000");
            browser.screenshot("conversation-proposal");
            js.executeScript("arguments[0].click()", driver.findElement(By.id("comp0")));
            js.executeScript(
                    "arguments[0].click()", driver.findElement(By.cssSelector("#confirm-form button[type=submit]")));
            browser.waitFor(By.cssSelector("a[href$='/opportunities/" + opp.id() + "/conversations']"));
            browser.screenshot("conversation-confirmed-deal");
        }
        fixtures.signIn("rep4");
        try {
            OpportunityDetails after = opportunities.visible(opp.id());
            assertThat(after.nextStep()).contains("报价");
            assertThat(after.nextStepDue()).isNotNull();
            assertThat(java.util.Objects.toString(after.competitors(), "")).doesNotContain("纷享销客");
        } finally {
            fixtures.signOut();
        }
    }
}
