package app.lantern.alert;

import static lantern.db.Tables.NOTIFICATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.audit.AuditTrail;
import app.lantern.calendar.WorkingCalendar;
import app.lantern.identity.Directory;
import java.time.Clock;
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
class AlertsTest {

    @Autowired
    Clock clock;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Alerts alerts;

    @Autowired
    AlertEngine engine;

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

    /** A subject id no other test uses, so the one-open-alert key is this test's. */
    private final long subject = System.nanoTime() % 1_000_000_000L + 1_000_000_000L;

    private long id(String username) {
        return directory.userByUsername(username).orElseThrow().id();
    }

    private String token(String username) {
        MvcTestResult r = mvc.post()
                .uri("/api/v1/auth/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"password\":\"lantern-demo\"}")
                .exchange();
        return JSON.readTree(r.getResponse().getContentAsByteArray())
                .path("token")
                .asString();
    }

    @Test
    void aWindowAcrossNationalDayCountsWorkingDaysOnly() {
        // 2025: 1–8 October off, Sunday 28 September and Saturday 11 October are make-up working days
        assertThat(AlertEngine.workingDaysWithout(LocalDate.of(2025, 9, 30), LocalDate.of(2025, 10, 10), calendar))
                .isEqualTo(1);
        assertThat(AlertEngine.workingDaysWithout(LocalDate.of(2025, 9, 26), LocalDate.of(2025, 10, 9), calendar))
                .isEqualTo(3);
        assertThat(AlertEngine.workingDaysWithout(LocalDate.of(2025, 10, 9), LocalDate.of(2025, 10, 13), calendar))
                .isEqualTo(2);
    }

    @Test
    void raisingTheSameRuleAndSubjectAgainKeepsOneAlertAndOneNotification() {
        long rep = id("rep2");
        long manager = id("manager1");
        AlertSignal signal = new AlertSignal(
                "NO_NEW_OPPORTUNITY", "rep-test", subject, rep, "HIGH", "连续 3 个工作日无新增商机", "/alerts/reps/" + rep);
        alerts.raise(signal);
        alerts.raise(signal);
        alerts.raise(signal);

        var open = db.fetch(
                "select id from alerts where open_key = ?", Alerts.openKey("NO_NEW_OPPORTUNITY", "rep-test", subject));
        assertThat(open).hasSize(1);
        long alertId = open.getFirst().get(0, Long.class);
        assertThat(db.fetchCount(NOTIFICATIONS, NOTIFICATIONS.DEDUP_KEY.eq("alert-" + alertId)))
                .isEqualTo(2);
        assertThat(db.fetchCount(
                        NOTIFICATIONS,
                        NOTIFICATIONS
                                .DEDUP_KEY
                                .eq("alert-" + alertId)
                                .and(NOTIFICATIONS.RECIPIENT_USER_ID.eq(manager))))
                .isEqualTo(1);
        assertThat(alerts.isAtRisk(rep)).isTrue();

        alerts.clear("NO_NEW_OPPORTUNITY", "rep-test", subject);
        assertThat(db.fetchCount(db.selectFrom("alerts")
                        .where("open_key = ?", Alerts.openKey("NO_NEW_OPPORTUNITY", "rep-test", subject))))
                .isZero();
        assertThat(audit.history("alert", alertId)).extracting(e -> e.action()).contains("created", "cleared");

        // once cleared, the condition coming back opens a new alert
        alerts.raise(signal);
        assertThat(db.fetch(
                                "select id from alerts where open_key = ?",
                                Alerts.openKey("NO_NEW_OPPORTUNITY", "rep-test", subject))
                        .getFirst()
                        .get(0, Long.class))
                .isNotEqualTo(alertId);
        alerts.clear("NO_NEW_OPPORTUNITY", "rep-test", subject);
    }

