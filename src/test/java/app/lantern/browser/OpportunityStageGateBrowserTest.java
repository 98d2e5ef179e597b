package app.lantern.browser;

import static app.lantern.browser.CustomerDuplicateMergeBrowserTest.click;
import static app.lantern.browser.CustomerDuplicateMergeBrowserTest.within;
import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.pipeline.OpportunityDetails;
import app.lantern.pipeline.PipelineFixtures;
import app.lantern.pipeline.PipelineView;
import app.lantern.pipeline.StageView;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 4: dragging a card into a gated stage bounces it back and asks for the missing fields; the health score explains itself. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpportunityStageGateBrowserTest {

    /** Chromium ignores Selenium's synthetic mouse drags for HTML5 DnD, so fire the drag events with one shared DataTransfer. */
    private static final String DRAG = """
            const card = arguments[0], target = arguments[1];
            const dt = new DataTransfer();
            const fire = (el, type) => el.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: dt}));
            fire(card, 'dragstart');
            fire(target, 'dragenter');
            fire(target, 'dragover');
            fire(target, 'drop');
            fire(card, 'dragend');
            """;

    @LocalServerPort
    int port;

    @Autowired
    PipelineFixtures fixtures;

    @Test
    void cardDraggedIntoGatedStageBouncesBackThenMovesOnceMissingFieldsAreFilled() throws Exception {
        fixtures.signIn("rep2");
        OpportunityDetails opp;
        PipelineView pipeline;
        try {
            long customer = fixtures.customer("rep2");
            fixtures.contact(customer, "DECISION_MAKER");
            pipeline = fixtures.medical();
            opp = fixtures.opportunity(customer).amount("380000").create();
        } finally {
            fixtures.signOut();
        }
        StageView first = pipeline.firstStage();
        StageView visit = pipeline.stages().get(1); // 科室拜访: needs contacts and core need
        assertThat(opp.stageId()).isEqualTo(first.id());

        try (Browser browser = Browser.open(port)) {
            WebDriver driver = browser.driver();
            browser.signIn("rep2", "lantern-demo");
            browser.go("/opportunities/board?pipelineId=" + pipeline.id() + "&ownerId=" + fixtures.userId("rep2"));
            By card = By.id("opp-" + opp.id());
            By inFirst = By.cssSelector(".kanban-cards[data-stage-id='" + first.id() + "'] #opp-" + opp.id());
            By inVisit = By.cssSelector(".kanban-cards[data-stage-id='" + visit.id() + "'] #opp-" + opp.id());
            browser.waitFor(inFirst);

            WebElement target = driver.findElement(By.cssSelector(".kanban-cards[data-stage-id='" + visit.id() + "']"));
            ((JavascriptExecutor) driver).executeScript(DRAG, driver.findElement(card), target);

            // the server refuses: the gate form for the missing fields opens and the card is back in its column
            within(driver)
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#gate-modal .gate-form")));
            String gate = driver.findElement(By.id("gate-body")).getText();
            assertThat(gate).contains(visit.name());
            within(driver).until(ExpectedConditions.presenceOfElementLocated(inFirst));
            assertThat(driver.findElements(inVisit)).isEmpty();
            browser.screenshot("pipeline-gate-form");

            new Select(driver.findElement(By.id("gate-contacts"))).selectByIndex(1);
            driver.findElement(By.id("gate-coreNeed")).sendKeys("替换院内老旧 CT，提升影像科检查效率");
            click(driver, By.cssSelector("#gate-body button[type=submit]"));

            // the page refreshes with the card in 科室拜访
            browser.waitFor(inVisit);
            assertThat(driver.findElements(inFirst)).isEmpty();
            browser.screenshot("pipeline-card-moved");

            click(driver, By.cssSelector("#opp-" + opp.id() + " a"));
            within(driver).until(ExpectedConditions.urlContains("/opportunities/" + opp.id()));

            // upload the competitor comparison on the opportunity page: it is listed and the health factor names it
            java.nio.file.Path comparison = java.nio.file.Files.createTempFile("competitor-comparison-", ".txt");
            java.nio.file.Files.writeString(comparison, "联影 vs 我方：参数与价格对比");
            driver.findElement(By.cssSelector("#documents input[type=file]")).sendKeys(comparison.toString());
            click(driver, By.cssSelector("#documents button[type=submit]"));
            browser.waitFor(By.cssSelector("#documents a[href*='/documents/']"));
            assertThat(driver.findElement(By.id("documents")).getText())
                    .contains(comparison.getFileName().toString());
            click(driver, By.cssSelector("main a[href*='tab=health']"));
            browser.waitFor(By.id("health-factors"));
            var rows = driver.findElements(By.cssSelector("#health-factors tbody tr"));
            assertThat(rows).hasSizeGreaterThanOrEqualTo(3);
            assertThat(rows)
                    .allSatisfy(
                            r -> assertThat(r.findElements(By.tagName("td"))).hasSizeGreaterThanOrEqualTo(4));
            String health = driver.findElement(By.tagName("main")).getText();
            assertThat(health)
                    .contains("健康度")
                    .contains("因子")
                    .contains("得分")
                    .contains("规则")
                    .contains("满分 100")
                    .contains("已上传《" + comparison.getFileName() + "》");
            browser.screenshot("pipeline-health-explained");
        }
    }
}
