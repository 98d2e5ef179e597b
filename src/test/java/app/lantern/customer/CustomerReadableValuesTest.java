package app.lantern.customer;

import static app.lantern.customer.CustomerApiTest.body;
import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.testing.WebSession;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Customer pages show enum values as labels in the reader's language, never as stored constants. */
@SpringBootTest
@AutoConfigureMockMvc
class CustomerReadableValuesTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void mergePreviewShowsTheCompanySizeLabel() {
        Api api = new Api(mvc);
        String brand = CustomerApiTest.unique();
        String a = Api.json(api.post("rep2", "/api/v1/customers", body("name", brand + "集团有限公司", "size", "LARGE")))
                .get("id")
                .asString();
        String b = Api.json(api.post(
                        "rep2",
                        "/api/v1/customers",
                        body("name", brand + "A", "size", "SMALL", "confirmNotDuplicate", true)))
                .get("id")
                .asString();
        Cookie session = WebSession.login(mvc, "rep2");
        assertThat(mvc.get()
                        .uri("/customers/" + a + "/merge?duplicateId=" + b)
                        .cookie(session)
                        .exchange())
                .hasStatusOk()
                .bodyText()
                .contains("大型（500–4999人）")
                .contains("小型（10–99人）")
                .doesNotContain(">LARGE<")
                .doesNotContain(">SMALL<");
    }

    @Test
    void historyShowsSizeStatusAndOwnerInWords() throws Exception {
        Api api = new Api(mvc);
        String id = Api.json(api.post(
                        "rep2",
                        "/api/v1/customers",
                        body("name", CustomerApiTest.unique() + "历史科技有限公司", "size", "SMALL", "status", "PROSPECT")))
                .get("id")
                .asString();
        assertThat(api.patch("rep2", "/api/v1/customers/" + id, body("size", "LARGE", "status", "ACTIVE")))
                .hasStatusOk();
        String page = mvc.get()
                .uri("/customers/" + id)
                .cookie(WebSession.login(mvc, "rep2"))
                .exchange()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        String history = page.substring(page.indexOf("data-audit-trail"));
        assertThat(history)
                .contains("规模")
                .contains("小型（10–99人）")
                .contains("大型（500–4999人）")
                .contains("潜在")
                .contains("合作中")
                .contains("负责人")
                .doesNotContain(">SMALL<")
                .doesNotContain(">PROSPECT<")
                .doesNotContain(">ownerId<")
                .doesNotContain(">size<");
    }

    @Test
    void contactChangesOnTheAuditPageNameTheCustomerAndTheRole() throws Exception {
        Api api = new Api(mvc);
        String name = CustomerApiTest.unique() + "联系人科技有限公司";
        String id = Api.json(api.post("rep2", "/api/v1/customers", body("name", name)))
                .get("id")
                .asString();
        String contact = Api.json(api.post(
                        "rep2",
                        "/api/v1/customers/" + id + "/contacts",
                        body("name", "韩梅梅", "decisionRole", "DECISION_MAKER", "mobile", "13911118888")))
                .get("id")
                .asString();
        String page = mvc.get()
                .uri("/admin/audit?entityType=contact&entityId=" + contact)
                .cookie(WebSession.login(mvc, "admin"))
                .exchange()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page)
                .contains("韩梅梅")
                .contains(name)
                .contains("决策者")
                .contains("决策角色")
                .doesNotContain("DECISION_MAKER")
                .doesNotContain("customerId");
    }
}
