package app.lantern.insight.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.lantern.audit.AuditTrail;
import app.lantern.goal.TargetLevel;
import app.lantern.goal.TargetMetric;
import app.lantern.goal.Targets;
import app.lantern.identity.Directory;
import app.lantern.identity.Role;
import app.lantern.testing.WebSession;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/** G5 through the API: the simulation's shape and determinism, validation, scope, and applying a scenario. */
@SpringBootTest
@AutoConfigureMockMvc
class SandboxApiTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Directory directory;

    @Autowired
    Targets targets;

    @Autowired
    AuditTrail audit;

    @Autowired
    Clock clock;

    private MvcTestResult post(String user, String uri, String body) {
        return mvc.post()
                .uri(uri)
                .header("Authorization", WebSession.token(mvc, user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private long id(String username) {
        return directory.userByUsername(username).orElseThrow().id();
    }

    private int repsInTeamOf(String username) {
        return (int) directory.members(Set.of(teamOf(username))).stream()
                .filter(u -> u.roles().contains(Role.REP))
                .count();
    }

    private long teamOf(String username) {
        return directory.userByUsername(username).orElseThrow().teamId();
    }

    @Test
    void aManagerSeesEachRepsTargetActionsAndForecastAndTheSameScenarioGivesTheSameFigures() {
        String body = "{\"teamId\":\"" + teamOf("rep1") + "\"}";
        MvcTestResult first = post("manager1", "/api/v1/sandbox/simulations", body);
        assertThat(first).hasStatusOk();
        JsonNode s = WebSession.json(first);
        JsonNode team = s.path("team");
        assertThat(team.path("p10").asDouble())
                .isLessThanOrEqualTo(team.path("p50").asDouble());
        assertThat(team.path("p50").asDouble())
                .isLessThanOrEqualTo(team.path("p90").asDouble());
        assertThat(team.path("probability").asDouble()).isBetween(0.0, 1.0);
        // the demo's six reps of 华东区, and any rep another test has added to the team since
        assertThat(s.path("reps")).hasSize(repsInTeamOf("rep1"));
        double targets = 0;
        for (JsonNode rep : s.path("reps")) {
            assertThat(rep.path("repId").isString()).isTrue();
            assertThat(rep.path("weeklyActions").path("visits").isInt()).isTrue();
            assertThat(rep.path("weeklyActions").has("newOpportunities")).isTrue();
            assertThat(rep.path("weeklyActions").has("demos")).isTrue();
            assertThat(rep.path("p90").asDouble())
                    .isGreaterThanOrEqualTo(rep.path("p10").asDouble());
            assertThat(rep.path("p10").asDouble())
                    .isGreaterThanOrEqualTo(rep.path("signed").asDouble());
            targets += rep.path("target").asDouble();
        }
        assertThat(team.path("target").asDouble()).isEqualTo(targets);
        assertThat(WebSession.json(post("manager1", "/api/v1/sandbox/simulations", body)))
                .isEqualTo(s);

        // a better conversion never lowers what the team is expected to sign, nor its chance
        JsonNode better = WebSession.json(post(
                "manager1",
                "/api/v1/sandbox/simulations",
                "{\"teamId\":\"" + teamOf("rep1") + "\",\"levers\":{\"conversion\":1.5}}"));
        assertThat(better.path("team").path("p50").asDouble())
                .isGreaterThanOrEqualTo(team.path("p50").asDouble());
        assertThat(better.path("team").path("probability").asDouble())
                .isGreaterThanOrEqualTo(team.path("probability").asDouble());
    }

    @Test
    void weightsShareTheTeamTotalAndAHigherTargetAsksForMoreActionsWithALowerChance() {
        String team = String.valueOf(teamOf("rep1"));
        JsonNode s = WebSession.json(post(
                "manager1",
                "/api/v1/sandbox/simulations",
                "{\"teamId\":\"" + team + "\",\"teamTarget\":6000000,\"reps\":[{\"repId\":\"" + id("rep1")
                        + "\",\"weight\":3}]}"));
        JsonNode first = s.path("reps").get(indexOf(s, id("rep1")));
        // rep1 weighs 3, the others 1 each: with the demo's six reps 3/8 of 6,000,000
        int others = repsInTeamOf("rep1") - 1;
        assertThat(first.path("target").asDouble()).isCloseTo(6_000_000.0 * 3 / (3 + others), within(1.0));
        assertThat(s.path("team").path("target").asDouble()).isEqualTo(6_000_000.0);

        JsonNode low = WebSession.json(post(
                "manager1",
                "/api/v1/sandbox/simulations",
                "{\"teamId\":\"" + team + "\",\"reps\":[{\"repId\":\"" + id("rep1") + "\",\"target\":100000}]}"));
        JsonNode high = WebSession.json(post(
                "manager1",
                "/api/v1/sandbox/simulations",
                "{\"teamId\":\"" + team + "\",\"reps\":[{\"repId\":\"" + id("rep1") + "\",\"target\":9000000}]}"));
        JsonNode lowRep = low.path("reps").get(indexOf(low, id("rep1")));
        JsonNode highRep = high.path("reps").get(indexOf(high, id("rep1")));
        assertThat(highRep.path("probability").asDouble())
                .isLessThanOrEqualTo(lowRep.path("probability").asDouble());
        assertThat(highRep.path("weeklyActions").path("newOpportunities").asInt())
                .isGreaterThanOrEqualTo(
                        lowRep.path("weeklyActions").path("newOpportunities").asInt());
        assertThat(highRep.path("p50")).isEqualTo(lowRep.path("p50"));
    }

    private static int indexOf(JsonNode s, long repId) {
        for (int i = 0; i < s.path("reps").size(); i++) {
            if (s.path("reps").get(i).path("repId").asString().equals(String.valueOf(repId))) {
                return i;
            }
        }
        throw new AssertionError("rep " + repId + " missing");
    }

    @Test
    void badInputAnswers400NamingTheFieldAndAnotherTeam404() {
        String team = String.valueOf(teamOf("rep1"));
        assertField(
                post(
                        "manager1",
                        "/api/v1/sandbox/simulations",
                        "{\"teamId\":\"" + team + "\",\"reps\":[{\"repId\":\"" + id("rep1") + "\",\"weight\":-1}]}"),
                "reps[0].weight");
        assertField(
                post(
                        "manager1",
                        "/api/v1/sandbox/simulations",
                        "{\"teamId\":\"" + team + "\",\"reps\":[{\"repId\":\"999999\",\"weight\":1}]}"),
                "reps[0].repId");
        assertField(
                post(
                        "manager1",
                        "/api/v1/sandbox/simulations",
                        "{\"teamId\":\"" + team + "\",\"reps\":[{\"repId\":\"" + id("rep7") + "\",\"target\":1}]}"),
                "reps[0].repId");
        assertField(
                post(
                        "manager1",
                        "/api/v1/sandbox/simulations",
                        "{\"teamId\":\"" + team + "\",\"levers\":{\"conversion\":0}}"),
                "levers.conversion");
        assertField(
                post("manager1", "/api/v1/sandbox/simulations", "{\"teamId\":\"" + team + "\",\"month\":\"2020-01\"}"),
                "month");

        MvcTestResult other = post("manager2", "/api/v1/sandbox/simulations", "{\"teamId\":\"" + team + "\"}");
        assertThat(other).hasStatus(404);
        assertThat(other)
                .bodyText()
                .doesNotContain(directory.team(teamOf("rep1")).orElseThrow().name());
        assertThat(post("rep1", "/api/v1/sandbox/simulations", "{}")).hasStatus(403);
    }

    private static void assertField(MvcTestResult r, String field) {
        assertThat(r).hasStatus(400);
        assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(WebSession.json(r).path("errors").findValuesAsString("field"))
                .contains(field);
    }

    @Test
    void aSavedScenarioIsComparedAndAppliedOnceWritingTargetVersionsAndAnAuditEntry() {
        String team = String.valueOf(teamOf("rep13"));
        String month = YearMonth.now(clock).plusMonths(1).toString();
        String body = "{\"name\":\"华南 重新分配\",\"teamId\":\"" + team + "\",\"month\":\"" + month
                + "\",\"reps\":[{\"repId\":\"" + id("rep13") + "\",\"target\":432100}],"
                + "\"levers\":{\"leadVolume\":1.2}}";
        MvcTestResult created = post("manager3", "/api/v1/sandbox/scenarios", body);
        assertThat(created).hasStatus(201);
        JsonNode scenario = WebSession.json(created);
        String id = scenario.path("id").asString();
        assertThat(scenario.path("levers").path("leadVolume").asDouble()).isEqualTo(1.2);

        // another manager neither sees nor applies it
        assertThat(mvc.get()
                        .uri("/api/v1/sandbox/scenarios/" + id)
                        .header("Authorization", WebSession.token(mvc, "manager1"))
                        .exchange())
                .hasStatus(404);
        assertThat(post("manager1", "/api/v1/sandbox/scenarios/" + id + "/apply", "{}"))
                .hasStatus(404);

        MvcTestResult compared = mvc.get()
                .uri("/api/v1/sandbox/scenarios/compare?ids=" + id)
                .header("Authorization", WebSession.token(mvc, "manager3"))
                .exchange();
        assertThat(compared).hasStatusOk();
        assertThat(WebSession.json(compared)
                        .get(0)
                        .path("simulation")
                        .path("levers")
                        .path("leadVolume")
                        .asDouble())
                .isEqualTo(1.2);

        MvcTestResult applied = post("manager3", "/api/v1/sandbox/scenarios/" + id + "/apply", "{}");
        assertThat(applied).hasStatusOk();
        assertThat(WebSession.json(applied).path("appliedAt").isNull()).isFalse();
        assertThat(targets.amount(TargetMetric.SIGNED, TargetLevel.REP, id("rep13"), month))
                .contains(new BigDecimal("432100.00"));
        assertThat(audit.history("sandbox_scenario", id))
                .extracting(e -> e.action())
                .contains("created", "scenario.applied");
        assertThat(post("manager3", "/api/v1/sandbox/scenarios/" + id + "/apply", "{}"))
                .hasStatus(409);
    }

    @Test
    void twoManagersApplyingTheSameScenarioAtOnceApplyItOnce() throws Exception {
        String team = String.valueOf(teamOf("rep13"));
        String month = YearMonth.now(clock).plusMonths(2).toString();
        String id = WebSession.json(post(
                        "manager3",
                        "/api/v1/sandbox/scenarios",
                        "{\"name\":\"并发\",\"teamId\":\"" + team + "\",\"month\":\"" + month + "\"}"))
                .path("id")
                .asString();
        String manager = WebSession.token(mvc, "manager3");
        String exec = WebSession.token(mvc, "exec");
        java.util.List<java.util.concurrent.Callable<Integer>> calls =
                java.util.List.of(() -> apply(manager, id), () -> apply(exec, id));
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            for (var f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(audit.history("sandbox_scenario", id))
                .filteredOn(e -> e.action().equals("scenario.applied"))
                .hasSize(1);
    }

    private int apply(String token, String id) {
        return mvc.post()
                .uri("/api/v1/sandbox/scenarios/" + id + "/apply")
                .header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}")
                .exchange()
                .getResponse()
                .getStatus();
    }
}
