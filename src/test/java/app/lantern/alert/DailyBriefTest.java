package app.lantern.alert;

import static lantern.db.Tables.NOTIFICATIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import app.lantern.identity.Directory;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@SpringBootTest
@AutoConfigureMockMvc
class DailyBriefTest {

    @Autowired
    DailyBrief briefs;

    @Autowired
    Directory directory;

    @Autowired
    DSLContext db;

    @Autowired
    MockMvcTester mvc;

    @Test
    void noBriefIsSentOnAHolidayOrAWeekend() {
        assertThat(briefs.sendAll(LocalDate.of(2025, 10, 3))).isZero();
        assertThat(briefs.sendAll(LocalDate.of(2030, 6, 8))).isZero();
    }

    @Test
    void eachRepAndManagerGetsOneBriefPerWorkingDayEvenIfTheJobRunsTwice() {
        LocalDate day = LocalDate.of(2030, 6, 11);
        int first = briefs.sendAll(day);
        briefs.sendAll(day);
        long rep = directory.userByUsername("rep7").orElseThrow().id();
        long manager = directory.userByUsername("manager2").orElseThrow().id();
        assertThat(first).isGreaterThanOrEqualTo(21);
        assertThat(db.fetchCount(
                        NOTIFICATIONS,
                        NOTIFICATIONS.RECIPIENT_USER_ID.eq(rep).and(NOTIFICATIONS.DEDUP_KEY.eq("brief-" + day))))
                .isEqualTo(1);
        assertThat(db.fetchCount(
                        NOTIFICATIONS,
                        NOTIFICATIONS
                                .RECIPIENT_USER_ID
                                .eq(manager)
                                .and(NOTIFICATIONS.DEDUP_KEY.eq("brief-team-" + day))))
                .isEqualTo(1);
        DailyBrief.Brief brief = briefs.forRep(rep, day);
        assertThat(brief.markdown())
                .contains("**昨日完成（2030-06-10）**")
                .contains("**今日 TOP3**")
                .contains("**落后项**");
    }

    private Cookie login(String username) {
        MvcTestResult login = mvc.post()
                .uri("/login")
                .with(csrf())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("username", username)
                .param("password", "lantern-demo")
                .exchange();
        return login.getResponse().getHeaders("Set-Cookie").stream()
                .filter(h -> h.startsWith("LANTERN_SESSION="))
                .map(h -> new Cookie("LANTERN_SESSION", h.substring("LANTERN_SESSION=".length(), h.indexOf(';'))))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    /** A message key left in the page: "alert.brief.top3", "goal.diagnosis.visits", "money.brief". */
    private static final Pattern RAW_KEY =
            Pattern.compile("\\b(alert|goal|brief|money)\\.[a-z][A-Za-z]*(\\.[A-Za-z]+)*\\b");

    @Test
    void theRepsLandingPageShowsTheBriefItselfFormatted() throws Exception {
        String home = mvc.get()
                .uri("/")
                .cookie(login("rep8"))
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(home)
                .contains("data-widget=\"brief\"")
                .contains("今日 TOP3")
                .contains("data-brief=\"top3\"")
                .contains("落后项")
                .contains("data-brief=\"lagging\"")
                .doesNotContain("**")
                .containsPattern("签约 ¥[0-9]+\\.[0-9]万 / 目标 ¥[0-9]+\\.[0-9]万")
                .doesNotContainPattern("缺口 [0-9]{5,} 元");
        assertThat(RAW_KEY.matcher(home).results().map(r -> r.group()).toList()).isEmpty();
        String english = mvc.get()
                .uri("/?lang=en")
                .cookie(login("rep8"))
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(english)
                .contains("data-brief=\"top3\"")
                .contains("Lagging")
                .doesNotContain("今日 TOP3")
                .doesNotContain("**");
    }

    @Test
    void aManagerReadsTheBriefOfTheirRepsAndOnlyAnAdminSeesTheChannelPayloads() {
        Cookie manager = login("manager2");
        long rep = directory.userByUsername("rep8").orElseThrow().id();
        MvcTestResult page =
                mvc.get().uri("/briefs?repId=" + rep).cookie(manager).exchange();
        assertThat(page).hasStatusOk();
        assertThat(page)
                .bodyText()
                .contains("每日简报")
                .contains("周敏")
                .contains("今日 TOP3")
                .doesNotContain("**")
                .doesNotContain("data-channel=");
        assertThat(mvc.get().uri("/briefs?team=true").cookie(manager).exchange())
                .bodyText()
                .contains("团队晨报");
        // another team's rep is out of scope
        long other = directory.userByUsername("rep1").orElseThrow().id();
        assertThat(mvc.get().uri("/briefs?repId=" + other).cookie(manager).exchange())
                .hasStatus(404);
        // the channel payloads are for admins, on a page of their own
        assertThat(mvc.get()
                        .uri("/admin/briefs/preview?repId=" + rep)
                        .cookie(manager)
                        .exchange())
                .hasStatus(403);
        assertThat(mvc.get()
                        .uri("/admin/briefs/preview?repId=" + rep)
                        .cookie(login("rep8"))
                        .exchange())
                .hasStatus(403);
        MvcTestResult preview = mvc.get()
                .uri("/admin/briefs/preview?repId=" + rep)
                .cookie(login("admin"))
                .exchange();
        assertThat(preview).hasStatusOk();
        assertThat(preview)
                .bodyText()
                .contains("周敏")
                .contains("data-channel=\"WECOM_ROBOT\"")
                .contains("data-channel=\"DINGTALK_ROBOT\"")
                .contains("data-channel=\"FEISHU_BOT\"")
                .contains("data-channel=\"EMAIL\"")
                .contains("&quot;msgtype&quot; : &quot;markdown&quot;")
                .contains("&quot;msg_type&quot; : &quot;post&quot;");
    }
}
