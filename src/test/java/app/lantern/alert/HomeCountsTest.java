package app.lantern.alert;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.activity.DailyReports;
import app.lantern.identity.Directory;
import app.lantern.identity.Role;
import app.lantern.identity.UserSummary;
import app.lantern.testing.WebSession;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Counts on the manager's landing page agree with the pages they lead to. */
@SpringBootTest
@AutoConfigureMockMvc
class HomeCountsTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Directory directory;

    @Autowired
    DailyReports reports;

    @Autowired
    Clock clock;

    private String page(String uri, Cookie session) throws Exception {
        return mvc.get().uri(uri).cookie(session).exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static int count(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static int number(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    @Test
    void theManagersToDosAndBadgesCountWhatTheirPagesList() throws Exception {
        for (String manager : new String[] {"manager1", "manager2"}) {
            Cookie session = WebSession.login(mvc, manager);
            String home = page("/", session);
            int interventions = count(page("/opportunities/interventions", session), "id=\"intervention-[0-9]+\"");
            int approvals = count(
                    page("/quotes", session).replaceAll("(?s)^.*id=\"approval-inbox\"(.*?)</ul>.*$", "$1"),
                    "<li class=\"list-group-item");

            assertThat(number(home, "id=\"interventions-count\"[^>]*>([0-9]+)<"))
                    .as("%s: interventions badge", manager)
                    .isEqualTo(interventions);
            assertThat(number(home, "id=\"todo-interventions\"[\\s\\S]*?badge[^>]*>([0-9]+)<"))
                    .as("%s: interventions in 待办", manager)
                    .isEqualTo(interventions);
            assertThat(number(home, "id=\"todo-approvals\"[\\s\\S]*?badge[^>]*>([0-9]+)<"))
                    .as("%s: approvals in 待办", manager)
                    .isEqualTo(page("/quotes", session).contains("id=\"approval-inbox\"") ? approvals : 0);
            if (interventions + approvals > 0) {
                assertThat(home).doesNotContain("没有待办");
            }
        }
    }

    @Test
    void theTeamsReportRateIsItsRepsRateWithoutTheManagersOwnReports() throws Exception {
        Cookie session = WebSession.login(mvc, "manager1");
        long manager = directory.userByUsername("manager1").orElseThrow().id();
        Set<Long> team = directory.teamsLedBy(manager).stream()
                .flatMap(t -> directory.subtree(t).stream())
                .collect(Collectors.toSet());
        Set<Long> reps = directory.members(team).stream()
                .filter(u -> u.roles().contains(Role.REP))
                .map(UserSummary::id)
                .collect(Collectors.toSet());
        LocalDate to = LocalDate.now(clock);
        long expected = Math.round(reports.submissionRate(reps, to.minusDays(29), to) * 100);
        assertThat(page("/", session)).containsPattern("近 30 天日报提交率 " + expected + "%");
    }

    @Test
    void atRiskEvidenceNeverShowsANegativeIdleCount() throws Exception {
        Cookie session = WebSession.login(mvc, "manager1");
        for (UserSummary rep : directory.usersWithRole(Role.REP)) {
            String evidence = page("/alerts/reps/" + rep.id(), session);
            assertThat(evidence).doesNotContainPattern(">-[0-9]+</td>");
        }
    }
}
