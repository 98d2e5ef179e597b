package app.lantern.goal.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.audit.AuditTrail;
import app.lantern.goal.Kpis;
import app.lantern.identity.Directory;
import app.lantern.testing.WebSession;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@AutoConfigureMockMvc
class ActionTargetOverrideTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Directory directory;

    @Autowired
    AuditTrail audit;

    @Autowired
    Kpis kpis;

    /** A month no other test run used, so that the override here is this run's first. */
    private final String month = (2040 + (int) (System.nanoTime() % 55)) + "-0" + (1 + (int) (System.nanoTime() % 9));

    private long id(String username) {
        return directory.userByUsername(username).orElseThrow().id();
    }

    private MvcTestResult put(String token, long rep, Object body) {
        return mvc.put()
                .uri("/api/v1/reps/{id}/action-targets?month={m}", rep, month)
                .header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body))
                .exchange();
    }

    private static Map<String, Object> change(Object visits, Object newOpportunities, Object demos, String reason) {
        Map<String, Object> m = new HashMap<>();
        m.put("visits", visits);
        m.put("newOpportunities", newOpportunities);
        m.put("demos", demos);
        m.put("reason", reason);
        return m;
    }

    @Test
    void aManagerOverridesTheWeeklyActionTargetsWithAReasonAndEveryReaderUsesThem() {
        long rep = id("rep4");
        String manager = WebSession.token(mvc, "manager1");
        JsonNode before = WebSession.json(mvc.get()
                .uri("/api/v1/reps/{id}/progress?month={m}", rep, month)
                .header("Authorization", manager)
                .exchange());
        int derivedVisits = before.path("thisWeek").path("visitsTarget").asInt();
        // without a target or an override the month has no plan, so no action completion rate
        assertThat(kpis.trend(Set.of(rep), YearMonth.parse(month), 1).getFirst().actionCompletion())
                .isNull();

        MvcTestResult saved = put(manager, rep, change(derivedVisits + 4, 3, 2, "新区域开拓期，加大拜访量"));
        assertThat(saved).hasStatusOk();
        JsonNode week = WebSession.json(saved).path("thisWeek");
        assertThat(week.path("visitsTarget").asInt()).isEqualTo(derivedVisits + 4);
        assertThat(week.path("newOpportunitiesTarget").asInt()).isEqualTo(3);
        assertThat(week.path("demosTarget").asInt()).isEqualTo(2);
        assertThat(week.path("derivedVisits").asInt()).isEqualTo(derivedVisits);
        assertThat(week.path("override").path("reason").asString()).isEqualTo("新区域开拓期，加大拜访量");
        assertThat(week.path("override").path("version").asInt()).isEqualTo(1);

        // the progress API reads the override from now on, and a second change is a new version
        assertThat(WebSession.json(put(manager, rep, change(derivedVisits + 5, 3, 2, "再加一次拜访")))
                        .path("thisWeek")
                        .path("override")
                        .path("version")
                        .asInt())
                .isEqualTo(2);
        assertThat(WebSession.json(mvc.get()
                                .uri("/api/v1/reps/{id}/progress?month={m}", rep, month)
                                .header("Authorization", manager)
                                .exchange())
                        .path("thisWeek")
                        .path("visitsTarget")
                        .asInt())
                .isEqualTo(derivedVisits + 5);
        long overrideId = WebSession.json(saved)
                .path("thisWeek")
                .path("override")
                .path("id")
                .asLong();
        assertThat(audit.history("action_target", overrideId))
                .extracting(e -> e.action())
                .contains("created", "updated");
        assertThat(audit.history("action_target", overrideId).getFirst().changes())
                .contains("再加一次拜访");

        // the KPI's plan follows the override: nothing done yet against it
        assertThat(kpis.trend(Set.of(rep), YearMonth.parse(month), 1).getFirst().actionCompletion())
                .isEqualTo(0.0);

        // the rep's page says who changed what and why
        MvcTestResult page = mvc.get()
                .uri("/goals/progress/reps/{id}?month={m}", rep, month)
                .cookie(WebSession.login(mvc, "manager1"))
                .exchange();
        assertThat(page).hasStatusOk();
        assertThat(page)
                .bodyText()
                .contains("id=\"override-note\"")
                .contains("经理调整：原 " + derivedVisits + "/")
                .contains("→ " + (derivedVisits + 5) + "/3/2")
                .contains("再加一次拜访")
                .contains("id=\"override-form\"")
                .contains("行动缺口意味着：本周少 3 个新增商机");
    }

    @Test
    void aMissingReasonNegativeOrAbsurdFiguresAnswer422NamingTheField() {
        long rep = id("rep5");
        String manager = WebSession.token(mvc, "manager1");
        assertThat(put(manager, rep, change(5, 2, 1, "  ")))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("reason");
        assertThat(put(manager, rep, change(-1, 2, 1, "原因")))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("visits");
        assertThat(put(manager, rep, change(5, 2, 999, "原因")))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("demos");
        assertThat(put(manager, rep, change(5, null, 1, "原因")))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("newOpportunities");
        assertThat(mvc.put()
                        .uri("/api/v1/reps/{id}/action-targets?month=2026-13", rep)
                        .header("Authorization", manager)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(change(5, 2, 1, "原因")))
                        .exchange())
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("month");
    }

    @Test
    void anotherTeamsManagerGets404AndTheRepThemselvesMayNotOverride() {
        long rep = id("rep6");
        assertThat(put(WebSession.token(mvc, "manager2"), rep, change(5, 2, 1, "不是我的团队")))
                .hasStatus(404);
        assertThat(put(WebSession.token(mvc, "rep6"), rep, change(1, 0, 0, "我想少做点")))
                .hasStatus(403);
        assertThat(mvc.get()
                        .uri("/goals/progress/reps/{id}?month={m}", rep, month)
                        .cookie(WebSession.login(mvc, "rep6"))
                        .exchange())
                .bodyText()
                .doesNotContain("id=\"override-form\"");
    }
}
