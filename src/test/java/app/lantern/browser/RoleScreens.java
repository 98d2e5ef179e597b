package app.lantern.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * The landing page of every demo role on a laptop and on a phone, written to {@code docs/screens/} for the README.
 * Not part of the suite: {@code scripts/screens.sh} starts Lantern with the demo organisation and runs this against it
 * ({@code -Pscreens}, port in {@code lantern.screens.port}).
 */
class RoleScreens {

    private static final Path OUT = Path.of("docs", "screens");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"rep1", "manager1", "exec", "finance", "admin"})
    void landingPageOnALaptopAndAPhone(String user) throws Exception {
        int port = Integer.parseInt(System.getProperty("lantern.screens.port", "8080"));
        Files.createDirectories(OUT);
        try (Browser browser = Browser.open(port)) {
            browser.signIn(user, "lantern-demo");
            capture(browser, user, "desktop", new Dimension(1280, 800));
            capture(browser, user, "phone", new Dimension(390, 844));
        }
    }

    private static void capture(Browser browser, String user, String device, Dimension size) throws Exception {
        browser.driver().manage().window().setSize(size);
        browser.go("/?lang=zh-CN");
        browser.waitFor(By.cssSelector("main"));
        // charts draw after the page: give ECharts its animation before the picture is taken
        Thread.sleep(1500);
        Path shot = browser.screenshot("screens-" + user + "-" + device);
        assertThat(shot).isNotEmptyFile();
        Files.copy(shot, OUT.resolve(user + "-" + device + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
