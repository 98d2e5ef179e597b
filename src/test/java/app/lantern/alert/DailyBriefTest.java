package app.lantern.alert;

import static lantern.db.Tables.NOTIFICATIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import app.lantern.identity.Directory;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
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

    @Test
    void theManagerPreviewsExactlyWhatARepReceivesOnEveryChannel() {
        MvcTestResult login = mvc.post()
                .uri("/login")
                .with(csrf())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("username", "manager2")
                .param("password", "lantern-demo")
                .exchange();
        Cookie session = login.getResponse().getHeaders("Set-Cookie").stream()
                .filter(h -> h.startsWith("LANTERN_SESSION="))
                .map(h -> new Cookie("LANTERN_SESSION", h.substring("LANTERN_SESSION=".length(), h.indexOf(';'))))
                .reduce((a, b) -> b)
                .orElseThrow();
        long rep = directory.userByUsername("rep8").orElseThrow().id();
        MvcTestResult page =
                mvc.get().uri("/briefs/preview?repId=" + rep).cookie(session).exchange();
        assertThat(page).hasStatusOk();
        assertThat(page)
                .bodyText()
                .contains("每日简报")
                .contains("周敏")
                .contains("data-channel=\"WECOM_ROBOT\"")
                .contains("data-channel=\"DINGTALK_ROBOT\"")
                .contains("data-channel=\"FEISHU_BOT\"")
                .contains("data-channel=\"EMAIL\"")
                .contains("&quot;msgtype&quot; : &quot;markdown&quot;")
                .contains("&quot;msg_type&quot; : &quot;post&quot;");
        assertThat(mvc.get().uri("/briefs/preview?team=true").cookie(session).exchange())
                .bodyText()
                .contains("团队晨报");
        // another team's rep is out of scope
        long other = directory.userByUsername("rep1").orElseThrow().id();
        assertThat(mvc.get()
                        .uri("/briefs/preview?repId=" + other)
                        .cookie(session)
                        .exchange())
                .hasStatus(404);
    }
}
