package app.lantern.pipeline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import app.lantern.pipeline.OpportunityDetails;
import app.lantern.pipeline.PipelineFixtures;
import app.lantern.pipeline.StageView;
import app.lantern.testing.WebSession;
import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

@SpringBootTest
@AutoConfigureMockMvc
class PipelineWebTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PipelineFixtures fx;

    @AfterEach
    void signOut() {
        fx.signOut();
    }

    private MvcTestResult postJson(String uri, String token, String body) {
        return mvc.post()
                .uri(uri)
                .header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    @Test
    void apiCreatesAnOpportunityAndRejectsAGatedMoveNamingTheMissingFields() {
        long customer = fx.customer("rep1");
        String token = WebSession.token(mvc, "rep1");
        JsonNode pipelines = WebSession.json(mvc.get()
                .uri("/api/v1/pipelines")
                .header("Authorization", token)
                .exchange());
        assertThat(pipelines.size()).isGreaterThanOrEqualTo(2);
        String pipelineId = pipelines.get(0).get("id").asText();
        String demoStage = pipelines.get(0).get("stages").get(2).get("id").asText();
        MvcTestResult created = postJson(
                "/api/v1/opportunities",
                token,
                "{\"name\":\"API 商机\",\"customerId\":\"" + customer + "\",\"pipelineId\":\"" + pipelineId
                        + "\",\"amount\":120000.50}");
        assertThat(created).hasStatus(201);
        JsonNode o = WebSession.json(created);
        assertThat(o.get("id").isString()).isTrue();
        assertThat(o.get("amount").decimalValue()).isEqualByComparingTo("120000.50");
        assertThat(o.get("stageHistory").size()).isEqualTo(1);
        String id = o.get("id").asText();
        MvcTestResult gated =
                postJson("/api/v1/opportunities/" + id + "/stage", token, "{\"stageId\":\"" + demoStage + "\"}");
        assertThat(gated).hasStatus(422);
        assertThat(gated)
                .bodyText()
                .contains("\"field\":\"decisionMaker\"")
                .contains("\"field\":\"coreNeed\"")
                .contains("\"field\":\"budgetRange\"");
        assertThat(gated.getResponse().getContentType()).contains("problem+json");
        JsonNode health = WebSession.json(mvc.get()
                .uri("/api/v1/opportunities/" + id + "/health")
                .header("Authorization", token)
                .exchange());
        assertThat(health.get("factors").size()).isEqualTo(12);
        assertThat(health.get("factors").get(0).get("why").asText()).isNotBlank();
    }

    @Test
    void staleVersionAnswers409WithTheCurrentVersion() {
        long customer = fx.customer("rep2");
        String token = WebSession.token(mvc, "rep2");
        fx.signIn("rep2");
        OpportunityDetails o = fx.opportunity(customer).create();
        fx.signOut();
        String body = "{\"name\":\"改名\",\"source\":\"展会\",\"version\":" + o.version() + "}";
        assertThat(mvc.put()
                        .uri("/api/v1/opportunities/" + o.id())
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .exchange())
                .hasStatusOk();
        MvcTestResult stale = mvc.put()
                .uri("/api/v1/opportunities/" + o.id())
                .header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
        assertThat(stale).hasStatus(409);
        assertThat(WebSession.json(stale).get("currentVersion").asInt()).isEqualTo(o.version() + 1);
        MvcTestResult noReason =
                postJson("/api/v1/opportunities/" + o.id() + "/close", token, "{\"outcome\":\"LOST\"}");
        assertThat(noReason).hasStatus(400);
        MvcTestResult lost = postJson(
                "/api/v1/opportunities/" + o.id() + "/close", token, "{\"outcome\":\"LOST\",\"reason\":\"预算取消\"}");
        assertThat(lost).hasStatusOk();
        assertThat(WebSession.json(lost).get("status").asText()).isEqualTo("LOST");
    }

    @Test
    void anotherTeamsRepGets404AndUnknownFieldsAre400() {
        long customer = fx.customer("rep3");
        fx.signIn("rep3");
        OpportunityDetails o = fx.opportunity(customer).create();
        fx.signOut();
        String other = WebSession.token(mvc, "rep14");
        assertThat(mvc.get()
                        .uri("/api/v1/opportunities/" + o.id())
                        .header("Authorization", other)
                        .exchange())
                .hasStatus(404);
        String token = WebSession.token(mvc, "rep3");
        assertThat(postJson(
                        "/api/v1/opportunities",
                        token,
                        "{\"name\":\"x\",\"customerId\":\"" + customer + "\",\"bogus\":1}"))
                .hasStatus(400);
        JsonNode page = WebSession.json(mvc.get()
                .uri("/api/v1/opportunities?size=5&sort=amount,desc")
                .header("Authorization", token)
                .exchange());
        assertThat(page.get("size").asInt()).isEqualTo(5);
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(mvc.get()
                        .uri("/api/v1/opportunities?sort=password")
                        .header("Authorization", token)
                        .exchange())
                .hasStatus(400);
        assertThat(mvc.get()
                        .uri("/api/v1/funnel")
                        .header("Authorization", token)
                        .exchange())
                .hasStatusOk()
                .bodyText()
                .contains("winRate");
    }

    @Test
    void draggingACardToAGatedStageBouncesItAndOpensTheMissingFieldsThenTheGateFormMovesIt() {
        long customer = fx.customer("rep4");
        long contact = fx.contact(customer, "USER");
        fx.signIn("rep4");
        OpportunityDetails o = fx.opportunity(customer).contact(contact, "USER").create();
        StageView visit = fx.medical().stages().get(1);
        fx.signOut();
        Cookie session = WebSession.login(mvc, "rep4");
        MvcTestResult board = mvc.get()
                .uri("/opportunities/board?pipelineId=" + o.pipelineId())
                .cookie(session)
                .exchange();
        assertThat(board)
                .hasStatusOk()
                .bodyText()
                .contains("id=\"opp-" + o.id() + "\"")
                .contains("draggable=\"true\"")
                .contains("/js/pipeline.js");
        MvcTestResult bounced = mvc.post()
                .uri("/opportunities/" + o.id() + "/move")
                .cookie(session)
                .with(csrf())
                .header("HX-Request", "true")
                .param("stageId", String.valueOf(visit.id()))
                .param("version", String.valueOf(o.version()))
                .exchange();
        assertThat(bounced).hasStatusOk();
        assertThat(bounced.getResponse().getHeader("HX-Trigger"))
                .contains("pipeline-bounce")
                .contains(String.valueOf(o.id()));
        assertThat(bounced.getResponse().getHeader("HX-Retarget")).isEqualTo("#gate-body");
        assertThat(bounced).bodyText().contains("name=\"coreNeed\"").doesNotContain("<html");
        MvcTestResult moved = mvc.post()
                .uri("/opportunities/" + o.id() + "/gate")
                .cookie(session)
                .with(csrf())
                .header("HX-Request", "true")
                .param("stageId", String.valueOf(visit.id()))
                .param("version", String.valueOf(o.version()))
                .param("coreNeed", "检验科扩容")
                .exchange();
        assertThat(moved.getResponse().getHeader("HX-Refresh")).isEqualTo("true");
        MvcTestResult detail = mvc.get()
                .uri("/opportunities/" + o.id() + "?tab=stages")
                .cookie(session)
                .exchange();
        assertThat(detail).hasStatusOk().bodyText().contains("科室拜访").contains("线索确认");
        MvcTestResult again = mvc.post()
                .uri("/opportunities/" + o.id() + "/move")
                .cookie(session)
                .with(csrf())
                .header("HX-Request", "true")
                .param(
                        "stageId",
                        String.valueOf(fx.medical().stages().getFirst().id()))
                .exchange();
        assertThat(again).hasStatusOk().bodyText().contains("kanban-card");
    }

    @Test
    void pagesRenderForEveryRole() {
        long customer = fx.customer("rep6");
        fx.signIn("rep6");
        OpportunityDetails o = fx.opportunity(customer).create();
        fx.signOut();
        Cookie rep = WebSession.login(mvc, "rep6");
        List<String> repPages = new ArrayList<>(List.of(
                "/",
                "/opportunities/board",
                "/opportunities",
                "/opportunities/new",
                "/opportunities/" + o.id(),
                "/opportunities/" + o.id() + "?tab=health",
                "/opportunities/" + o.id() + "?tab=history",
                "/opportunities/" + o.id() + "/edit",
                "/opportunities/funnel",
                "/activities",
                "/activities/new",
                "/activities/report",
                "/activities/heatmap"));
        for (String page : repPages) {
            assertThat(mvc.get().uri(page).cookie(rep).exchange()).as(page).hasStatusOk();
        }
        assertThat(mvc.get()
                        .uri("/opportunities/" + o.id() + "?tab=health")
                        .cookie(rep)
                        .exchange())
                .bodyText()
                .contains("最近联系")
                .contains("决策链完整度")
                .contains("计分规则");
        assertThat(mvc.get().uri("/").cookie(rep).exchange())
                .bodyText()
                .contains("我的商机")
                .contains("今日活动");
        assertThat(mvc.get().uri("/admin/pipelines").cookie(rep).exchange()).hasStatus(403);
        Cookie manager = WebSession.login(mvc, "manager1");
        for (String page : List.of(
                "/",
                "/opportunities/interventions",
                "/activities/heatmap",
                "/activities/reports/team",
                "/activities/backfill",
                "/opportunities/funnel?days=30")) {
            assertThat(mvc.get().uri(page).cookie(manager).exchange()).as(page).hasStatusOk();
        }
        assertThat(mvc.get().uri("/").cookie(manager).exchange())
                .bodyText()
                .contains("团队漏斗")
                .contains("待处理干预")
                .contains("本周团队活动");
        assertThat(mvc.get().uri("/activities/heatmap").cookie(manager).exchange())
                .bodyText()
                .contains("data-chart")
                .contains("heatmap");
        Cookie exec = WebSession.login(mvc, "exec");
        assertThat(mvc.get().uri("/").cookie(exec).exchange())
                .hasStatusOk()
                .bodyText()
                .contains("各阶段商机");
        Cookie admin = WebSession.login(mvc, "admin");
        assertThat(mvc.get().uri("/admin/pipelines").cookie(admin).exchange())
                .hasStatusOk()
                .bodyText()
                .contains("健康度权重")
                .contains("医疗器械分销");
    }

    @Test
    void listFiltersAnswerAnHtmxFragment() {
        Cookie session = WebSession.login(mvc, "rep6");
        MvcTestResult rows = mvc.get()
                .uri("/opportunities?status=OPEN&healthBelow=60")
                .cookie(session)
                .header("HX-Request", "true")
                .exchange();
        assertThat(rows).hasStatusOk().bodyText().contains("id=\"rows\"").doesNotContain("<html");
    }
}
