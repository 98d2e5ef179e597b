package app.lantern.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@SpringBootTest
@AutoConfigureMockMvc
class CustomerPagesTest {

    @Autowired
    MockMvcTester mvc;

    Cookie login(String username) {
        MvcTestResult result = mvc.post()
                .uri("/login")
                .with(csrf())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("username", username)
                .param("password", "lantern-demo")
                .exchange();
        String value = result.getResponse().getHeaders("Set-Cookie").stream()
                .filter(h -> h.startsWith("LANTERN_SESSION="))
                .map(h -> h.substring("LANTERN_SESSION=".length(), h.indexOf(';')))
                .reduce((a, b) -> b)
                .orElseThrow();
        return new Cookie("LANTERN_SESSION", value);
    }

    static String body(MvcTestResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void createFormShowsPossibleDuplicateAndCreatesAfterConfirmation() throws Exception {
        Cookie rep = login("rep6");
        String brand = CustomerApiTest.unique();
        MvcTestResult first = mvc.post()
                .uri("/customers")
                .with(csrf())
                .cookie(rep)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("name", "广东" + brand + "实业股份有限公司")
                .param("status", "ACTIVE")
                .exchange();
        assertThat(first).hasStatus3xxRedirection();
        String location = first.getResponse().getRedirectedUrl();
        assertThat(mvc.get().uri(location).cookie(rep).exchange())
                .hasStatusOk()
                .bodyText()
                .contains(brand + "实业股份有限公司");

        MvcTestResult check = mvc.post()
                .uri("/customers/check")
                .with(csrf())
                .cookie(rep)
                .header("HX-Request", "true")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("name", "粤" + brand)
                .param("creditCode", "123")
                .exchange();
        assertThat(check).hasStatusOk();
        assertThat(body(check))
                .contains("疑似重复")
                .contains(brand + "实业股份有限公司")
                .contains("统一社会信用代码")
                .doesNotContain("<html");

        MvcTestResult blocked = mvc.post()
                .uri("/customers")
                .with(csrf())
                .cookie(rep)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("name", brand + "实业")
                .param("status", "ACTIVE")
                .exchange();
        assertThat(blocked).hasStatusOk();
        assertThat(body(blocked)).contains("duplicate-prompt").contains("confirm-new");

        MvcTestResult confirmed = mvc.post()
                .uri("/customers")
                .with(csrf())
                .cookie(rep)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("name", brand + "实业")
                .param("status", "ACTIVE")
                .param("confirmNotDuplicate", "true")
                .exchange();
        assertThat(confirmed).hasStatus3xxRedirection();
        String detail = body(mvc.get()
                .uri(confirmed.getResponse().getRedirectedUrl())
                .cookie(rep)
                .exchange());
        assertThat(detail).contains("duplicate-banner");
    }

    @Test
    void duplicatePromptShowsThatAnotherTeamsCustomerExistsAndItsOwnerButNotItsNameOrPrivateFields() throws Exception {
        String brand = CustomerApiTest.unique();
        String creditFirst17 = "91440300MA5F" + (10000 + (int) (Math.random() * 89999));
        String creditCode = creditFirst17 + app.lantern.customer.matching.CreditCodes.checkDigit(creditFirst17);
        Cookie other = login("rep8");
        assertThat(mvc.post()
                        .uri("/customers")
                        .with(csrf())
                        .cookie(other)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("name", brand + "环保科技有限公司")
                        .param("creditCode", creditCode)
                        .param("industry", "生态保护和环境治理")
                        .param("status", "ACTIVE")
                        .param("confirmNotDuplicate", "true")
                        .exchange())
                .hasStatus3xxRedirection();

        Cookie rep = login("rep2");
        MvcTestResult check = mvc.post()
                .uri("/customers/check")
                .with(csrf())
                .cookie(rep)
                .header("HX-Request", "true")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("name", brand + "环保科技")
                .exchange();
        assertThat(check).hasStatusOk();
        assertThat(body(check))
                .contains("疑似重复")
                .contains("另一团队的客户")
                .contains("该客户属于其他团队")
                .containsPattern("负责人</span>：<span>[^<]+</span>")
                .doesNotContain(brand)
                .doesNotContain(creditCode)
                .doesNotContain("生态保护和环境治理");
    }

    @Test
    void listFiltersAsAnHtmxFragmentAndAddsNotesToTheTimeline() throws Exception {
        Cookie rep = login("rep9");
        String brand = CustomerApiTest.unique();
        MvcTestResult created = mvc.post()
                .uri("/customers")
                .with(csrf())
                .cookie(rep)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("name", brand + "包装有限公司")
                .param("status", "ACTIVE")
                .param("confirmNotDuplicate", "true")
                .exchange();
        String location = created.getResponse().getRedirectedUrl().replace("?created", "");
        MvcTestResult rows = mvc.get()
                .uri("/customers?q=" + brand)
                .cookie(rep)
                .header("HX-Request", "true")
                .exchange();
        assertThat(rows).hasStatusOk();
        assertThat(body(rows)).contains(brand + "包装有限公司").doesNotContain("navbar");
        assertThat(body(mvc.get()
                        .uri("/customers?q=" + brand)
                        .cookie(login("rep1"))
                        .header("HX-Request", "true")
                        .exchange()))
                .doesNotContain(brand + "包装有限公司");

        MvcTestResult note = mvc.post()
                .uri(location + "/notes")
                .with(csrf())
                .cookie(rep)
                .header("HX-Request", "true")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("text", "<script>x</script>客户下周来访")
                .exchange();
        assertThat(note).hasStatusOk();
        assertThat(body(note)).contains("客户下周来访").contains("&lt;script&gt;").doesNotContain("<script>x");
    }

    @Test
    void landingPageShowsCustomerWidgets() throws Exception {
        assertThat(body(mvc.get().uri("/").cookie(login("rep10")).exchange())).contains("my-customers");
        assertThat(body(mvc.get().uri("/").cookie(login("manager2")).exchange()))
                .contains("team-customers")
                .contains("duplicates-pending")
                .contains("未分级")
                .doesNotContain("&quot;NONE&quot;");
        assertThat(body(mvc.get().uri("/?lang=en").cookie(login("manager2")).exchange()))
                .contains("Unrated");
    }

    @Test
    void theEditPageShowsTheSavedValuesAndAFieldEmptiedInTheFormIsCleared() throws Exception {
        Cookie rep = login("rep6");
        String brand = CustomerApiTest.unique();
        MvcTestResult created = mvc.post()
                .uri("/customers")
                .with(csrf())
                .cookie(rep)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("name", "浙江" + brand + "机械制造有限公司")
                .param("city", "杭州")
                .param("website", "https://" + brand.toLowerCase() + ".example.cn")
                .param("status", "ACTIVE")
                .param("confirmNotDuplicate", "true")
                .exchange();
        String location = created.getResponse().getRedirectedUrl();
        String id = location.substring("/customers/".length(), location.indexOf('?'));
        MvcTestResult edit =
                mvc.get().uri("/customers/" + id + "/edit").cookie(rep).exchange();
        assertThat(body(edit)).contains("value=\"杭州\"").contains(brand.toLowerCase() + ".example.cn");

        MvcTestResult saved = mvc.post()
                .uri("/customers/" + id)
                .with(csrf())
                .cookie(rep)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("name", "浙江" + brand + "机械制造有限公司")
                .param("city", "宁波")
                .param("website", "")
                .param("status", "ACTIVE")
                .exchange();
        assertThat(saved).hasStatus3xxRedirection();
        String again =
                body(mvc.get().uri("/customers/" + id + "/edit").cookie(rep).exchange());
        assertThat(again)
                .contains("value=\"宁波\"")
                .doesNotContain("value=\"杭州\"")
                .doesNotContain(brand.toLowerCase() + ".example.cn");
    }
}
