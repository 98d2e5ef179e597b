package app.lantern.goal.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.goal.Kpis;
import app.lantern.testing.WebSession;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@SpringBootTest
@AutoConfigureMockMvc
class KpiWidgetTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Kpis kpis;

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
            MvcTestResult home =
                    mvc.get().uri("/").cookie(WebSession.login(mvc, user)).exchange();
            assertThat(home).hasStatusOk();
            assertThat(home)
                    .bodyText()
                    .contains("data-widget=\"kpis\"")
                    .contains("过程动作完成率")
                    .contains("月末集中签单占比")
                    .contains("data-chart=");
        }
    }
}
