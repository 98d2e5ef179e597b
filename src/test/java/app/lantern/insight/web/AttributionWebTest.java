package app.lantern.insight.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.identity.Directory;
import app.lantern.insight.DemoHistory;
import app.lantern.shared.demo.DemoDataContributor;
import app.lantern.testing.WebSession;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Last month (on a demo database of its own)'s attribution on the demo history, which plants one known cause on each of three reps. */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:insight-demo;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
            "spring.datasource.username=sa",
            "spring.datasource.password=",
            "lantern.demo-data=false"
        })
@AutoConfigureMockMvc
class AttributionWebTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Directory directory;

    @Autowired
    List<DemoDataContributor> contributors;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Clock clock;

    @BeforeEach
    void demoHistory() {
        DemoHistory.ensure(contributors, tx, clock);
    }

    private String id(String username) {
        return String.valueOf(directory.userByUsername(username).orElseThrow().id());
    }

    private JsonNode api(String username, String query) {
        MvcTestResult r = mvc.get()
                .uri("/api/v1/attribution" + query)
                .header("Authorization", WebSession.token(mvc, username))
                .exchange();
        assertThat(r).hasStatusOk();
        return JSON.readTree(r.getResponse().getContentAsByteArray());
    }

    private static JsonNode rep(JsonNode body, String repId) {
        for (JsonNode r : body.get("reps")) {
            if (r.get("repId").asString().equals(repId)) {
                return r;
            }
        }
        throw new AssertionError("rep " + repId + " missing");
    }

    /** The cause with the largest shortfall (parts of one cause added up) and its largest single part. */
    private static Map.Entry<String, JsonNode> largestShortfall(JsonNode rep) {
        Map<String, BigDecimal> byCause = new HashMap<>();
        Map<String, JsonNode> top = new HashMap<>();
        for (JsonNode c : rep.get("components")) {
            String cause = c.get("cause").asString();
            BigDecimal amount = c.get("amount").decimalValue();
            byCause.merge(cause, amount, BigDecimal::add);
            if (!top.containsKey(cause)
                    || amount.compareTo(top.get(cause).get("amount").decimalValue()) < 0) {
                top.put(cause, c);
            }
        }
        String cause = byCause.entrySet().stream()
                .min(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        return Map.entry(cause, top.get(cause));
    }

    @Test
    void namesEachPlantedCauseAsTheLargestPartAndThePartsAddUpToTheGap() {
        JsonNode body = api("exec", "");
        for (JsonNode r : body.get("reps")) {
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonNode c : r.get("components")) {
                sum = sum.add(c.get("amount").decimalValue());
            }
            assertThat(sum)
                    .as("parts of %s", r.get("name"))
                    .isEqualByComparingTo(r.get("gap").decimalValue());
            assertThat(r.get("narrative").asString()).doesNotContain("执行力差");
        }
        var leads = largestShortfall(rep(body, id("rep3")));
        assertThat(leads.getKey()).isEqualTo("LEAD_SHORTAGE");
        assertThat(leads.getValue().get("evidence").asString()).startsWith("新增商机 0 个");
        assertThat(rep(body, id("rep3")).get("narrative").asString())
                .as("named whether the rep ended below or above target")
                .contains("市场线索不足");

        var stage = largestShortfall(rep(body, id("rep4")));
        assertThat(stage.getKey()).isEqualTo("CAPABILITY");
        assertThat(stage.getValue().get("stage").asString()).startsWith("产品演示/方案演示→");
        assertThat(stage.getValue().get("evidence").asString()).contains("转化 0 %");

        var process = largestShortfall(rep(body, id("rep5")));
        assertThat(process.getKey()).isEqualTo("PROCESS");
        assertThat(process.getValue().get("stage").asString()).isEqualTo("审批等待");
        assertThat(rep(body, id("rep5")).get("narrative").asString())
                .contains("流程卡点")
                .contains("审批等待");
    }

    @Test
    void aRepSeesOnlyThemselvesAndAManagerOnlyTheirTeams() {
        List<String> own = api("rep1", "")
                .get("reps")
                .valueStream()
                .map(r -> r.get("repId").asString())
                .toList();
        assertThat(own).containsExactly(id("rep1"));
        List<String> team = api("manager2", "")
                .get("reps")
                .valueStream()
                .map(r -> r.get("repId").asString())
                .toList();
        assertThat(team).contains(id("rep7"), id("rep12")).doesNotContain(id("rep1"), id("rep13"));
    }

    @Test
    void aMalformedMonthIsA400NamingTheField() {
        MvcTestResult r = mvc.get()
                .uri("/api/v1/attribution?month=2026-13")
                .header("Authorization", WebSession.token(mvc, "exec"))
                .exchange();
        assertThat(r).hasStatus(400);
        assertThat(r).bodyText().contains("\"field\":\"month\"").doesNotContain("Exception");
    }

    @Test
    void thePageShowsWaterfallsAndDrillsDownToTheDealsBehindAPart() {
        MvcTestResult page = mvc.get()
                .uri("/attribution")
                .cookie(WebSession.login(mvc, "manager1"))
                .exchange();
        assertThat(page).hasStatusOk();
        assertThat(page)
                .bodyText()
                .contains("目标达成归因分析")
                .contains("data-rep=\"" + id("rep4") + "\"")
                .contains("data-chart=")
                .contains("销售能力短板")
                .doesNotContain("data-rep=\"" + id("rep7") + "\"");
        String month = api("manager1", "").get("month").asString();
        MvcTestResult deals = mvc.get()
                .uri("/attribution/deals?month={m}&repId={r}&key=STAGE:3", month, id("rep4"))
                .header("HX-Request", "true")
                .cookie(WebSession.login(mvc, "manager1"))
                .exchange();
        assertThat(deals).hasStatusOk();
        assertThat(deals).bodyText().contains("data-deals").contains("LOST").doesNotContain("<html");
        assertThat(mvc.get()
                        .uri("/attribution/deals?month={m}&repId={r}&key=LEADS", month, id("rep1"))
                        .cookie(WebSession.login(mvc, "manager2"))
                        .exchange())
                .hasStatus(403);
        MvcTestResult xlsx = mvc.get()
                .uri("/attribution/export.xlsx?month={m}", month)
                .cookie(WebSession.login(mvc, "manager1"))
                .exchange();
        assertThat(xlsx).hasStatusOk();
        assertThat(new String(xlsx.getResponse().getContentAsByteArray(), 0, 2)).isEqualTo("PK");
        MvcTestResult pdf = mvc.get()
                .uri("/attribution/export.pdf?month={m}", month)
                .cookie(WebSession.login(mvc, "manager1"))
                .exchange();
        assertThat(pdf).hasStatusOk();
        assertThat(new String(pdf.getResponse().getContentAsByteArray(), 0, 4)).isEqualTo("%PDF");
        MvcTestResult summary = mvc.get()
                .uri("/attribution/summary")
                .header("HX-Request", "true")
                .cookie(WebSession.login(mvc, "exec"))
                .exchange();
        assertThat(summary).hasStatusOk();
        assertThat(summary).bodyText().contains("data-attribution-summary").contains("data-chart=");
    }
}
