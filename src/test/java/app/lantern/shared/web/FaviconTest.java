package app.lantern.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@SpringBootTest
@AutoConfigureMockMvc
class FaviconTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void theBrowserTabShowsTheLanternIconWithoutSigningIn() {
        for (String icon : new String[] {"/favicon.ico", "/favicon.svg"}) {
            MvcTestResult r = mvc.get().uri(icon).exchange();
            assertThat(r).hasStatusOk();
            assertThat(r.getResponse().getContentType()).as(icon).startsWith("image/");
            assertThat(r.getResponse().getContentAsByteArray()).as(icon).isNotEmpty();
        }
        assertThat(mvc.get()
                        .uri("/customers")
                        .cookie(WebSession.login(mvc, "rep1"))
                        .exchange())
                .hasStatusOk()
                .bodyText()
                .contains("rel=\"icon\"")
                .contains("/favicon.svg");
    }
}
