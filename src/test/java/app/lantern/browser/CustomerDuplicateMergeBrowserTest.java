package app.lantern.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 3: a rep types a variant of an existing customer's name, gets 疑似重复, and merges the two records. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CustomerDuplicateMergeBrowserTest {

    private static final String SYLLABLES = "澜汐瀚曜珀琮璟翊骁岚昊钧铂锐蔚峤筠琨珩玥骞彧湛霁岫煦昶晞炜烨焕熠璞瑄瑜瑾璇璋珂琰琛琪瑞祺禧稷穹竑笙箐綦缙翎翰聿芃芮茗荻莘菁萱蓁蔻蕴藜蘅";

    @LocalServerPort
    int port;

    @Test
    void repGetsDuplicatePromptForNameVariantAndMergesIntoExistingCustomer() throws Exception {
        String brand = randomBrand();
        String fullName = "深圳市" + brand + "科技股份有限公司";
        String variant = brand + "科技";
        try (Browser browser = Browser.open(port)) {
            WebDriver driver = browser.driver();
            browser.signIn("rep1", "lantern-demo");

            // the existing customer, entered through the form
            browser.go("/customers/new");
            browser.waitFor(By.id("customer-form"));
            driver.findElement(By.id("name")).sendKeys(fullName);
            driver.findElement(By.id("province")).sendKeys("广东");
            driver.findElement(By.id("city")).sendKeys("深圳");
            driver.findElement(By.id("industry")).sendKeys("软件和信息技术服务");
            driver.findElement(By.id("phone"))
                    .sendKeys(String.format(
                            "0755-8%07d", ThreadLocalRandom.current().nextInt(10_000_000)));
            click(driver, By.id("save"));
            within(driver)
                    .until(d -> d.getCurrentUrl().matches(".*/customers/\\d+.*")
                            || !d.findElements(By.id("duplicate-prompt")).isEmpty());
            assertThat(driver.findElements(By.id("duplicate-prompt")))
                    .as("a brand-new name needs no duplicate prompt")
                    .isEmpty();
            String survivorUrl = driver.getCurrentUrl().replaceAll("\\?.*$", "");
            assertThat(driver.findElement(By.tagName("main")).getText()).contains(fullName);

            // the variant: the form warns while typing and shows the existing record's key fields
            String address = "南山区科技园" + brand + "大厦";
            browser.go("/customers/new");
            browser.waitFor(By.id("customer-form"));
            driver.findElement(By.id("address")).sendKeys(address);
            driver.findElement(By.id("name")).sendKeys(variant);
            driver.findElement(By.id("province")).click();
            browser.waitFor(By.id("duplicate-prompt"));
            WebElement prompt = driver.findElement(By.id("duplicate-prompt"));
            assertThat(prompt.getText())
                    .contains("疑似重复")
                    .contains(fullName)
                    .contains("广东")
                    .contains("软件和信息技术服务");
            browser.screenshot("customer-duplicate-prompt");

            // "合并到该客户" first previews what the existing customer keeps and what the entry adds
            click(driver, By.cssSelector("#duplicate-prompt button[formaction*='/merge-into/preview']"));
            browser.waitFor(By.id("merge-into-preview"));
            assertThat(driver.findElement(By.cssSelector("[data-field='name']")).getText())
                    .contains(fullName)
                    .contains(variant);
            assertThat(driver.findElement(By.cssSelector("[data-field='address']"))
                            .getText())
                    .contains("—")
                    .contains(address);
            assertThat(driver.findElement(By.id("merge-into-kept")).getText()).contains("保持不变");
            browser.screenshot("customer-merge-into-preview");
            click(driver, By.id("confirm-merge-into"));
            within(driver).until(d -> d.getCurrentUrl().startsWith(survivorUrl));
            assertThat(driver.findElement(By.tagName("main")).getText())
                    .contains(fullName)
                    .contains(address);

            // the same variant once more, kept as a record of its own this time
            browser.go("/customers/new");
            browser.waitFor(By.id("customer-form"));
            driver.findElement(By.id("name")).sendKeys(variant);
            driver.findElement(By.id("province")).click();
            browser.waitFor(By.id("duplicate-prompt"));

            // keep the new record for now, then merge it from its page through the preview
            click(driver, By.id("confirm-new"));
            within(driver)
                    .until(d -> d.getCurrentUrl().matches(".*/customers/\\d+.*")
                            && !d.getCurrentUrl().startsWith(survivorUrl));
            assertThat(driver.findElement(By.tagName("main")).getText()).contains(variant);
            String duplicateUrl = driver.getCurrentUrl().replaceAll("\\?.*$", "");
            String duplicateId = duplicateUrl.substring(duplicateUrl.lastIndexOf('/') + 1);

            // the older, complete record keeps living: merge from its page, where the new one shows as 疑似重复
            browser.go(survivorUrl.substring(survivorUrl.indexOf("/customers/")));
            browser.waitFor(By.id("duplicate-banner"));
            assertThat(driver.findElement(By.id("duplicate-banner")).getText()).contains(variant);
            By mergeLink = By.cssSelector("#duplicate-banner a[href$='/merge?duplicateId=" + duplicateId + "']");
            browser.waitFor(mergeLink);
            click(driver, mergeLink);

            browser.waitFor(By.id("merge-preview"));
            String preview = driver.findElement(By.tagName("main")).getText();
            assertThat(preview).contains("合并客户").contains("将\"" + variant + "\"合并到\"" + fullName + "\"");
            browser.screenshot("customer-merge-preview");

            click(driver, By.id("confirm-merge"));
            within(driver).until(ExpectedConditions.alertIsPresent()).accept();
            try {
                within(driver).until(d -> d.getCurrentUrl().startsWith(survivorUrl));
            } catch (org.openqa.selenium.TimeoutException e) {
                browser.screenshot("customer-merge-failed");
                throw new AssertionError(
                        "expected the survivor " + survivorUrl + " after merging, but on " + driver.getCurrentUrl()
                                + ":\n" + driver.findElement(By.tagName("main")).getText(),
                        e);
            }

            String survivor = driver.findElement(By.tagName("main")).getText();
            assertThat(survivor)
                    .contains("已合并重复客户")
                    .contains(fullName)
                    .contains("已并入本客户的记录")
                    .contains(variant);
            click(driver, By.cssSelector("[data-bs-target='#tab-history']"));
            within(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("tab-history")));
            assertThat(driver.findElement(By.id("tab-history")).getText())
                    .contains("合并")
                    .contains(variant);
            browser.screenshot("customer-merged-survivor");
        }
    }

    static void click(WebDriver driver, By by) {
        WebElement el = within(driver).until(ExpectedConditions.elementToBeClickable(by));
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("arguments[0].scrollIntoView({block:'center', behavior:'instant'})", el);
        el.click();
    }

    static WebDriverWait within(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    private static String randomBrand() {
        var random = ThreadLocalRandom.current();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            b.append(SYLLABLES.charAt(random.nextInt(SYLLABLES.length())));
        }
        return b.toString();
    }
}
