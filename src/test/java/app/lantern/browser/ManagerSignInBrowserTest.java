package app.lantern.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ManagerSignInBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void managerSignsInAndSeesTheTeamLandingPage() throws Exception {
        try (Browser browser = Browser.open(port)) {
            browser.signIn("manager2", "lantern-demo");
            browser.waitFor(By.cssSelector("[data-widget=team]"));
            String page = browser.driver().findElement(By.tagName("main")).getText();
            assertThat(page).contains("团队看板").contains("黄磊").contains("马超").doesNotContain("张伟");
            browser.screenshot("manager-landing");
        }
    }

    @Test
    void wrongPasswordShowsAnErrorInChinese() throws Exception {
        try (Browser browser = Browser.open(port)) {
            browser.go("/login");
            browser.driver().findElement(By.id("username")).sendKeys("manager2");
            browser.driver().findElement(By.id("password")).sendKeys("wrong-password");
            browser.driver()
                    .findElement(By.cssSelector("#login-form button[type=submit]"))
                    .click();
            browser.waitFor(By.cssSelector(".alert-danger"));
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".alert-danger"))
                            .getText())
                    .contains("用户名或密码错误");
        }
    }
}
