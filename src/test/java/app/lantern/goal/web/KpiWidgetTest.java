package app.lantern.goal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import app.lantern.goal.Kpis;
import jakarta.servlet.http.Cookie;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@SpringBootTest
@AutoConfigureMockMvc
class KpiWidgetTest {

    @Autowired MockMvcTester mvc;
    @Autowired Kpis kpis;

    private Cookie login(String username) {
        MvcTestResult r = mvc.post().uri("/login").with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("username", username).param("password", "lantern-demo").exchange();
        return r.getResponse().getHeaders("Set-Cookie").stream().filter(h -> h.startsWith("LANTERN_SESSION="))
                .map(h -> new Cookie("LANTERN_SESSION", h.substring("LANTERN_SESSION=".length(), h.indexOf(';')))).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void twelveMonthsWithGapsWhereThereIsNothingToMeasure() {
        List<Kpis.MonthKpi> trend = kpis.trend(Set.of(), YearMonth.of(2030, 6), 12);
        assertThat(trend).hasSize(12);
        assertThat(trend.getFirst().month()).isEqualTo("2029-07");
        assertThat(trend).allSatisfy(k -> {
            assertThat(k.monthEndConcentration()).isNull();
            assertThat(k.actionCompletion()).isNull();
        });
    }

    @Test
    void managersAndExecutivesSeeTheTrendChartOnTheirLandingPage() {
        for (String user : List.of("manager1", "exec")) {
            MvcTestResult home = mvc.get().uri("/").cookie(login(user)).exchange();
            assertThat(home).hasStatusOk();
            assertThat(home).bodyText().contains("data-widget=\"kpis\"").contains("过程动作完成率").contains("月末集中签单占比").contains("data-chart=");
        }
    }
}
