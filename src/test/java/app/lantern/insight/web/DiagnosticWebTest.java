package app.lantern.insight.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@AutoConfigureMockMvc
class DiagnosticWebTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Test
    void oneCallRunsTheFiveChecksAndTheRunIsKeptForItsOwnerOnly() {
        String token = WebSession.token(mvc, "manager1");
        MvcTestResult run = mvc.post()
                .uri("/api/v1/diagnostics")
                .header("Authorization", token)
                .exchange();
        assertThat(run).hasStatus(201);
        JsonNode body = JSON.readTree(run.getResponse().getContentAsByteArray());
        assertThat(body.get("checks").valueStream().map(c -> c.get("check").asString()))
                .containsExactly(
                        "FIELD_COMPLETENESS",
                        "STAGE_EVIDENCE",
                        "APPROVAL_LATENCY",
                        "DAILY_REPORTS",
                        "INTEGRATION_REACH");
        for (JsonNode c : body.get("checks")) {
            assertThat(c.get("score").asInt()).isBetween(0, 100);
            assertThat(c.get("status").asString()).isIn("OK", "FLAGGED");
            assertThat(c.get("findings").size()).isPositive();
            if (c.get("status").asString().equals("FLAGGED")) {
                assertThat(c.get("fixes").size()).as(c.get("check").asString()).isPositive();
            }
        }
        String id = body.get("id").asString();
        assertThat(mvc.get()
                        .uri("/api/v1/diagnostics/{id}", id)
                        .header("Authorization", token)
                        .exchange())
                .hasStatusOk();
        assertThat(mvc.get()
                        .uri("/api/v1/diagnostics/{id}", id)
                        .header("Authorization", WebSession.token(mvc, "manager2"))
                        .exchange())
                .hasStatus(404);

        MvcTestResult page = mvc.get()
                .uri("/diagnostics?id={id}", id)
                .cookie(WebSession.login(mvc, "manager1"))
                .exchange();
        assertThat(page).hasStatusOk();
        assertThat(page)
                .bodyText()
                .contains("销售过程健康度诊断")
                .contains("data-radar")
                .contains("字段完整度")
                .contains("data-history=\"" + id + "\"");
        MvcTestResult radar = mvc.get()
                .uri("/diagnostics/radar")
                .header("HX-Request", "true")
                .cookie(WebSession.login(mvc, "manager1"))
                .exchange();
        assertThat(radar)
                .bodyText()
                .contains("data-diagnostic-radar")
                .contains("data-chart=")
                .doesNotContain("<html");
        MvcTestResult xlsx = mvc.get()
                .uri("/diagnostics/{id}/export.xlsx", id)
                .cookie(WebSession.login(mvc, "manager1"))
                .exchange();
        assertThat(xlsx).hasStatusOk();
        assertThat(xlsx.getResponse().getContentAsByteArray()).startsWith('P', 'K');
    }
}
