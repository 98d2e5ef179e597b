package app.lantern.goal.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.identity.Directory;
import app.lantern.testing.WebSession;
import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@SpringBootTest
@AutoConfigureMockMvc
class RepMonthWidgetTest {

    @Autowired
    Clock clock;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Directory directory;

    private long newRep(String username) {
        long team = directory.userByUsername("rep1").orElseThrow().teamId();
        MvcTestResult created = mvc.post()
                .uri("/api/v1/admin/users")
                .header("Authorization", WebSession.token(mvc, "admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username
                        + "\",\"displayName\":\"新销售\",\"password\":\"month-widget-1\",\"teamId\":" + team
                        + ",\"roles\":[\"REP\"]}")
                .exchange();
        assertThat(created).hasStatus(201);
        return directory.userByUsername(username).orElseThrow().id();
    }

    @Test
    void aRepWithoutATargetIsToldWhoDecomposesItAndOnceSetSeesTheMonthAgainstPaceAndThisWeeksActions() {
        long rep = newRep("month-widget-rep");
        Cookie session = WebSession.login(mvc, "month-widget-rep", "month-widget-1");

        MvcTestResult before = mvc.get().uri("/").cookie(session).exchange();
        assertThat(before).hasStatusOk();
        assertThat(before)
                .bodyText()
                .contains("data-widget=\"my-month\"")
                .contains("还没有分解到你的签约目标")
                .contains("本周行动")
                .contains("拜访")
                .contains("新增有效商机")
                .contains("方案演示");

        mvc.post()
                .uri("/api/v1/targets")
                .header("Authorization", WebSession.token(mvc, "exec"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"period\":\"" + YearMonth.now(clock) + "\",\"level\":\"REP\",\"subjectId\":\"" + rep
                        + "\",\"amount\":800000}")
                .exchange();

        MvcTestResult after = mvc.get().uri("/").cookie(session).exchange();
        assertThat(after)
                .bodyText()
                .contains("已签 ¥0.0万 / ¥80.0万")
                .contains("按已过工作日，此时应完成")
                .doesNotContain("还没有分解到你的签约目标");
        assertThat(mvc.get().uri("/?lang=en").cookie(session).exchange())
                .bodyText()
                .contains("This week")
                .contains("signed ¥0k / ¥800k");
    }
}
