package app.lantern.goal.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.identity.Directory;
import java.time.Clock;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@AutoConfigureMockMvc
class RepProgressApiTest {

    @Autowired
    Clock clock;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Directory directory;

    private String token(String username) {
        MvcTestResult r = mvc.post()
                .uri("/api/v1/auth/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"password\":\"lantern-demo\"}")
                .exchange();
        return JsonMapper.builder()
                .build()
                .readTree(r.getResponse().getContentAsByteArray())
                .path("token")
                .asString();
    }

    @Test
    void aRepSeesResultActionsAndTheLinkForTheMonthAndTheManagerOfAnotherTeamDoesNot() {
        long rep = directory.userByUsername("rep6").orElseThrow().id();
        String exec = token("exec");
        String month = YearMonth.now(clock).toString();
        mvc.post()
                .uri("/api/v1/targets")
                .header("Authorization", "Bearer " + exec)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"period\":\"" + month + "\",\"level\":\"REP\",\"subjectId\":\"" + rep
                        + "\",\"amount\":600000}")
                .exchange();

        MvcTestResult mine = mvc.get()
                .uri("/api/v1/reps/{id}/progress?month=" + month, rep)
                .header("Authorization", "Bearer " + token("rep6"))
                .exchange();
        assertThat(mine).hasStatusOk();
        assertThat(mine)
                .bodyJson()
                .extractingPath("$.target")
                .asNumber()
                .satisfies(n -> assertThat(n.intValue()).isEqualTo(600000));
        assertThat(mine)
                .bodyJson()
                .extractingPath("$.workingDays")
                .asNumber()
                .satisfies(n -> assertThat(n.intValue()).isBetween(16, 23));
        assertThat(mine)
                .bodyJson()
                .extractingPath("$.thisWeek.newOpportunitiesTarget")
                .asNumber()
                .satisfies(n -> assertThat(n.intValue()).isPositive());
        assertThat(mine).bodyJson().extractingPath("$.diagnosis").asString().contains("缺口");

        assertThat(mvc.get()
                        .uri("/api/v1/reps/{id}/progress?month=" + month, rep)
                        .header("Authorization", "Bearer " + token("manager2"))
                        .exchange())
                .hasStatus(404);
        assertThat(mvc.get()
                        .uri("/api/v1/reps/{id}/progress?month=2026-13", rep)
                        .header("Authorization", "Bearer " + token("rep6"))
                        .exchange())
                .hasStatus(400);
    }
}
