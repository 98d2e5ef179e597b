package app.lantern.alert;

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
class AlertWidgetsTest {

    @Autowired
    Alerts alerts;

    @Autowired
    Directory directory;

    @Autowired
    MockMvcTester mvc;

    private String landing(String username) throws java.io.UnsupportedEncodingException {
        MvcTestResult home =
                mvc.get().uri("/").cookie(WebSession.login(mvc, username)).exchange();
        assertThat(home).hasStatusOk();
        return home.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void anAlertShowsOnTheRepsLandingPageAndOnTheirManagersButNotOnAnotherTeamsManagers() throws Exception {
        long rep = directory.userByUsername("rep5").orElseThrow().id();
        long subject = System.nanoTime() % 1_000_000_000L + 2_000_000_000L;
        String message = "商机「挂件测试 " + subject + "」在「方案演示」阶段已 4 个工作日未推进";
        alerts.raise(
                new AlertSignal("STAGE_STALE", "opportunity", subject, rep, "HIGH", message, "/alerts/reps/" + rep));

        assertThat(landing("rep5"))
                .contains("data-widget=\"my-alerts\"")
                .contains(message)
                .contains("href=\"/briefs\"");
        assertThat(landing("manager1"))
                .contains("data-widget=\"team-alerts\"")
                .contains(message)
                .contains("href=\"/alerts/reps/" + rep + "\"");
        assertThat(landing("manager2")).contains("data-widget=\"team-alerts\"").doesNotContain(message);

        alerts.clear("STAGE_STALE", "opportunity", subject);
        assertThat(landing("rep5")).doesNotContain(message);
    }
}
