package app.lantern.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@SpringBootTest
@AutoConfigureMockMvc
class PlatformTest {

    @Autowired
    MockMvcTester mvc;

    private Cookie signIn(String username) {
        MvcTestResult result = mvc.post()
                .uri("/login")
                .with(csrf())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("username", username)
                .param("password", "lantern-demo")
                .exchange();
        String header = result.getResponse().getHeaders("Set-Cookie").stream()
                .filter(h -> h.startsWith("LANTERN_SESSION="))
                .reduce((a, b) -> b)
                .orElseThrow();
        return new Cookie("LANTERN_SESSION", header.substring("LANTERN_SESSION=".length(), header.indexOf(';')));
    }

    @Test
    void healthAndMetricsAreAvailableForOperations() {
        MvcTestResult health = mvc.get().uri("/actuator/health").exchange();
        assertThat(health).hasStatusOk();
        assertThat(health).bodyText().contains("UP");
        assertThat(mvc.get()
                        .uri("/actuator/prometheus")
                        .exchange()
                        .getResponse()
                        .getStatus())
                .as("metrics are not public")
                .isIn(302, 401);
        MvcTestResult metrics = mvc.get()
                .uri("/actuator/prometheus")
                .header("Authorization", app.lantern.testing.WebSession.token(mvc, "rep18"))
                .exchange();
        assertThat(metrics).hasStatusOk();
        assertThat(metrics)
                .bodyText()
                .contains("jvm_memory_used_bytes")
                .contains("hikaricp_connections")
                .contains("lantern_security_events");
    }

    @Test
    void everyResponseCarriesARequestIdAndKeepsAWellFormedIncomingOne() {
        assertThat(mvc.get().uri("/login").exchange().getResponse().getHeader("X-Request-Id"))
                .isNotBlank();
        assertThat(mvc.get()
                        .uri("/login")
                        .header("X-Request-Id", "trace-12345678")
                        .exchange()
                        .getResponse()
                        .getHeader("X-Request-Id"))
                .isEqualTo("trace-12345678");
        assertThat(mvc.get()
                        .uri("/login")
                        .header("X-Request-Id", "<script>")
                        .exchange()
                        .getResponse()
                        .getHeader("X-Request-Id"))
                .isNotEqualTo("<script>");
    }

    @Test
    void apiDocumentationIsPublishedForSignedInUsers() {
        Cookie session = signIn("rep2");
        MvcTestResult docs = mvc.get().uri("/v3/api-docs").cookie(session).exchange();
        assertThat(docs).hasStatusOk();
        assertThat(docs).bodyText().contains("/api/v1/me").contains("/api/v1/auth/tokens");
        assertThat(mvc.get().uri("/swagger-ui.html").cookie(session).exchange()).hasStatus3xxRedirection();
    }

    @Test
    void unknownPagesShowAFriendlyChinesePageWithoutInternals() {
        Cookie session = signIn("rep3");
        MvcTestResult missing = mvc.get()
                .uri("/no/such/page")
                .cookie(session)
                .accept(MediaType.TEXT_HTML)
                .exchange();
        assertThat(missing).hasStatus(404);
        assertThat(missing)
                .bodyText()
                .contains("页面不存在")
                .doesNotContain("Exception")
                .doesNotContain("at org.");
    }

    @Test
    void unknownApiPathsAnswerProblemJson() {
        MvcTestResult missing =
                mvc.get().uri("/api/v1/no-such-thing").cookie(signIn("rep3")).exchange();
        assertThat(missing).hasStatus(404);
    }
}
