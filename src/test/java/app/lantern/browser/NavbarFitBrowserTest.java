package app.lantern.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The top bar of the roles that see the most pages stays on one line on a 1280 px laptop in both languages, and folds
 * behind the toggler on a 390 px phone, where the opened menu lists the entries one under the other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NavbarFitBrowserTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @CsvSource({"manager1, en", "manager1, zh-CN", "admin, en", "admin, zh-CN"})
    void theBarFitsOneLineOnALaptopAndFoldsOnAPhone(String user, String lang) throws Exception {
        try (Browser browser = Browser.open(port)) {
            browser.signIn(user, "lantern-demo");
            browser.driver().manage().window().setSize(new Dimension(1280, 800));
            browser.go("/?lang=" + lang);
            browser.waitFor(By.id("main-nav"));
            List<Long> tops = tops(browser, "#mainNav > ul > li");
            browser.screenshot("navbar-" + user + "-" + lang + "-1280");
            assertThat(tops)
                    .as("tops of the bar's entries")
                    .hasSizeGreaterThan(3)
                    .allSatisfy(t -> assertThat(t).isEqualTo(tops.getFirst()));
            assertThat(browser.driver()
                            .findElement(By.cssSelector("nav.navbar"))
                            .getSize()
                            .getHeight())
                    .isLessThan(70);

            browser.driver().manage().window().setSize(new Dimension(390, 844));
            browser.go("/");
            WebElement toggler = browser.driver().findElement(By.cssSelector(".navbar-toggler"));
            assertThat(toggler.isDisplayed()).isTrue();
            assertThat(browser.driver().findElement(By.id("main-nav")).isDisplayed())
                    .isFalse();
            toggler.click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("main-nav")));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .until(d -> !d.findElement(By.id("mainNav"))
                            .getAttribute("class")
                            .contains("collapsing"));
            browser.screenshot("navbar-" + user + "-" + lang + "-390-open");
            List<Long> phoneTops = tops(browser, "#main-nav > li");
            assertThat(phoneTops)
                    .as("entries one under the other")
                    .doesNotHaveDuplicates()
                    .isSorted();
            Long pageWidth = (Long) ((JavascriptExecutor) browser.driver())
                    .executeScript("return document.documentElement.scrollWidth");
            assertThat(pageWidth).as("no sideways scrolling").isLessThanOrEqualTo(390);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Long> tops(Browser browser, String selector) {
        return (List<Long>) ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "return [...document.querySelectorAll(arguments[0])].map(e => Math.round(e.getBoundingClientRect().top))",
                        selector);
    }
}
