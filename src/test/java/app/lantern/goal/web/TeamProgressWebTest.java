package app.lantern.goal.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.identity.Directory;
import app.lantern.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@SpringBootTest
@AutoConfigureMockMvc
class TeamProgressWebTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Directory directory;

    private long id(String username) {
        return directory.userByUsername(username).orElseThrow().id();
    }

    private String name(String username) {
        return directory.userByUsername(username).orElseThrow().displayName();
    }

    @Test
    void aManagerSeesTheirTeamsRepsAndTotalsWithTheLinkBetweenActionsAndResult() {
        MvcTestResult page = mvc.get()
                .uri("/goals/progress?month=2026-11")
                .cookie(WebSession.login(mvc, "manager2"))
                .exchange();
        assertThat(page).hasStatusOk();
        assertThat(page)
                .bodyText()
                .contains("华南区")
                .contains(name("rep7"))
                .contains(name("rep12"))
                .contains("团队合计")
                .contains("data-rep=\"" + id("rep9") + "\"")
                .contains("id=\"progress-chart\"")
                .contains("data-chart=")
                .doesNotContain("data-rep=\"" + id("rep1") + "\"")
                .doesNotContain("data-rep=\"" + id("rep13") + "\"");
        assertThat(page).bodyText().containsAnyOf("行动缺口意味着", "行动达标", "尚未设定签约目标");
        // drill into a rep of the team; another team's rep is not there
        assertThat(mvc.get()
                        .uri("/goals/progress/reps/{id}?month=2026-11", id("rep9"))
                        .cookie(WebSession.login(mvc, "manager2"))
                        .exchange())
                .hasStatusOk()
                .bodyText()
                .contains(name("rep9"))
                .contains("本周行动")
                .contains("id=\"link\"");
        assertThat(mvc.get()
                        .uri("/goals/progress/reps/{id}?month=2026-11", id("rep1"))
                        .cookie(WebSession.login(mvc, "manager2"))
                        .exchange())
                .hasStatus(404);
    }

    @Test
    void anExecutiveSeesEveryTeam() {
        MvcTestResult page = mvc.get()
                .uri("/goals/progress")
                .cookie(WebSession.login(mvc, "exec"))
                .exchange();
        assertThat(page).hasStatusOk();
        assertThat(page)
                .bodyText()
                .contains("华东区")
                .contains("华南区")
                .contains("华北区")
                .contains("data-rep=\"" + id("rep1") + "\"")
                .contains("data-rep=\"" + id("rep18") + "\"");
    }

    @Test
    void aBadMonthIsAFieldError() {
        assertThat(mvc.get()
                        .uri("/goals/progress?month=2026-13")
                        .cookie(WebSession.login(mvc, "manager1"))
                        .exchange())
                .hasStatus(400);
    }
}
