package app.lantern.pipeline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import app.lantern.pipeline.OpportunityDetails;
import app.lantern.pipeline.PipelineFixtures;
import app.lantern.testing.WebSession;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

@SpringBootTest
@AutoConfigureMockMvc
class OpportunityDocumentWebTest {

    static final byte[] CONTENT = "联影 vs 我方 参数对比".getBytes(StandardCharsets.UTF_8);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PipelineFixtures fx;

    @AfterEach
    void signOut() {
        fx.signOut();
    }

    private OpportunityDetails opportunityOf(String rep) {
        long customer = fx.customer(rep);
        fx.signIn(rep);
        OpportunityDetails o = fx.opportunity(customer).create();
        fx.signOut();
        return o;
    }

    private MvcTestResult upload(long opportunityId, String token, String fileName, String kind) {
        return mvc.post()
                .uri("/api/v1/opportunities/" + opportunityId + "/documents")
                .header("Authorization", token)
                .multipart()
                .file(new MockMultipartFile("file", fileName, "application/pdf", CONTENT))
                .param("kind", kind)
                .exchange();
    }

    @Test
    void apiUploadsAComparisonThatTheHealthScoreExplainsAndDownloadsIt() {
        OpportunityDetails o = opportunityOf("rep1");
        String token = WebSession.token(mvc, "rep1");
        MvcTestResult created = upload(o.id(), token, "联影对比.pdf", "COMPETITOR_COMPARISON");
        assertThat(created).hasStatus(201);
        JsonNode doc = WebSession.json(created);
        assertThat(doc.get("fileName").asText()).isEqualTo("联影对比.pdf");
        assertThat(doc.get("kind").asText()).isEqualTo("COMPETITOR_COMPARISON");
        JsonNode list = WebSession.json(mvc.get()
                .uri("/api/v1/opportunities/" + o.id() + "/documents")
                .header("Authorization", token)
                .exchange());
        assertThat(list.size()).isEqualTo(1);
        MvcTestResult download = mvc.get()
                .uri("/api/v1/opportunities/" + o.id() + "/documents/"
                        + doc.get("id").asText())
                .header("Authorization", token)
                .exchange();
        assertThat(download).hasStatusOk();
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(CONTENT);
        JsonNode health = WebSession.json(mvc.get()
                .uri("/api/v1/opportunities/" + o.id() + "/health")
                .header("Authorization", token)
                .exchange());
        JsonNode factor = null;
        for (JsonNode f : health.get("factors")) {
            if ("COMPETITOR_DOC".equals(f.get("factor").asText())) {
                factor = f;
            }
        }
        assertThat(factor).isNotNull();
        assertThat(factor.get("value").asText()).contains("联影对比.pdf");
        assertThat(factor.get("points").asDouble())
                .isEqualTo(factor.get("maxPoints").asDouble());
    }

    @Test
    void apiRejectsBadKindsAndTypesNamingTheFieldAndHidesOtherTeams() {
        OpportunityDetails o = opportunityOf("rep2");
        String token = WebSession.token(mvc, "rep2");
        MvcTestResult badKind = upload(o.id(), token, "a.pdf", "CONTRACT");
        assertThat(badKind.getResponse().getStatus()).isBetween(400, 422);
        assertThat(badKind).bodyText().contains("\"field\":\"kind\"");
        MvcTestResult badType = upload(o.id(), token, "a.exe", "OTHER");
        assertThat(badType.getResponse().getStatus()).isBetween(400, 422);
        assertThat(badType).bodyText().contains("\"field\":\"file\"");
        String other = WebSession.token(mvc, "rep15");
        assertThat(upload(o.id(), other, "a.pdf", "OTHER")).hasStatus(404);
        assertThat(mvc.get()
                        .uri("/api/v1/opportunities/" + o.id() + "/documents")
                        .header("Authorization", other)
                        .exchange())
                .hasStatus(404);
    }

    @Test
    void thePageUploadsAndListsTheDocumentAndShowsTheGracePeriod() {
        OpportunityDetails o = opportunityOf("rep3");
        Cookie session = WebSession.login(mvc, "rep3");
        MvcTestResult detail =
                mvc.get().uri("/opportunities/" + o.id()).cookie(session).exchange();
        assertThat(detail)
                .hasStatusOk()
                .bodyText()
                .contains("enctype=\"multipart/form-data\"")
                .contains("还没有文档");
        MvcTestResult posted = mvc.post()
                .uri("/opportunities/" + o.id() + "/documents")
                .cookie(session)
                .with(csrf())
                .multipart()
                .file(new MockMultipartFile("file", "竞品对比.docx", "application/octet-stream", CONTENT))
                .param("kind", "COMPETITOR_COMPARISON")
                .exchange();
        assertThat(posted).hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/opportunities/" + o.id()).cookie(session).exchange())
                .bodyText()
                .contains("竞品对比.docx");
        assertThat(mvc.get()
                        .uri("/opportunities/" + o.id() + "?tab=health")
                        .cookie(session)
                        .exchange())
                .bodyText()
                .contains("已上传《竞品对比.docx》")
                .contains("新商机宽限期内");
    }
}