    @Test
    void managersActOnTheirTeamsAlertsOnlyAndEveryActionIsAudited() {
        long rep = id("rep3");
        alerts.raise(new AlertSignal(
                "HEALTH_LOW", "opportunity-test", subject, rep, null, "商机「测试」健康度 52，低于 60", "/alerts/reps/" + rep));
        long alertId = db.fetch(
                        "select id from alerts where open_key = ?",
                        Alerts.openKey("HEALTH_LOW", "opportunity-test", subject))
                .getFirst()
                .get(0, Long.class);

        String other = token("manager2");
        assertThat(mvc.post()
                        .uri("/api/v1/alerts/{id}/acknowledge", alertId)
                        .header("Authorization", "Bearer " + other)
                        .exchange())
                .hasStatus(404);

        String manager = token("manager1");
        MvcTestResult board = mvc.get()
                .uri("/api/v1/alerts")
                .header("Authorization", "Bearer " + manager)
                .exchange();
        assertThat(board).bodyText().contains("商机「测试」健康度 52");
        assertThat(mvc.post()
                        .uri("/api/v1/alerts/{id}/acknowledge", alertId)
                        .header("Authorization", "Bearer " + manager)
                        .exchange())
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("ACKNOWLEDGED");
        MvcTestResult snoozed = mvc.post()
                .uri("/api/v1/alerts/{id}/snooze", alertId)
                .header("Authorization", "Bearer " + manager)
                .contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(
                        Map.of("until", OffsetDateTime.now(clock).plusDays(2).toString())))
                .exchange();
        assertThat(snoozed).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("SNOOZED");
        assertThat(mvc.get()
                        .uri("/api/v1/alerts")
                        .header("Authorization", "Bearer " + manager)
                        .exchange())
                .bodyText()
                .doesNotContain("商机「测试」健康度 52");
        assertThat(mvc.post()
                        .uri("/api/v1/alerts/{id}/resolve", alertId)
                        .header("Authorization", "Bearer " + manager)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\":\"已电话跟进客户\"}")
                        .exchange())
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("RESOLVED");
        assertThat(audit.history("alert", alertId)).extracting(e -> e.action()).contains("created", "updated");
        assertThat(audit.history("alert", alertId).getFirst().changes()).contains("已电话跟进客户");
    }

    @Test
    void theEngineFlagsARepWithoutNewOpportunitiesAndTheBoardDrillsIntoTheEvidence() {
        long rep = id("rep18");
        // far enough ahead that nobody has created an opportunity in the 90 days before
        OffsetDateTime future = OffsetDateTime.parse("2030-03-13T09:30:00+08:00");
        engine.evaluateRep(rep, future);
        assertThat(alerts.isAtRisk(rep)).isTrue();

        MvcTestResult login = mvc.post()
                .uri("/login")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("username", "manager3")
                .param("password", "lantern-demo")
                .exchange();
        jakarta.servlet.http.Cookie session = login.getResponse().getHeaders("Set-Cookie").stream()
                .filter(h -> h.startsWith("LANTERN_SESSION="))
                .map(h -> new jakarta.servlet.http.Cookie(
                        "LANTERN_SESSION", h.substring("LANTERN_SESSION=".length(), h.indexOf(';'))))
                .reduce((a, b) -> b)
                .orElseThrow();
        MvcTestResult board = mvc.get().uri("/alerts").cookie(session).exchange();
        assertThat(board).hasStatusOk();
        assertThat(board).bodyText().contains("潜在掉队").contains("罗欣").contains("连续无新增商机");
        MvcTestResult drill =
                mvc.get().uri("/alerts/reps/{id}", rep).cookie(session).exchange();
        assertThat(drill).hasStatusOk();
        assertThat(drill)
                .bodyText()
                .contains("罗欣")
                .contains("id=\"at-risk-badge\"")
                .contains("在跟商机");
        // another manager's rep is not reachable
        assertThat(mvc.get()
                        .uri("/alerts/reps/{id}", id("rep1"))
                        .cookie(session)
                        .exchange())
                .hasStatus(404);

        alerts.clear("NO_NEW_OPPORTUNITY", "rep", rep);
        alerts.clear("DAILY_REPORT_MISSING", "rep", rep);
        assertThat(alerts.isAtRisk(rep)).isFalse();
    }

    @Test
    void theBoardCountsAlertsPerRuleAndRepShowsTheMostUrgentHundredAndFiltersByRuleAndRep() {
        long first = id("rep13");
        long second = id("rep14");
        var manager = directory.directManagerOf(first).orElseThrow();
        assertThat(directory.directManagerOf(second)).contains(manager);
        long base = 7_000_000L + (System.nanoTime() & 0xFFFFF) * 1_000;
        for (int i = 0; i < 101; i++) {
            alerts.raise(new AlertSignal(
                    "HEALTH_LOW",
                    "board-test",
                    base + i,
                    first,
                    "HIGH",
                    "商机「看板" + i + "号」健康度 40，低于 60",
                    "/alerts/reps/" + first));
        }
        alerts.raise(new AlertSignal(
                "STAGE_STALE",
                "board-test",
                base + 500,
                second,
                "MEDIUM",
                "商机「看板停滞」在「方案」阶段已 5 个工作日未推进",
                "/alerts/reps/" + second));
        jakarta.servlet.http.Cookie session = app.lantern.testing.WebSession.login(mvc, manager.username());

        MvcTestResult board = mvc.get().uri("/alerts").cookie(session).exchange();
        assertThat(board).hasStatusOk();
        assertThat(board)
                .bodyText()
                .contains("id=\"by-rep\"")
                .contains("id=\"rule-filter\"")
                .contains("商机健康度偏低")
                .contains(directory.user(first).orElseThrow().displayName())
                .contains("显示最紧急的 100 条");
        MvcTestResult stale = mvc.get()
                .uri("/alerts?rule=STAGE_STALE&rep=" + second)
                .cookie(session)
                .exchange();
        assertThat(stale).bodyText().contains("看板停滞").doesNotContain("看板7号").doesNotContain("显示最紧急的");
        MvcTestResult health = mvc.get()
                .uri("/alerts?rule=HEALTH_LOW&rep=" + second)
                .cookie(session)
                .exchange();
        assertThat(health)
                .bodyText()
                .doesNotContain("看板停滞")
                .doesNotContain("看板7号")
                .contains("这个筛选下没有未处理的预警");
        assertThat(mvc.get()
                        .uri("/alerts?rule=HEALTH_LOW&rep=" + first)
                        .header("Accept-Language", "en")
                        .cookie(session)
                        .exchange())
                .bodyText()
                .contains("看板7号");

        for (int i = 0; i < 101; i++) {
            alerts.clear("HEALTH_LOW", "board-test", base + i);
        }
        alerts.clear("STAGE_STALE", "board-test", base + 500);
    }

    @Test
    void theSameSignalRaisedAtOnceByTwoCallersOpensOneAlertAndNeitherFails() throws Exception {
        long rep = id("rep4");
        long base = System.nanoTime() % 1_000_000_000L;
        for (int round = 0; round < 20; round++) {
            long subject = base + round;
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.Callable<Void> raise = () -> {
                start.await();
                alerts.raise(
                        new AlertSignal("HEALTH_LOW", "race-test", subject, rep, null, "商机「并发」健康度 40，低于 60", null));
                return null;
            };
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
                var first = pool.submit(raise);
                var second = pool.submit(raise);
                first.get();
                second.get();
            }
            assertThat(db.fetchCount(db.selectFrom("alerts")
                            .where("open_key = ?", Alerts.openKey("HEALTH_LOW", "race-test", subject))))
                    .as("round %d", round)
                    .isEqualTo(1);
            alerts.clear("HEALTH_LOW", "race-test", subject);
        }
    }
}
