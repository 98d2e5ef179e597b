package app.lantern.goal;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.identity.Directory;
import app.lantern.identity.Role;
import app.lantern.identity.UserSummary;
import app.lantern.testing.SettableClock;
import app.lantern.testing.SuiteClock;
import app.lantern.testing.WebSession;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The executive's KPIs on 7 December, a month that has not reached its last 5 working days: month-end concentration is
 * "in progress", not 0%; action completion is there and compared with the plan for the days elapsed; the chart's axes
 * hold every value.
 */
@SpringBootTest(
        properties =
                "spring.datasource.url=jdbc:h2:mem:lantern-kpi-mtd;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@Import(KpiMonthToDateTest.DecemberClock.class)
class KpiMonthToDateTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class DecemberClock {
        @Bean
        @Primary
        SettableClock decemberClock() {
            return new SettableClock(SuiteClock.get());
        }
    }

    @Autowired
    SettableClock clock;

    @Autowired
    Kpis kpis;

    @Autowired
    Directory directory;

    @Autowired
    MessageSource messages;

    @Autowired
    MockMvcTester mvc;

    @Test
    void onTheSeventhOfDecemberTheMonthIsInProgressAndTheChartStaysOnTheChart() {
        int year = LocalDate.now(SuiteClock.get()).getYear();
        clock.startAt(year + "-12-07T10:00");
        YearMonth december = YearMonth.of(year, 12);
        Set<Long> reps = directory.usersWithRole(Role.REP).stream()
                .filter(UserSummary::active)
                .map(UserSummary::id)
                .collect(Collectors.toSet());
        // a December target for every rep, so that the month has a plan
        String exec = WebSession.token(mvc, "exec");
        for (long rep : reps) {
            mvc.post()
                    .uri("/api/v1/targets")
                    .header("Authorization", exec)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"period\":\"" + december + "\",\"level\":\"REP\",\"subjectId\":\"" + rep
                            + "\",\"amount\":500000}")
                    .exchange();
        }

        List<Kpis.MonthKpi> trend = kpis.trend(reps, december, 12);
        Kpis.MonthKpi latest = trend.getLast();
        assertThat(latest.month()).isEqualTo(december.toString());
        assertThat(latest.inProgress()).isTrue();
        assertThat(latest.monthEndConcentration())
                .as("no month-end share before the month's end")
                .isNull();
        assertThat(latest.actionCompletion()).isNotNull().isBetween(0.0, 1.0);
        assertThat(trend.subList(0, 11)).noneMatch(Kpis.MonthKpi::inProgress);

        Map<String, Object> chart = GoalWidgets.chart(trend, messages, Locale.SIMPLIFIED_CHINESE);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> axes = (List<Map<String, Object>>) chart.get("yAxis");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> series = (List<Map<String, Object>>) chart.get("series");
        assertThat(series).extracting(s -> s.get("name")).contains("过程动作完成率 %");
        for (Map<String, Object> s : series) {
            int axis = (int) s.getOrDefault("yAxisIndex", 0);
            double max = ((Number) axes.get(axis).get("max")).doubleValue();
            assertThat((List<?>) s.get("data"))
                    .as("%s stays within its axis", s.get("name"))
                    .allSatisfy(v -> {
                        if (v != null) {
                            assertThat(((Number) v).doubleValue()).isBetween(0.0, max);
                        }
                    });
        }

        assertThat(mvc.get().uri("/").cookie(WebSession.login(mvc, "exec")).exchange())
                .bodyText()
                .containsPattern("data-kpi=\"concentration\"[^>]*>进行中<")
                .doesNotContainPattern("data-kpi=\"completion\"[^>]*>—<");
    }
}
