package app.lantern.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * Proof: a team moves its history from a Chinese CRM export (销售易-style deal, stage and activity files): deals land
 * with their own created and closed times (a month end, a leap day, a 调休 Saturday), stage durations are derived,
 * activities keep when they happened and were typed, unknown customers are created, bad rows are rejected naming their
 * column, and importing the same files again updates instead of duplicating.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HistoryImportChineseTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void dealsStagesAndActivitiesOfAChineseExportKeepTheirHistory() throws Exception {
        HistoryFixtures f = new HistoryFixtures();
        ImportClient client = new ImportClient(mvc);
        JsonNode deals = client.run("admin", "商机导出.csv", f.csv("商机导出-销售易.csv"), "kind", "opportunities");
        assertThat(deals.get("status").asString()).isEqualTo("DONE");
        assertThat(deals.get("kind").asString()).isEqualTo("opportunities");
        Map<Integer, JsonNode> rows = client.rows("admin", deals);
        assertThat(rows.get(2).get("outcome").asString()).isEqualTo("IMPORTED");
        assertThat(rows.get(3).get("outcome").asString()).isEqualTo("IMPORTED");
        assertThat(rows.get(4).get("outcome").asString()).isEqualTo("IMPORTED");
        assertThat(rows.get(5).get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(HistoryFixtures.message(rows.get(5))).contains("状态").contains("搁置");
        assertThat(rows.get(6).get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(HistoryFixtures.message(rows.get(6))).contains("客户名称");
        assertThat(HistoryFixtures.message(rows.get(2))).contains("新建了客户").contains(f.run + "市第一人民医院");

        JsonNode won = opportunity(client, rows.get(2));
        assertThat(won.get("status").asString()).isEqualTo("WON");
        assertThat(won.get("amount").decimalValue()).isEqualByComparingTo("1200000");
        assertThat(instant(won, "createdAt")).isEqualTo(OffsetDateTime.parse("2024-02-29T10:05+08:00"));
        assertThat(instant(won, "closedAt")).isEqualTo(OffsetDateTime.parse("2024-05-31T16:45+08:00"));
        assertThat(won.get("stageName").asString()).isEqualTo("合同签署");
        JsonNode lost = opportunity(client, rows.get(3));
        assertThat(lost.get("status").asString()).isEqualTo("LOST");
        assertThat(lost.get("amount").decimalValue()).isEqualByComparingTo("125000");
        assertThat(lost.get("lossReason").asString()).isEqualTo("竞品价格更低");
        assertThat(instant(lost, "createdAt")).isEqualTo(OffsetDateTime.parse("2024-10-12T09:30+08:00"));
        assertThat(instant(lost, "closedAt")).isEqualTo(OffsetDateTime.parse("2024-12-31T23:59:59+08:00"));
        JsonNode open = opportunity(client, rows.get(4));
        assertThat(open.get("status").asString()).isEqualTo("OPEN");
        assertThat(instant(open, "createdAt")).isEqualTo(OffsetDateTime.parse("2023-12-31T23:59+08:00"));
        assertThat(open.get("expectedClose").asString()).isEqualTo("2025-01-31");
        assertThat(listed(client, f)).isEqualTo(3);

        JsonNode stages = client.run("admin", "阶段历史.csv", f.csv("阶段历史.csv"), "kind", "stage-history");
        Map<Integer, JsonNode> stageRows = client.rows("admin", stages);
        assertThat(stages.get("imported").asInt()).isEqualTo(6);
        assertThat(HistoryFixtures.message(stageRows.get(8))).contains("商机编号").contains("OPP-" + f.run + "-404");
        assertThat(HistoryFixtures.message(stageRows.get(9))).contains("阶段").contains("不存在的阶段");
        JsonNode history = Api.json(client.api()
                .get("admin", "/api/v1/opportunities/" + won.get("id").asString() + "/stage-history"));
        assertThat(history).hasSize(4);
        assertThat(history.findValuesAsString("stageName")).containsExactlyInAnyOrder("线索确认", "科室拜访", "产品演示", "合同签署");
        JsonNode first = entry(history, "线索确认");
        assertThat(instant(first, "enteredAt")).isEqualTo(OffsetDateTime.parse("2024-02-29T10:05+08:00"));
        assertThat(instant(first, "exitedAt")).isEqualTo(OffsetDateTime.parse("2024-03-11T09:00+08:00"));
        assertThat(first.get("exitKind").asString()).isEqualTo("MOVED");
        assertThat(first.get("durationDays").asDouble()).isBetween(10.8, 11.0);
        JsonNode last = entry(history, "合同签署");
        assertThat(instant(last, "exitedAt")).isEqualTo(OffsetDateTime.parse("2024-05-31T16:45+08:00"));
        assertThat(last.get("exitKind").asString()).isEqualTo("WON");

        JsonNode activities = client.run("admin", "活动记录.csv", f.csv("活动记录.csv"), "kind", "activities");
        Map<Integer, JsonNode> activityRows = client.rows("admin", activities);
        assertThat(activities.get("imported").asInt()).isEqualTo(4);
        assertThat(HistoryFixtures.message(activityRows.get(6)))
                .contains("跟进方式")
                .contains("飞鸽传书");
        assertThat(HistoryFixtures.message(activityRows.get(7))).contains("商机编号");
        assertThat(HistoryFixtures.message(activityRows.get(5))).contains("新建了客户");
        JsonNode call = activity(client, activityRows.get(3));
        assertThat(call.get("type").asString()).isEqualTo("CALL");
        assertThat(instant(call, "occurredAt")).isEqualTo(OffsetDateTime.parse("2024-10-12T15:15+08:00"));
        assertThat(instant(call, "createdAt")).isEqualTo(OffsetDateTime.parse("2024-10-12T15:40+08:00"));
        assertThat(call.get("durationMinutes").asInt()).isEqualTo(25);
        JsonNode demo = activity(client, activityRows.get(4));
        assertThat(demo.get("durationMinutes").asInt()).isEqualTo(90);
        assertThat(instant(demo, "createdAt")).isEqualTo(OffsetDateTime.parse("2024-03-31T14:00+08:00"));
        assertThat(demo.get("customerId").asString())
                .isEqualTo(won.get("customerId").asString());

        JsonNode again = client.run("admin", "商机导出.csv", f.csv("商机导出-销售易.csv"), "kind", "opportunities");
        assertThat(again.get("imported").asInt()).isZero();
        assertThat(again.get("merged").asInt()).isEqualTo(3);
        assertThat(listed(client, f)).isEqualTo(3);
        JsonNode stagesAgain = client.run("admin", "阶段历史.csv", f.csv("阶段历史.csv"), "kind", "stage-history");
        assertThat(stagesAgain.get("imported").asInt()).isZero();
        assertThat(stagesAgain.get("merged").asInt()).isEqualTo(6);
        assertThat(Api.json(client.api()
                        .get("admin", "/api/v1/opportunities/" + won.get("id").asString() + "/stage-history")))
                .hasSize(4);
        JsonNode activitiesAgain = client.run("admin", "活动记录.csv", f.csv("活动记录.csv"), "kind", "activities");
        assertThat(activitiesAgain.get("imported").asInt()).isZero();
        assertThat(activitiesAgain.get("merged").asInt()).isEqualTo(4);
        assertThat(activity(client, client.rows("admin", activitiesAgain).get(3))
                        .get("id")
                        .asString())
                .isEqualTo(call.get("id").asString());
    }

    static JsonNode opportunity(ImportClient client, JsonNode row) {
        return Api.json(client.api()
                .get("admin", "/api/v1/opportunities/" + row.get("recordId").asString()));
    }

    static JsonNode activity(ImportClient client, JsonNode row) {
        return Api.json(client.api()
                .get("admin", "/api/v1/activities/" + row.get("recordId").asString()));
    }

    static OffsetDateTime instant(JsonNode node, String field) {
        return OffsetDateTime.parse(node.get(field).asString())
                .atZoneSameInstant(java.time.ZoneOffset.ofHours(8))
                .toOffsetDateTime();
    }

    private static JsonNode entry(JsonNode history, String stage) {
        for (JsonNode h : history) {
            if (h.get("stageName").asString().equals(stage)) {
                return h;
            }
        }
        throw new AssertionError("no stay in " + stage + ": " + history);
    }

    /** How many opportunities of this run the pipeline list shows. */
    private static int listed(ImportClient client, HistoryFixtures f) {
        return Api.json(client.api().get("admin", "/api/v1/opportunities?size=50&q=" + f.run))
                .get("total")
                .asInt();
    }
}
