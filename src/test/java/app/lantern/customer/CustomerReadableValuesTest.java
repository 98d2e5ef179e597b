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
}
