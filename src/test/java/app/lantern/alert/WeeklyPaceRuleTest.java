package app.lantern.alert;

import static lantern.db.Tables.ALERT_TASKS;
import static lantern.db.Tables.NOTIFICATIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import app.lantern.audit.AuditTrail;
import app.lantern.calendar.WorkingCalendar;
import app.lantern.identity.Directory;
import app.lantern.testing.WebSession;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@AutoConfigureMockMvc
class WeeklyPaceRuleTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    AlertEngine engine;

    @Autowired
    Alerts alerts;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    Directory directory;

    @Autowired
    AuditTrail audit;

    @Autowired
    DSLContext db;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    java.time.Clock clock;

    private long id(String username) {
        return directory.userByUsername(username).orElseThrow().id();
    }

    private static OffsetDateTime at(String day) {
        return OffsetDateTime.parse(day + "T10:00:00+08:00");
    }

    private Long openPaceAlert(long rep) {
        var r = db.fetchOne(
                "select id from alerts where open_key = ?", Alerts.openKey(AlertEngine.WEEKLY_PACE_BEHIND, "rep", rep));
        return r == null ? null : r.get(0, Long.class);
    }

    @Test
    void wednesdayIsTheThirdWorkingDayOfTheWeekAndAHolidayWeekCountsWorkingDaysOnly() {
        // a normal week: Wednesday 14 October 2026 is the third of five working days
        assertThat(AlertEngine.weekPosition(LocalDate.of(2026, 10, 14), calendar))
                .contains(new AlertEngine.WeekPosition(3, 5));
        // National Day week 2026: Monday–Wednesday 5–7 October off, Saturday 10 October a make-up working day
        assertThat(AlertEngine.weekPosition(LocalDate.of(2026, 10, 7), calendar))
                .isEmpty();
        assertThat(AlertEngine.weekPosition(LocalDate.of(2026, 10, 8), calendar))
                .contains(new AlertEngine.WeekPosition(1, 3));
        assertThat(AlertEngine.weekPosition(LocalDate.of(2026, 10, 10), calendar))
                .contains(new AlertEngine.WeekPosition(3, 3));
        assertThat(AlertEngine.weekPosition(LocalDate.of(2026, 10, 11), calendar))
                .isEmpty();
    }

    @Test
    void aRepBehindTheWeeksPaceIsAlertedFromTheThirdWorkingDayOfAHolidayWeekAndTasksAreOpenedForRepAndManager() {
        long rep = id("rep17");
        long manager = id("manager3");
        // the manager's override is what the rule measures against
        MvcTestResult override = mvc.put()
                .uri("/api/v1/reps/{id}/action-targets?month=2026-10", rep)
                .header("Authorization", WebSession.token(mvc, "manager3"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(
                        Map.of("visits", 6, "newOpportunities", 2, "demos", 1, "reason", "国庆后冲刺")))
                .exchange();
        assertThat(override).hasStatusOk();

        engine.evaluateRep(rep, at("2026-10-07")); // a holiday: nothing happens
        assertThat(openPaceAlert(rep)).isNull();
        engine.evaluateRep(rep, at("2026-10-09")); // Friday, only the second working day of this week
        assertThat(openPaceAlert(rep)).isNull();

        engine.evaluateRep(rep, at("2026-10-10")); // the make-up Saturday is this week's third working day
        Long alertId = openPaceAlert(rep);
        assertThat(alertId).isNotNull();
        String message =
                db.fetchOne("select message from alerts where id = ?", alertId).get(0, String.class);
        assertThat(message)
                .contains("2026-W41")
                .contains("已过 2/3 个工作日")
                .contains("拜访 0/6")
                .contains("新增商机 0/2");

        assertThat(db.fetchCount(NOTIFICATIONS, NOTIFICATIONS.DEDUP_KEY.eq("alert-" + alertId)))
                .isEqualTo(2);
        var tasks = db.selectFrom(ALERT_TASKS)
                .where(ALERT_TASKS.ALERT_ID.eq(alertId))
                .fetch();
        assertThat(tasks).extracting(t -> t.getAssigneeId()).containsExactlyInAnyOrder(rep, manager);
        // due one working day after the day the task was opened
        LocalDate due = calendar.addWorkingDays(
                calendar.workingDayOnOrAfter(LocalDate.now(clock.withZone(calendar.zone()))), 1);
        assertThat(tasks).allMatch(t -> t.getDueOn().equals(due));

        // evaluating again keeps one alert and one task each
        engine.evaluateRep(rep, at("2026-10-10"));
        assertThat(openPaceAlert(rep)).isEqualTo(alertId);
        assertThat(db.fetchCount(ALERT_TASKS, ALERT_TASKS.ALERT_ID.eq(alertId))).isEqualTo(2);

        // the manager sees the rep's task on the drill-down; the rep ticks it off, audited
        long repTask = tasks.stream()
                .filter(t -> t.getAssigneeId() == rep)
                .findFirst()
                .orElseThrow()
                .getId();
        MvcTestResult drill = mvc.get()
                .uri("/alerts/reps/{id}", rep)
                .cookie(WebSession.login(mvc, "manager3"))
                .exchange();
        assertThat(drill)
                .bodyText()
                .contains("id=\"task-" + repTask + "\"")
                .contains("本周行动节奏落后")
                .contains("id=\"brief-link\"");
        Cookie repSession = WebSession.login(mvc, "rep17");
        assertThat(mvc.post()
                        .uri("/alerts/tasks/{id}/done", repTask)
                        .with(csrf())
                        .cookie(repSession)
                        .param("done", "true")
                        .param("back", "/")
                        .exchange())
                .hasStatus3xxRedirection();
        assertThat(db.selectFrom(ALERT_TASKS)
                        .where(ALERT_TASKS.ID.eq(repTask))
                        .fetchOne()
                        .getDoneAt())
                .isNotNull();
        assertThat(audit.history("alert_task", repTask))
                .extracting(e -> e.action())
                .contains("created", "updated");
        // the rep's landing page lists it, done; the API reopens it
        assertThat(mvc.get().uri("/").cookie(repSession).exchange())
                .bodyText()
                .contains("data-widget=\"tasks\"")
                .contains("id=\"task-" + repTask + "\"");
        String repToken = WebSession.token(mvc, "rep17");
        assertThat(mvc.post()
                        .uri("/api/v1/tasks/{id}/undone", repTask)
                        .header("Authorization", repToken)
                        .exchange())
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.done")
                .isEqualTo(false);
        assertThat(mvc.get()
                        .uri("/api/v1/tasks")
                        .header("Authorization", repToken)
                        .exchange())
                .hasStatusOk()
                .bodyText()
                .contains("\"id\":" + repTask);
        // another team's manager cannot touch it
        assertThat(mvc.post()
                        .uri("/alerts/tasks/{id}/done", repTask)
                        .with(csrf())
                        .cookie(WebSession.login(mvc, "manager1"))
                        .param("done", "false")
                        .exchange())
                .hasStatus(404);

        engine.evaluateRep(rep, at("2026-10-12")); // a new week clears it
        assertThat(openPaceAlert(rep)).isNull();
        // and with it the tasks nobody needs to chase any more (the rep's reopened one and the manager's)
        assertThat(db.selectFrom(ALERT_TASKS)
                        .where(ALERT_TASKS.ALERT_ID.eq(alertId))
                        .fetch())
                .allMatch(t -> t.getDoneAt() != null);
        assertThat(audit.history("alert_task", repTask).getFirst().changes()).contains("condition cleared");
        alerts.clear(AlertEngine.NO_NEW_OPPORTUNITY, "rep", rep);
        alerts.clear(AlertEngine.DAILY_REPORT_MISSING, "rep", rep);
    }

    @Test
    void theAdminEditsThePaceRuleLikeTheOthersIncludingItsTaskAction() {
        AlertRule original = alerts.rule(AlertEngine.WEEKLY_PACE_BEHIND).orElseThrow();
        assertThat(original.enabled()).isTrue();
        assertThat(original.openTask()).isTrue();
        Cookie admin = WebSession.login(mvc, "admin");
        assertThat(mvc.get().uri("/admin/alert-rules").cookie(admin).exchange())
                .bodyText()
                .contains("本周行动节奏落后")
                .contains("name=\"openTask\"");
        try {
            mvc.post()
                    .uri("/admin/alert-rules/{code}", AlertEngine.WEEKLY_PACE_BEHIND)
                    .with(csrf())
                    .cookie(admin)
                    .param("enabled", "true")
                    .param("severity", "HIGH")
                    .param("windowDays", "4")
                    .param("threshold", "80")
                    .param("notifyRep", "true")
                    .param("taskDueDays", "2")
                    .exchange();
            AlertRule changed = alerts.rule(AlertEngine.WEEKLY_PACE_BEHIND).orElseThrow();
            assertThat(changed)
                    .isEqualTo(new AlertRule(
                            AlertEngine.WEEKLY_PACE_BEHIND, true, "HIGH", 4, 80, true, false, false, false, 2));
            assertThat(audit.history("alert_rule", AlertEngine.WEEKLY_PACE_BEHIND)
                            .getFirst()
                            .changes())
                    .contains("openTask");

            MvcTestResult bad = mvc.post()
                    .uri("/admin/alert-rules/{code}", AlertEngine.WEEKLY_PACE_BEHIND)
                    .with(csrf())
                    .cookie(admin)
                    .param("enabled", "true")
                    .param("severity", "HIGH")
                    .param("windowDays", "4")
                    .param("threshold", "80")
                    .param("openTask", "true")
                    .param("taskDueDays", "99")
                    .exchange();
            assertThat(bad.getMvcResult().getFlashMap().get("errors"))
                    .asString()
                    .contains("taskDueDays");
            assertThat(alerts.rule(AlertEngine.WEEKLY_PACE_BEHIND).orElseThrow().openTask())
                    .isFalse();
        } finally {
            alerts.updateRule(original);
        }
    }
}
