package app.lantern.integration;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.browser.Browser;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The admin pages as an administrator uses them: subscribe a webhook and test it, test the WeCom connection. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntegrationAdminBrowserTest {

    static final FakeWeCom WECOM = start();

    static FakeWeCom start() {
        try {
            return new FakeWeCom();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void wecom(DynamicPropertyRegistry registry) {
        registry.add("lantern.wecom.corp-id", () -> WeComCryptoTest.CORP_ID);
        registry.add("lantern.wecom.token", () -> WeComCryptoTest.TOKEN);
        registry.add("lantern.wecom.encoding-aes-key", () -> WeComCryptoTest.AES_KEY);
        registry.add("lantern.wecom.secret", () -> FakeWeCom.SECRET);
        registry.add("lantern.wecom.api-base-url", WECOM::baseUrl);
    }

    @AfterAll
    static void stop() {
        WECOM.close();
    }

    @LocalServerPort
    int port;

    @Test
    void anAdminSubscribesAWebhookTestsItAndChecksTheWeComConnection() throws Exception {
        try (Browser browser = Browser.open(port);
                WebhookReceiver receiver = new WebhookReceiver()) {
            browser.signIn("admin", "lantern-demo");
            browser.go("/admin/channels");
            // the add form's field: hosts already allowed (by other tests too) each carry a hidden "host" to remove
            By addHost = By.cssSelector("form[action='/admin/channels/hosts'] input[name=host]");
            browser.driver().findElement(addHost).sendKeys("127.0.0.1");
            browser.driver().findElement(addHost).submit();

            browser.go("/admin/integrations/webhooks");
            browser.waitFor(By.id("url"));
            browser.driver().findElement(By.id("url")).sendKeys(receiver.url());
            browser.driver().findElement(By.id("description")).sendKeys("ERP 客户同步");
            browser.driver().findElement(By.id("ev-customer.created")).click();
            browser.driver().findElement(By.id("ev-quote.signed")).click();
            browser.driver()
                    .findElement(By.cssSelector("form[action$='/webhooks'] button[type=submit]"))
                    .click();
            browser.waitFor(By.id("new-secret"));
            String secret = browser.driver()
                    .findElement(By.cssSelector("#new-secret code"))
                    .getText();
            assertThat(secret).startsWith("whsec_");
            receiver.secret(secret);

            browser.driver()
                    .findElement(By.cssSelector("#subscriptions form[action$='/test'] button"))
                    .click();
            browser.waitFor(By.id("selected-delivery"));
            String attempts = browser.driver().findElement(By.id("attempts")).getText();
            assertThat(attempts).contains("200");
            assertThat(receiver.received()).singleElement().satisfies(r -> {
                assertThat(r.event()).isEqualTo("ping");
                assertThat(r.signatureValid()).isTrue();
            });
            browser.screenshot("integration-webhooks");

            browser.go("/admin/integrations/wecom");
            browser.waitFor(By.id("wecom-config"));
            assertThat(browser.driver().findElement(By.id("wecom-config")).getText())
                    .contains(WeComCryptoTest.CORP_ID)
                    .contains("已配置")
                    .doesNotContain(FakeWeCom.SECRET)
                    .doesNotContain(WeComCryptoTest.AES_KEY);
            browser.driver()
                    .findElement(By.cssSelector("form[action$='/wecom/test'] button"))
                    .click();
            browser.waitFor(By.id("test-result"));
            assertThat(browser.driver().findElement(By.id("test-result")).getText())
                    .contains("连接正常");
            browser.screenshot("integration-wecom");
        }
    }
}
