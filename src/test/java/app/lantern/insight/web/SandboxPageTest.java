package app.lantern.insight.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.identity.Directory;
import app.lantern.testing.WebSession;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The sandbox page, its live fragment, and the cockpit as executives and managers land on it. */
@SpringBootTest
@AutoConfigureMockMvc
class SandboxPageTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Directory directory;

    private long id(String username) {
        return directory.userByUsername(username).orElseThrow().id();
    }

    @Test
    void theSandboxPageShowsEachRepsSlidersAndTheForecastAndTheFragmentFollowsTheSliders() {
        Cookie manager = WebSession.login(mvc, "manager1");
        MvcTestResult page = mvc.get().uri("/goals/sandbox").cookie(manager).exchange();
        assertThat(page).hasStatusOk();
        assertThat(page)
                .bodyText()
                .contains("目标沙盘推演")
                .contains("name=\"weight\"")
                .contains("name=\"conversion\"")
                .contains("hx-post=\"/goals/sandbox/simulate\"")
                .contains("data-sandbox-reps")
                .contains("data-backtest")
                .contains("达成概率")
                .doesNotContain("sandbox.");

        long team = directory.userByUsername("rep1").orElseThrow().teamId();
        MvcTestResult fragment = mvc.post()
                .uri("/goals/sandbox/simulate")
                .cookie(manager)
                .header("HX-Request", "true")
                .with(SecurityMockMvcRequestPostProcessors.csrf())
                .param("teamId", String.valueOf(team))
                .param("mode", "amounts")
                .param("repId", String.valueOf(id("rep1")))
                .param("target", "7654321")
                .param("leadVolume", "1.5")
                .param("conversion", "1")
                .param("cycleTime", "1")
                .exchange();
        assertThat(fragment).hasStatusOk();
        assertThat(fragment)
                .bodyText()
                .doesNotContain("<html")
                .contains("id=\"sandbox-results\"")
                .contains("765.4")
                .contains("×1.5");

        MvcTestResult invalid = mvc.post()
                .uri("/goals/sandbox/simulate")
                .cookie(manager)
                .header("HX-Request", "true")
                .with(SecurityMockMvcRequestPostProcessors.csrf())
                .param("teamId", String.valueOf(team))
                .param("mode", "weights")
                .param("repId", String.valueOf(id("rep1")))
                .param("weight", "-2")
                .exchange();
        assertThat(invalid).bodyText().contains("reps[0].weight");

        assertThat(mvc.get()
                        .uri("/goals/sandbox?teamId=" + team)
                        .cookie(WebSession.login(mvc, "manager2"))
                        .exchange())
                .hasStatus(404);
    }

    @Test
    void executivesAndManagersLandOnTheCockpitWithTheSandboxOneClickAwayAndLazyPanels() {
        Cookie exec = WebSession.login(mvc, "exec");
        assertThat(mvc.get().uri("/").cookie(exec).exchange())
                .bodyText()
                .contains("data-widget=\"cockpit\"")
                .contains("hx-get=\"/cockpit\"");

        MvcTestResult panel = mvc.get()
                .uri("/cockpit")
                .cookie(exec)
                .header("HX-Request", "true")
                .exchange();
        assertThat(panel).hasStatusOk();
        assertThat(panel)
                .bodyText()
                .doesNotContain("<html")
                .contains("data-forecast=\"month\"")
                .contains("data-forecast=\"quarter\"")
                .contains("href=\"/goals/sandbox\"")
                .contains("hx-get=\"/attribution/summary\"")
                .contains("hx-get=\"/diagnostics/radar\"")
                .contains("hx-trigger=\"load\"")
                .contains("暂无上月归因摘要");

        MvcTestResult manager = mvc.get()
                .uri("/cockpit")
                .cookie(WebSession.login(mvc, "manager2"))
                .exchange();
        assertThat(manager).hasStatusOk();
        String team2 = directory
                .team(directory.userByUsername("rep7").orElseThrow().teamId())
                .orElseThrow()
                .name();
        String team1 = directory
                .team(directory.userByUsername("rep1").orElseThrow().teamId())
                .orElseThrow()
                .name();
        assertThat(manager).bodyText().contains("我的团队").contains(team2).doesNotContain(team1);

        assertThat(mvc.get()
                        .uri("/cockpit")
                        .cookie(WebSession.login(mvc, "rep1"))
                        .exchange())
                .hasStatus(403);
    }
}
