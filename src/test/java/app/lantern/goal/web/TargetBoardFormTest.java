package app.lantern.goal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import app.lantern.goal.TargetLevel;
import app.lantern.goal.TargetMetric;
import app.lantern.goal.Targets;
import app.lantern.identity.Directory;
import app.lantern.testing.WebSession;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The target board reads in 万元, and its form takes 万元 as well. */
@SpringBootTest
@AutoConfigureMockMvc
class TargetBoardFormTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Targets targets;

    @Autowired
    Directory directory;

    @Test
    void anAmountTypedInWanIsStoredInYuanAndShownInWan() {
        int year = 2100 - (int) (System.nanoTime() % 40);
        long rep = directory.userByUsername("rep2").orElseThrow().id();
        Cookie exec = WebSession.login(mvc, "exec");
        assertThat(mvc.post()
                        .uri("/targets/set")
                        .with(csrf())
                        .cookie(exec)
                        .param("year", String.valueOf(year))
                        .param("metric", "SIGNED")
                        .param("subject", "REP/" + rep)
                        .param("period", year + "-03")
                        .param("amountWan", "570.6")
                        .exchange())
                .hasStatus3xxRedirection();
        assertThat(targets.amount(TargetMetric.SIGNED, TargetLevel.REP, rep, year + "-03"))
                .hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("5706000"));
        assertThat(mvc.get().uri("/targets?year=" + year).cookie(exec).exchange())
                .bodyText()
                .contains("金额（万元）")
                .contains("570.6");
    }
}
