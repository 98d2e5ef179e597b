package app.lantern.customer;

import static app.lantern.customer.HistoryImportChineseTest.activity;
import static app.lantern.customer.HistoryImportChineseTest.instant;
import static app.lantern.customer.HistoryImportChineseTest.opportunity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import app.lantern.testing.WebSession;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * Proof: English exports shaped like Salesforce (opportunities report), HubSpot (deal stage history, xlsx with
 * date-time cells) and Pipedrive (activities) import with a stage mapping onto a Lantern pipeline, through the API and
 * through the mapping page's kind selector and stage mapping step; history kinds are for administrators.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HistoryImportEnglishTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void salesforceHubSpotAndPipedriveExportsImportWithAStageMapping() throws Exception {
        HistoryFixtures f = new HistoryFixtures();
        ImportClient client = new ImportClient(mvc);
        Map<String, String> saas = saasStages(client);
        String mapping = Api.JSON.writeValueAsString(Map.of(
                "Prospecting", saas.get("初步接洽"),
                "Qualification", saas.get("需求确认"),
                "Value Proposition", saas.get("方案演示"),
                "Negotiation/Review", saas.get("商务谈判"),
                "Closed Won", saas.get("签约"),
                "Closed Lost", saas.get("商务谈判")));
        JsonNode deals = client.run(
                "admin",
                "report1718.csv",
                f.csv("salesforce-opportunities.csv"),
                "kind",
                "opportunities",
                "stageMapping",
                mapping);
        Map<Integer, JsonNode> rows = client.rows("admin", deals);
        for (int line = 2; line <= 5; line++) {
            assertThat(rows.get(line).get("outcome").asString())
                    .as("line " + line)
                    .isEqualTo("IMPORTED");
        }
        assertThat(HistoryFixtures.message(rows.get(6))).contains("Amount").contains("twelve thousand");
        assertThat(HistoryFixtures.message(rows.get(7)))
                .contains("Created Date")
                .contains("13/45/2024");
        assertThat(HistoryFixtures.message(rows.get(8))).contains("Stage").contains("Stalled");
        assertThat(deals.get("rejected").asInt()).isEqualTo(3);
        JsonNode won = opportunity(client, rows.get(2));
        assertThat(won.get("status").asString()).isEqualTo("WON");
        assertThat(won.get("stageName").asString()).isEqualTo("签约");
        assertThat(won.get("amount").decimalValue()).isEqualByComparingTo("120000");
        assertThat(instant(won, "createdAt")).isEqualTo(OffsetDateTime.parse("2024-01-31T09:15+08:00"));
        assertThat(instant(won, "closedAt")).isEqualTo(OffsetDateTime.parse("2024-02-29T00:00+08:00"));
        JsonNode lost = opportunity(client, rows.get(3));
        assertThat(lost.get("status").asString()).isEqualTo("LOST");
        assertThat(lost.get("lossReason").asString()).isEqualTo("Price too high");
        assertThat(won.get("ownerName").asString()).isEqualTo("张伟");
        assertThat(lost.get("ownerName").asString()).isEqualTo("王芳");
        JsonNode renewal = opportunity(client, rows.get(4));
        assertThat(renewal.get("customerId").asString())
                .isEqualTo(won.get("customerId").asString());
        assertThat(instant(renewal, "createdAt")).isEqualTo(OffsetDateTime.parse("2024-10-12T14:30+08:00"));
        assertThat(HistoryFixtures.message(rows.get(5))).contains("Northwind Traders " + f.run + " Ltd");

        JsonNode stages = client.run(
                "admin",
                "deal-stage-history.xlsx",
                f.xlsx("hubspot-deal-stage-history.csv"),
                "kind",
                "stage-history",
                "stageMapping",
                mapping);
        assertThat(stages.get("imported").asInt()).isEqualTo(5);
        JsonNode history = Api.json(client.api()
                .get("admin", "/api/v1/opportunities/" + renewal.get("id").asString() + "/stage-history"));
        assertThat(history).hasSize(3);
        JsonNode current = opportunity(client, rows.get(4));
        assertThat(instant(current, "stageEnteredAt")).isEqualTo(OffsetDateTime.parse("2024-11-29T17:00+08:00"));
        JsonNode wonHistory = Api.json(client.api()
                .get("admin", "/api/v1/opportunities/" + won.get("id").asString() + "/stage-history"));
        for (JsonNode h : wonHistory) {
            assertThat(h.get("durationDays").asDouble()).as(h.toString()).isGreaterThanOrEqualTo(0);
        }

        JsonNode activities =
                client.run("admin", "activities.csv", f.csv("pipedrive-activities.csv"), "kind", "activities");
        Map<Integer, JsonNode> activityRows = client.rows("admin", activities);
        assertThat(activities.get("imported").asInt()).isEqualTo(3);
        assertThat(HistoryFixtures.message(activityRows.get(5))).contains("Activity - Due date");
        JsonNode meeting = activity(client, activityRows.get(3));
        assertThat(meeting.get("type").asString()).isEqualTo("MEETING");
        assertThat(meeting.get("opportunityId").asString())
                .isEqualTo(renewal.get("id").asString());
        assertThat(instant(meeting, "occurredAt")).isEqualTo(OffsetDateTime.parse("2024-10-12T15:00+08:00"));
        assertThat(instant(meeting, "createdAt")).isEqualTo(OffsetDateTime.parse("2024-10-14T09:00+08:00"));
        assertThat(meeting.get("durationMinutes").asInt()).isEqualTo(90);
    }

    @Test
    void historyKindsAreForAdministratorsAndAnUnknownKindIsNamed() {
        HistoryFixtures f = new HistoryFixtures();
        ImportClient client = new ImportClient(mvc);
        assertThat(client.upload("rep3", "deals.csv", f.csv("salesforce-opportunities.csv"), "kind", "opportunities"))
                .hasStatus(403);
        var unknown = client.upload("admin", "deals.csv", f.csv("salesforce-opportunities.csv"), "kind", "leads");
        assertThat(unknown).hasStatus(400);
        assertThat(Api.json(unknown).toString()).contains("kind");
    }

    @Test
    void theUploadPageOffersTheKindsAndTheMappingStepMapsEachStageValue() throws Exception {
        HistoryFixtures f = new HistoryFixtures();
        var session = WebSession.login(mvc, "admin");
        String upload = mvc.get()
                .uri("/customers/imports")
                .cookie(session)
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(upload)
                .contains("id=\"kind\"")
                .contains("value=\"stage-history\"")
                .contains("value=\"activities\"");
        String page = mvc.post()
                .uri("/customers/imports")
                .multipart()
                .file(new MockMultipartFile("file", "report.csv", "text/csv", f.csv("salesforce-opportunities.csv")))
                .param("kind", "opportunities")
                .cookie(session)
                .with(csrf())
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"stage-mapping\"").contains("Closed Won").contains("Negotiation/Review");
        assertThat(page).doesNotContain("id=\"import-needs-name\"");
        String action = page.replaceAll("(?s).*action=\"(/customers/imports/\\d+/start)\".*", "$1");
        String id = action.replaceAll("\\D+(\\d+)\\D+", "$1");
        Map<String, String> stages = saasStages(new ImportClient(mvc));
        Map<String, String> params = new LinkedHashMap<>();
        String[] values = {"Closed Won", "Closed Lost", "Negotiation/Review", "Prospecting", "Value Proposition"};
        String[] targets = {"签约", "商务谈判", "商务谈判", "初步接洽", "方案演示"};
        for (int i = 0; i < values.length; i++) {
            params.put("stageValue-" + i, values[i]);
            params.put("stageId-" + i, stages.get(targets[i]));
        }
        var request = mvc.post().uri(action);
        for (String col : new String[] {
            "0:externalId",
            "1:name",
            "2:customer",
            "4:owner",
            "5:stage",
            "6:amount",
            "8:createdAt",
            "9:expectedClose",
            "10:lossReason"
        }) {
            request = request.param("col-" + col.split(":")[0], col.split(":")[1]);
        }
        for (var e : params.entrySet()) {
            request = request.param(e.getKey(), e.getValue());
        }
        assertThat(request.cookie(session).with(csrf()).exchange()).hasStatus3xxRedirection();
        ImportClient client = new ImportClient(mvc);
        JsonNode job = client.awaitDone("admin", id);
        assertThat(job.get("stageMapping").get("Closed Won").asString()).isEqualTo(stages.get("签约"));
        Map<Integer, JsonNode> rows = client.rows("admin", job);
        assertThat(opportunity(client, rows.get(2)).get("stageName").asString()).isEqualTo("签约");
        assertThat(opportunity(client, rows.get(5)).get("stageName").asString()).isEqualTo("初步接洽");
    }

    /** The stage ids of the demo's SaaS pipeline by stage name. */
    private static Map<String, String> saasStages(ImportClient client) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (JsonNode p : Api.json(client.api().get("admin", "/api/v1/pipelines"))) {
            if (p.get("templateCode").asString("").equals("SAAS")) {
                p.get("stages")
                        .forEach(s ->
                                ids.put(s.get("name").asString(), s.get("id").asString()));
                return ids;
            }
        }
        throw new AssertionError("no SaaS pipeline");
    }
}
