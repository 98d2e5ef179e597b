package app.lantern.goal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.lantern.identity.Directory;
import app.lantern.testing.WebSession;
import java.time.Clock;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/** The G2 derivation as the API and the progress pages show it. */
@SpringBootTest
@AutoConfigureMockMvc
class ActionPlanWebTest {

    @Autowired
    Clock clock;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Directory directory;

    @Test
    void theApiExplainsTheWeeklyTargetsStepByStepAndTheyStayWithinCapacity() {
        String month = YearMonth.now(clock).toString();
        for (String username : new String[] {"rep1", "rep2", "rep3", "rep4", "rep5", "rep6"}) {
            long rep = directory.userByUsername(username).orElseThrow().id();
            JsonNode p = WebSession.json(mvc.get()
                    .uri("/api/v1/reps/{id}/progress?month=" + month, rep)
                    .header("Authorization", WebSession.token(mvc, "exec"))
                    .exchange());
            JsonNode plan = p.path("plan");
            JsonNode week = p.path("thisWeek");
            assertThat(plan.path("gap").asDouble()).isEqualTo(p.path("gap").asDouble());
            assertThat(plan.path("dealsNeeded").asDouble())
                    .isCloseTo(
                            plan.path("gap").asDouble()
                                    / plan.path("averageDeal").path("value").asDouble(),
                            within(0.005));
            for (String action : new String[] {"visits", "newOpportunities", "demos"}) {
                JsonNode b = plan.path(action);
                assertThat(b.path("target").asInt())
                        .as(username + " " + action)
                        .isBetween(b.path("floor").asInt(), b.path("capacity").asInt());
            }
            if (!week.path("overridden").asBoolean()) {
                assertThat(week.path("visitsTarget").asInt())
                        .isEqualTo(plan.path("visits").path("target").asInt());
            }
        }
    }

    @Test
    void theRepPageAndTheRollupShowTheArithmeticInChineseAndInEnglish() {
        long rep = directory.userByUsername("rep1").orElseThrow().id();
        var manager = WebSession.login(mvc, "manager1");
        MvcTestResult zh =
                mvc.get().uri("/goals/progress/reps/{id}", rep).cookie(manager).exchange();
        assertThat(zh).hasStatusOk();
        assertThat(zh)
                .bodyText()
                .contains("每周行动目标如何推导")
                .contains("需新增商机")
                .contains("能力区间")
                .doesNotContain("goal.plan.");
        assertThat(mvc.get().uri("/goals/progress").cookie(manager).exchange())
                .bodyText()
                .contains("data-plan")
                .contains("每周行动目标如何推导");
        assertThat(mvc.get()
                        .uri("/goals/progress/reps/{id}?lang=en", rep)
                        .cookie(manager)
                        .exchange())
                .bodyText()
                .contains("How the weekly action targets are derived")
                .contains("capacity")
                .doesNotContain("goal.plan.")
                .doesNotContain("能力区间");
    }
}
