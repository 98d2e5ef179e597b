package app.lantern.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.lantern.identity.Directory;
import app.lantern.testing.WebSession;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Pipeline events re-evaluate the rep's rules at once, without waiting for the 30-minute run. */
@SpringBootTest
@AutoConfigureMockMvc
class RepEvaluationQueueTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Alerts alerts;

    @Autowired
    Directory directory;

    private JsonNode post(String uri, String token, String body) {
        MvcTestResult r = mvc.post()
                .uri(uri)
                .header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
        assertThat(r.getResponse().getStatus()).as(uri).isBetween(200, 201);
        return JSON.readTree(r.getResponse().getContentAsByteArray());
    }

    @Test
    void aNewOpportunityClearsTheRepsNoNewOpportunityAlertAndAtRiskMarkWithoutTheScheduledRun()
            throws InterruptedException {
        long team = directory.userByUsername("rep7").orElseThrow().teamId();
        post(
                "/api/v1/admin/users",
                WebSession.token(mvc, "admin"),
                "{\"username\":\"queue-rep\",\"displayName\":\"队列测试\",\"password\":\"queue-rep-pass\"," + "\"teamId\":"
                        + team + ",\"roles\":[\"REP\"]}");
        long rep = directory.userByUsername("queue-rep").orElseThrow().id();
        alerts.raise(
                new AlertSignal("NO_NEW_OPPORTUNITY", "rep", rep, rep, null, "连续 3 个工作日无新增商机", "/alerts/reps/" + rep));
        assertThat(alerts.isAtRisk(rep)).isTrue();

        String token = WebSession.token(mvc, "queue-rep", "queue-rep-pass");
        String customer = post("/api/v1/customers", token, "{\"name\":\"队列验证精密仪器有限公司\",\"confirmNotDuplicate\":true}")
                .path("id")
                .asString();
        String pipeline = JSON.readTree(mvc.get()
                        .uri("/api/v1/pipelines")
                        .header("Authorization", token)
                        .exchange()
                        .getResponse()
                        .getContentAsByteArray())
                .get(0)
                .path("id")
                .asString();
        post(
                "/api/v1/opportunities",
                token,
                "{\"name\":\"队列验证商机\",\"customerId\":\"" + customer + "\",\"pipelineId\":\"" + pipeline
                        + "\",\"amount\":50000}");

        await("at-risk mark cleared by the opportunity's event")
                .atMost(Duration.ofSeconds(30))
                .until(() -> !alerts.isAtRisk(rep));
    }
}
