package app.lantern.goal.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.identity.Directory;
import app.lantern.identity.TeamSummary;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
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
class TargetApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Directory directory;

    /** A year no other test run used, so that the targets here are this run's. */
    private final int year = 2040 + (int) (System.nanoTime() % 55);

    private String token(String username) {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/auth/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"password\":\"lantern-demo\"}")
                .exchange();
        return JSON.readTree(result.getResponse().getContentAsByteArray())
                .path("token")
                .asString();
    }

    private MvcTestResult post(String token, String uri, Object body) {
        return mvc.post()
                .uri(uri)
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body))
                .exchange();
    }

    private MvcTestResult put(String token, String uri, Object body) {
        return mvc.put()
                .uri(uri)
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body))
                .exchange();
    }

    private static JsonNode json(MvcTestResult r) {
        return JSON.readTree(r.getResponse().getContentAsByteArray());
    }

    private TeamSummary team(String name) {
        return directory.teams().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private String companyTarget(String exec, String amount) {
        MvcTestResult created = post(
                exec,
                "/api/v1/targets",
                Map.of("period", String.valueOf(year), "level", "COMPANY", "amount", new BigDecimal(amount)));
        assertThat(created).hasStatus(201);
        return json(created).path("id").asString();
    }

    private static BigDecimal sum(JsonNode items) {
        BigDecimal s = BigDecimal.ZERO;
        for (JsonNode n : items) {
            s = s.add(n.path("amount").decimalValue());
        }
        return s;
    }

    @Test
    void executiveSplitsTheYearIntoQuartersMonthsAndWeeksThatAddUp() {
        String exec = token("exec");
        String id = companyTarget(exec, "12000000");

        JsonNode quarters = json(
                post(exec, "/api/v1/targets/" + id + "/decompose", Map.of("dimension", "TIME", "method", "EQUAL")));
        assertThat(quarters).hasSize(4);
        assertThat(quarters.get(0).path("amount").decimalValue()).isEqualByComparingTo("3000000");

        String q1 = quarters.get(0).path("id").asString();
        JsonNode months = json(
                post(exec, "/api/v1/targets/" + q1 + "/decompose", Map.of("dimension", "TIME", "method", "WEIGHTS")));
        assertThat(months)
                .extracting(n -> n.path("period").asString())
                .containsExactly(year + "-01", year + "-02", year + "-03");
        assertThat(sum(months)).isEqualByComparingTo("3000000");

        String january = months.get(0).path("id").asString();
        JsonNode weeks = json(post(
                exec, "/api/v1/targets/" + january + "/decompose", Map.of("dimension", "TIME", "method", "EQUAL")));
        assertThat(weeks.size()).isBetween(4, 5);
        assertThat(sum(weeks)).isEqualByComparingTo(months.get(0).path("amount").decimalValue());

        JsonNode year = json(mvc.get()
                .uri("/api/v1/targets/" + id)
                .header("Authorization", "Bearer " + exec)
                .exchange());
        assertThat(year.path("timeChildrenSum").decimalValue()).isEqualByComparingTo("12000000");
        assertThat(year.path("mismatch").asBoolean()).isFalse();
    }

    @Test
    void regionPotentialWeightsSplitTheCompanyAndTheManagerSplitsTheTeamAmongReps() {
        String exec = token("exec");
        String id = companyTarget(exec, "4000000");
        long company = directory.teams().stream()
                .filter(t -> t.parentId() == null)
                .findFirst()
                .orElseThrow()
                .id();
        long east = team("华东区").id();
        long south = team("华南区").id();
        long north = team("华北区").id();
        MvcTestResult weights = put(
                exec,
                "/api/v1/targets/weights?level=COMPANY&subjectId=" + company,
                Map.of(String.valueOf(east), 2, String.valueOf(south), 1, String.valueOf(north), 1));
        assertThat(weights).hasStatusOk();

        JsonNode teams = json(
                post(exec, "/api/v1/targets/" + id + "/decompose", Map.of("dimension", "ORG", "method", "WEIGHTS")));
        JsonNode eastTarget = null;
        for (JsonNode t : teams) {
            if (t.path("subjectId").asString().equals(String.valueOf(east))) {
                eastTarget = t;
            }
        }
        assertThat(eastTarget.path("amount").decimalValue()).isEqualByComparingTo("2000000");

        String manager = token("manager1");
        JsonNode reps = json(post(
                manager,
                "/api/v1/targets/" + eastTarget.path("id").asString() + "/decompose",
                Map.of("dimension", "ORG", "method", "EQUAL", "reason", "按人头平均")));
        long eastReps = directory.members(java.util.Set.of(east)).stream()
                .filter(u -> u.roles().contains(app.lantern.identity.Role.REP))
                .count();
        assertThat(reps).hasSize((int) eastReps);
        assertThat(sum(reps)).isEqualByComparingTo("2000000");

        // a rep reads their own target but cannot change targets; a manager cannot touch another region
        String rep = token("rep1");
        JsonNode mine = json(mvc.get()
                .uri("/api/v1/targets?year=" + year + "&level=REP")
                .header("Authorization", "Bearer " + rep)
                .exchange());
        assertThat(mine.path("items")).hasSize(1);
        assertThat(mine.path("items").get(0).path("subjectName").asString()).isEqualTo("张伟");
        assertThat(post(
                        rep,
                        "/api/v1/targets/" + eastTarget.path("id").asString() + "/decompose",
                        Map.of("dimension", "ORG", "method", "EQUAL")))
                .hasStatus(403);
        String southTarget = null;
        for (JsonNode t : teams) {
            if (t.path("subjectId").asString().equals(String.valueOf(south))) {
                southTarget = t.path("id").asString();
            }
        }
        assertThat(post(
                        manager,
                        "/api/v1/targets/" + southTarget + "/decompose",
                        Map.of("dimension", "ORG", "method", "EQUAL")))
                .hasStatus(404);

        // a hand-edited rep target makes the team's children stop adding up, and the team is flagged
        String repTarget = reps.get(0).path("id").asString();
        MvcTestResult edited =
                put(manager, "/api/v1/targets/" + repTarget, Map.of("amount", 500000, "reason", "大客户经理", "version", 1));
        assertThat(edited).hasStatusOk();
        JsonNode team = json(mvc.get()
                .uri("/api/v1/targets/" + eastTarget.path("id").asString())
                .header("Authorization", "Bearer " + manager)
                .exchange());
        assertThat(team.path("mismatch").asBoolean()).isTrue();
        BigDecimal expected = new BigDecimal("2000000")
                .subtract(reps.get(0).path("amount").decimalValue())
                .add(new BigDecimal("500000"));
        assertThat(team.path("orgChildrenSum").decimalValue()).isEqualByComparingTo(expected);

        // versioned: the stale version is refused, and the history shows both versions with the reason
        assertThat(put(manager, "/api/v1/targets/" + repTarget, Map.of("amount", 1, "version", 1)))
                .hasStatus(409);
        JsonNode versions = json(mvc.get()
                .uri("/api/v1/targets/" + repTarget + "/versions")
                .header("Authorization", "Bearer " + manager)
                .exchange());
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).path("reason").asString()).isEqualTo("大客户经理");
    }

    @Test
    void lastYearsSharesCarryOver() {
        String exec = token("exec");
        long east = team("华东区").id();
        long south = team("华南区").id();
        long north = team("华北区").id();
        int previous = year - 1;
        post(
                exec,
                "/api/v1/targets",
                Map.of(
                        "period",
                        String.valueOf(previous),
                        "level",
                        "TEAM",
                        "subjectId",
                        String.valueOf(east),
                        "amount",
                        300));
        post(
                exec,
                "/api/v1/targets",
                Map.of(
                        "period",
                        String.valueOf(previous),
                        "level",
                        "TEAM",
                        "subjectId",
                        String.valueOf(south),
                        "amount",
                        100));
        post(
                exec,
                "/api/v1/targets",
                Map.of(
                        "period",
                        String.valueOf(previous),
                        "level",
                        "TEAM",
                        "subjectId",
                        String.valueOf(north),
                        "amount",
                        100));
        String id = companyTarget(exec, "1000000");
        JsonNode teams = json(
                post(exec, "/api/v1/targets/" + id + "/decompose", Map.of("dimension", "ORG", "method", "LAST_YEAR")));
        assertThat(teams).anySatisfy(t -> {
            assertThat(t.path("subjectId").asString()).isEqualTo(String.valueOf(east));
            assertThat(t.path("amount").decimalValue()).isEqualByComparingTo("600000");
        });
    }

    @Test
    void badInputAnswersWithFieldErrors() {
        String exec = token("exec");
        MvcTestResult negative =
                post(exec, "/api/v1/targets", Map.of("period", String.valueOf(year), "level", "COMPANY", "amount", -5));
        assertThat(negative).hasStatus(400);
        assertThat(negative).bodyJson().extractingPath("$.errors[0].field").isEqualTo("amount");
        assertThat(post(
                        exec,
                        "/api/v1/targets",
                        Map.of("period", String.valueOf(year), "level", "COMPANY", "amount", new BigDecimal("1e13"))))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .asString()
                .contains("implausibly large");
        assertThat(post(exec, "/api/v1/targets", Map.of("period", year + "-13", "level", "COMPANY", "amount", 1)))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("period");

        String id = companyTarget(exec, "1200000");
        JsonNode quarters = json(
                post(exec, "/api/v1/targets/" + id + "/decompose", Map.of("dimension", "TIME", "method", "EQUAL")));
        JsonNode months = json(post(
                exec,
                "/api/v1/targets/" + quarters.get(0).path("id").asString() + "/decompose",
                Map.of("dimension", "TIME", "method", "EQUAL")));
        MvcTestResult outside = post(
                exec,
                "/api/v1/targets/" + months.get(0).path("id").asString() + "/decompose",
                Map.of("dimension", "TIME", "method", "MANUAL", "amounts", Map.of(year + "-W20", 100)));
        assertThat(outside).hasStatus(400);
        assertThat(outside).bodyJson().extractingPath("$.errors[0].field").isEqualTo("amounts." + year + "-W20");
        assertThat(outside)
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .asString()
                .contains("week is outside");

        long company = directory.teams().stream()
                .filter(t -> t.parentId() == null)
                .findFirst()
                .orElseThrow()
                .id();
        List<Long> regions =
                List.of(team("华东区").id(), team("华南区").id(), team("华北区").id());
        MvcTestResult zero = post(
                exec,
                "/api/v1/targets/" + id + "/decompose",
                Map.of(
                        "dimension",
                        "ORG",
                        "method",
                        "WEIGHTS",
                        "weights",
                        Map.of(
                                String.valueOf(regions.get(0)),
                                0,
                                String.valueOf(regions.get(1)),
                                0,
                                String.valueOf(regions.get(2)),
                                0)));
        assertThat(zero).hasStatus(400);
        assertThat(zero).bodyJson().extractingPath("$.errors[0].field").isEqualTo("weights");
        assertThat(company).isPositive();
    }
}
