package app.lantern.activity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import app.lantern.pipeline.PipelineFixtures;
import app.lantern.testing.WebSession;
import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

@SpringBootTest
@AutoConfigureMockMvc
class ActivityWebTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PipelineFixtures fx;

    @Autowired
    Clock clock;

    @Autowired
    app.lantern.activity.DailyReports dailyReports;

    private MvcTestResult post(String uri, String token, String body) {
        return mvc.post()
                .uri(uri)
                .header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    @Test
    void apiLogsAnActivityWithDefaultsAndRejectsTheFuture() {
        long customer = fx.customer("rep7");
        String token = WebSession.token(mvc, "rep7");
        MvcTestResult created = post(
                "/api/v1/activities",
                token,
                "{\"type\":\"CALL\",\"customerId\":\"" + customer + "\",\"outcome\":\"确认招标时间\"}");
        assertThat(created).hasStatus(201);
        JsonNode a = WebSession.json(created);
        assertThat(a.get("durationMinutes").asInt()).isEqualTo(15);
        assertThat(a.get("id").isString()).isTrue();
        assertThat(a.get("occurredAt").asText()).isNotBlank();
        assertThat(a.get("createdAt").asText()).isNotBlank();
        String future = OffsetDateTime.now(clock).plusDays(1).toString();
        MvcTestResult rejected = post(
                "/api/v1/activities",
                token,
                "{\"type\":\"VISIT\",\"customerId\":\"" + customer + "\",\"occurredAt\":\"" + future + "\"}");
        assertThat(rejected).hasStatus(400);
        assertThat(rejected).bodyText().contains("\"field\":\"occurredAt\"");
        JsonNode page = WebSession.json(mvc.get()
                .uri("/api/v1/activities?customerId=" + customer)
                .header("Authorization", token)
                .exchange());
        assertThat(page.get("total").asInt()).isEqualTo(1);
        String other = WebSession.token(mvc, "rep1");
        assertThat(mvc.get()
                        .uri("/api/v1/activities/" + a.get("id").asText())
                        .header("Authorization", other)
                        .exchange())
                .hasStatus(404);
        assertThat(post("/api/v1/activities", other, "{\"type\":\"VISIT\",\"customerId\":\"" + customer + "\"}"))
                .hasStatus(400)
                .bodyText()
                .contains("\"field\":\"customerId\"");
    }

    @Test
    void apiDraftsSavesAndSubmitsTheDailyReport() {
        long customer = fx.customer("rep8");
        String token = WebSession.token(mvc, "rep8");
        // a day this rep has not reported yet (the database may be shared with earlier runs)
        LocalDate today = LocalDate.now(clock);
        while (dailyReports.submitted(fx.userId("rep8"), today)) {
            today = today.minusDays(1);
        }
        String at =
                today.atTime(0, 10).atZone(clock.getZone()).toOffsetDateTime().toString();
        post(
                "/api/v1/activities",
                token,
                "{\"type\":\"VISIT\",\"customerId\":\"" + customer + "\",\"outcome\":\"见了科主任\",\"occurredAt\":\"" + at
                        + "\"}");
        JsonNode draft = WebSession.json(mvc.get()
                .uri("/api/v1/daily-reports/mine?day=" + today)
                .header("Authorization", token)
                .exchange());
        assertThat(draft.get("summary").asText()).contains("见了科主任");
        MvcTestResult saved = mvc.put()
                .uri("/api/v1/daily-reports/mine/" + today)
                .header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"summary\":\"今天拜访了一家医院\",\"plan\":\"明天演示\",\"submit\":true}")
                .exchange();
        assertThat(saved).hasStatusOk();
        assertThat(WebSession.json(saved).get("status").asText()).isEqualTo("SUBMITTED");
        String manager = WebSession.token(mvc, "manager2");
        assertThat(mvc.get()
                        .uri("/api/v1/daily-reports/submission-rates?from=" + today + "&to=" + today)
                        .header("Authorization", manager)
                        .exchange())
                .hasStatusOk()
                .bodyText()
                .contains("\"rate\":1.0");
        assertThat(mvc.get()
                        .uri("/api/v1/daily-reports")
                        .header("Authorization", manager)
                        .exchange())
                .bodyText()
                .contains("今天拜访了一家医院");
    }

    @Test
    void heatmapApiAndDrillDownFragment() {
        String manager = WebSession.token(mvc, "manager1");
        JsonNode me = WebSession.json(
                mvc.get().uri("/api/v1/me").header("Authorization", manager).exchange());
        String teamId = me.get("ledTeamIds").get(0).asText();
        MvcTestResult heat = mvc.get()
                .uri("/api/v1/activities/heatmap?teamId=" + teamId)
                .header("Authorization", manager)
                .exchange();
        assertThat(heat).hasStatusOk();
        assertThat(WebSession.json(heat).get("types").size()).isEqualTo(9);
        assertThat(mvc.get()
                        .uri("/api/v1/activities/heatmap?teamId=" + teamId + "&week=2026-X1")
                        .header("Authorization", manager)
                        .exchange())
                .hasStatus(400);
        Cookie session = WebSession.login(mvc, "manager1");
        String week = app.lantern.activity.ActivityInsights.isoWeek(LocalDate.now(clock));
        MvcTestResult cell = mvc.get()
                .uri("/activities/heatmap/cell?teamId=" + teamId + "&week=" + week + "&chart=weekday&x=10&y=0")
                .cookie(session)
                .header("HX-Request", "true")
                .exchange();
        assertThat(cell).hasStatusOk().bodyText().contains("id=\"rows\"").doesNotContain("<html");
        assertThat(mvc.get()
                        .uri("/api/v1/activities/backfill")
                        .header("Authorization", manager)
                        .exchange())
                .hasStatusOk();
    }

    @Test
    void quickLogFormPostsAndRedirects() {
        long customer = fx.customer("rep9");
        Cookie session = WebSession.login(mvc, "rep9");
        assertThat(mvc.get()
                        .uri("/activities/new?customerId=" + customer)
                        .cookie(session)
                        .exchange())
                .hasStatusOk()
                .bodyText()
                .contains("name=\"type\"")
                .contains("value=\"" + customer + "\"");
        MvcTestResult r = mvc.post()
                .uri("/activities")
                .cookie(session)
                .with(csrf())
                .param("type", "WECHAT")
                .param("customerId", String.valueOf(customer))
                .param("outcome", "发了案例")
                .exchange();
        assertThat(r).hasStatus3xxRedirection();
        MvcTestResult bad = mvc.post()
                .uri("/activities")
                .cookie(session)
                .with(csrf())
                .param("type", "VISIT")
                .param("customerId", String.valueOf(customer))
                .param("occurredAt", LocalDate.now(clock).plusDays(2) + "T10:00")
                .exchange();
        assertThat(bad).hasStatusOk().bodyText().contains("must not be in the future");
    }
}
