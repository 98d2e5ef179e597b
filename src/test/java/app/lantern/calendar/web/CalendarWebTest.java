package app.lantern.calendar.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.calendar.CalendarAdministration;
import app.lantern.calendar.CalendarDay;
import app.lantern.calendar.WorkingCalendar;
import app.lantern.calendar.WorkingHours;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

/** The calendar's REST API and admin page, signed in for real with API tokens (Bearer also works for pages). */
@SpringBootTest
@AutoConfigureMockMvc
class CalendarWebTest {

    static final LocalDate WEDNESDAY = LocalDate.of(2034, 3, 15);
    private static final Map<String, String> TOKENS = new HashMap<>();
    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    CalendarAdministration admin;

    String bearer(String username) {
        return "Bearer "
                + TOKENS.computeIfAbsent(username, u -> {
                    MvcTestResult result = mvc.post()
                            .uri("/api/v1/auth/tokens")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"username\":\"" + u + "\",\"password\":\"lantern-demo\"}")
                            .exchange();
                    assertThat(result).hasStatus(201);
                    return json.readTree(result.getResponse().getContentAsByteArray())
                            .get("token")
                            .asString();
                });
    }

    @AfterEach
    void undoEdits() {
        if (calendar.day(WEDNESDAY).filter(CalendarDay::explicit).isPresent()) {
            admin.deleteDay(WEDNESDAY);
        }
        if (!admin.workingHours().equals(WorkingHours.DEFAULT)) {
            admin.changeWorkingHours("09:00", "18:00");
        }
    }

    private MvcTestResult put(String uri, String user, String body) {
        return mvc.put()
                .uri(uri)
                .header("Authorization", bearer(user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    // --- API

    @Test
    void anyoneSignedInReadsANoticeYear() {
        MvcTestResult result = mvc.get()
                .uri("/api/v1/calendar/2025")
                .header("Authorization", bearer("rep1"))
                .exchange();
        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.source").isEqualTo("notice");
        assertThat(result).bodyJson().extractingPath("$.workingDays").isEqualTo(248);
        assertThat(result).bodyJson().extractingPath("$.warning").isNull();
        assertThat(result).bodyJson().extractingPath("$.workingHours.start").isEqualTo("09:00");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.days[?(@.date == '2025-01-26')].kind")
                .asArray()
                .containsExactly("WORKDAY");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.days[?(@.date == '2025-10-08')].name")
                .asArray()
                .containsExactly("国庆节、中秋节");
    }

    @Test
    void yearWithoutNoticeSaysFallbackWithTheWarning() {
        MvcTestResult result = mvc.get()
                .uri("/api/v1/calendar/2027")
                .header("Authorization", bearer("manager1"))
                .exchange();
        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.source").isEqualTo("fallback");
        assertThat(result).bodyJson().extractingPath("$.warning").isEqualTo("2027年放假安排尚未录入，当前按法定节日推算，未含调休");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.days[?(@.date == '2027-02-05')].name")
                .asArray()
                .containsExactly("春节");
    }

    @Test
    void badYearsAreProblemJson() {
        assertThat(mvc.get()
                        .uri("/api/v1/calendar/abc")
                        .header("Authorization", bearer("rep1"))
                        .exchange())
                .hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        MvcTestResult tooEarly = mvc.get()
                .uri("/api/v1/calendar/1800")
                .header("Authorization", bearer("rep1"))
                .exchange();
        assertThat(tooEarly).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(tooEarly).bodyJson().extractingPath("$.errors[0].field").isEqualTo("year");
        assertThat(mvc.get().uri("/api/v1/calendar/2025").exchange()).hasStatus(401);
    }

    @Test
    void countsWorkingDaysInclusiveOfBothEnds() {
        MvcTestResult holiday = mvc.get()
                .uri("/api/v1/calendar/working-days?from=2025-10-01&to=2025-10-12")
                .header("Authorization", bearer("rep1"))
                .exchange();
        assertThat(holiday).hasStatusOk();
        assertThat(holiday).bodyJson().extractingPath("$.workingDays").isEqualTo(3); // 10/9, 10/10, 10/11 (班)
        MvcTestResult around = mvc.get()
                .uri("/api/v1/calendar/working-days?from=2025-09-28&to=2025-10-11")
                .header("Authorization", bearer("rep1"))
                .exchange();
        assertThat(around).bodyJson().extractingPath("$.workingDays").isEqualTo(6);
        MvcTestResult oneDay = mvc.get()
                .uri("/api/v1/calendar/working-days?from=2026-02-14&to=2026-02-14")
                .header("Authorization", bearer("rep1"))
                .exchange();
        assertThat(oneDay).bodyJson().extractingPath("$.workingDays").isEqualTo(1);
    }

    @Test
    void workingDaysRejectsBadRanges() {
        MvcTestResult reversed = mvc.get()
                .uri("/api/v1/calendar/working-days?from=2025-10-12&to=2025-10-01")
                .header("Authorization", bearer("rep1"))
                .exchange();
        assertThat(reversed).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(reversed).bodyJson().extractingPath("$.errors[0].field").isEqualTo("to");
        assertThat(mvc.get()
                        .uri("/api/v1/calendar/working-days?from=2025-10-12")
                        .header("Authorization", bearer("rep1"))
                        .exchange())
                .hasStatus(400);
        assertThat(mvc.get()
                        .uri("/api/v1/calendar/working-days?from=2025-13-01&to=2025-10-01")
                        .header("Authorization", bearer("rep1"))
                        .exchange())
                .hasStatus(400);
        assertThat(mvc.get()
                        .uri("/api/v1/calendar/working-days?from=2025-01-01&to=2199-12-31")
                        .header("Authorization", bearer("rep1"))
                        .exchange())
                .hasStatus(400);
    }

    @Test
    void onlyAdminsChangeDays() {
        MvcTestResult rep = put("/api/v1/calendar/days/" + WEDNESDAY, "rep1", "{\"kind\":\"HOLIDAY\",\"name\":\"年会\"}");
        assertThat(rep).hasStatus(403).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        MvcTestResult manager = mvc.delete()
                .uri("/api/v1/calendar/days/2025-10-01")
                .header("Authorization", bearer("manager1"))
                .exchange();
        assertThat(manager).hasStatus(403);
        assertThat(calendar.isWorkingDay(WEDNESDAY)).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 1))).isFalse();
    }

    @Test
    void adminPutsAndDeletesADayAndCountsChangeAtOnce() {
        String count = "/api/v1/calendar/working-days?from=2034-03-13&to=2034-03-17";
        assertThat(mvc.get().uri(count).header("Authorization", bearer("rep1")).exchange())
                .bodyJson()
                .extractingPath("$.workingDays")
                .isEqualTo(5);

        MvcTestResult saved =
                put("/api/v1/calendar/days/" + WEDNESDAY, "admin", "{\"kind\":\"HOLIDAY\",\"name\":\"公司年会\"}");
        assertThat(saved).hasStatusOk();
        assertThat(saved).bodyJson().extractingPath("$.date").isEqualTo("2034-03-15");
        assertThat(saved).bodyJson().extractingPath("$.kind").isEqualTo("HOLIDAY");
        assertThat(mvc.get().uri(count).header("Authorization", bearer("rep1")).exchange())
                .bodyJson()
                .extractingPath("$.workingDays")
                .isEqualTo(4);

        assertThat(mvc.delete()
                        .uri("/api/v1/calendar/days/" + WEDNESDAY)
                        .header("Authorization", bearer("admin"))
                        .exchange())
                .hasStatus(204);
        assertThat(mvc.get().uri(count).header("Authorization", bearer("rep1")).exchange())
                .bodyJson()
                .extractingPath("$.workingDays")
                .isEqualTo(5);
        MvcTestResult again = mvc.delete()
                .uri("/api/v1/calendar/days/" + WEDNESDAY)
                .header("Authorization", bearer("admin"))
                .exchange();
        assertThat(again).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void invalidDayEditsAreProblemJsonNamingTheField() {
        String uri = "/api/v1/calendar/days/" + WEDNESDAY;
        MvcTestResult weekdayWorkday = put(uri, "admin", "{\"kind\":\"WORKDAY\",\"name\":\"调休\"}");
        assertThat(weekdayWorkday).hasStatus(422).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(weekdayWorkday)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("kind");

        MvcTestResult badKind = put(uri, "admin", "{\"kind\":\"PARTY\",\"name\":\"x\"}");
        assertThat(badKind).hasStatus(400);
        assertThat(badKind).bodyJson().extractingPath("$.errors[0].field").isEqualTo("kind");

        assertThat(put(uri, "admin", "{\"kind\":\"HOLIDAY\",\"name\":\"" + "长".repeat(41) + "\"}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("name");
        assertThat(put(uri, "admin", "{\"kind\":\"HOLIDAY\"}")).hasStatus(400);
        assertThat(put(uri, "admin", "{\"kind\":\"HOLIDAY\",\"name\":\"x\",\"year\":2034}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("year");
        assertThat(put(uri, "admin", "{\"kind\":")).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(put(uri, "admin", "null")).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(put(uri, "admin", "{\"kind\":[1],\"name\":\"x\"}")).hasStatus(400);
        assertThat(put("/api/v1/calendar/days/2034-02-30", "admin", "{\"kind\":\"HOLIDAY\",\"name\":\"x\"}"))
                .hasStatus(400);
        assertThat(calendar.day(WEDNESDAY)).isEmpty();
    }

    @Test
    void adminSetsWorkingHoursOverTheApi() {
        MvcTestResult ok = put("/api/v1/calendar/working-hours", "admin", "{\"start\":\"08:30\",\"end\":\"17:30\"}");
        assertThat(ok).hasStatusOk();
        assertThat(ok).bodyJson().extractingPath("$.start").isEqualTo("08:30");
        assertThat(calendar.workingHours().start()).hasToString("08:30");
        MvcTestResult bad = put("/api/v1/calendar/working-hours", "admin", "{\"start\":\"18:00\",\"end\":\"09:00\"}");
        assertThat(bad).hasStatus(400);
        assertThat(bad).bodyJson().extractingPath("$.errors[0].field").isEqualTo("end");
        assertThat(put("/api/v1/calendar/working-hours", "rep1", "{\"start\":\"08:00\",\"end\":\"17:00\"}"))
                .hasStatus(403);
    }

    // --- admin page

    @Test
    void adminPageShowsTheYearWithMakeUpDaysAndTheNotice() {
        MvcTestResult page = mvc.get()
                .uri("/admin/calendar?year=2026")
                .header("Authorization", bearer("admin"))
                .exchange();
        assertThat(page).hasStatusOk();
        assertThat(page)
                .bodyText()
                .contains("国务院办公厅关于2026年部分节假日安排的通知")
                .contains("data-date=\"2026-02-14\"")
                .contains("cal-makeup")
                .contains(">班<")
                .contains("id=\"working-days\">248<")
                .doesNotContain("id=\"fallback-warning\"");
    }

    @Test
    void adminPageWarnsAboutAYearWithoutNotice() {
        MvcTestResult page = mvc.get()
                .uri("/admin/calendar?year=2027")
                .header("Authorization", bearer("admin"))
                .exchange();
        assertThat(page).hasStatusOk();
        assertThat(page)
                .bodyText()
                .contains("id=\"fallback-warning\"")
                .contains("2027年放假安排尚未录入，当前按法定节日推算，未含调休")
                .contains("按法定节日推算");
    }

    @Test
    void nonAdminsCannotOpenTheCalendarAdminPage() {
        assertThat(mvc.get()
                        .uri("/admin/calendar")
                        .header("Authorization", bearer("manager1"))
                        .exchange())
                .hasStatus(403);
    }

    @Test
    void htmxEditReturnsTheUpdatedWorkspaceFragment() {
        MvcTestResult saved = mvc.post()
                .uri("/admin/calendar/days")
                .header("Authorization", bearer("admin"))
                .header("HX-Request", "true")
                .param("date", WEDNESDAY.toString())
                .param("kind", "HOLIDAY")
                .param("name", "<b>年会</b>")
                .exchange();
        assertThat(saved).hasStatusOk();
        assertThat(saved)
                .bodyText()
                .contains("id=\"calendar-workspace\"")
                .contains("&lt;b&gt;年会&lt;/b&gt;")
                .doesNotContain("<b>年会</b>")
                .doesNotContain("<html");
        assertThat(calendar.isWorkingDay(WEDNESDAY)).isFalse();

        MvcTestResult editor = mvc.get()
                .uri("/admin/calendar/editor?date=" + WEDNESDAY)
                .header("Authorization", bearer("admin"))
                .header("HX-Request", "true")
                .exchange();
        assertThat(editor).hasStatusOk();
        assertThat(editor).bodyText().contains("id=\"calendar-editor\"").contains("value=\"2034-03-15\"");

        MvcTestResult deleted = mvc.post()
                .uri("/admin/calendar/days/" + WEDNESDAY + "/delete")
                .header("Authorization", bearer("admin"))
                .header("HX-Request", "true")
                .exchange();
        assertThat(deleted).hasStatusOk();
        assertThat(calendar.isWorkingDay(WEDNESDAY)).isTrue();
    }

    @Test
    void htmxEditWithErrorsShowsThemInTheEditor() {
        MvcTestResult result = mvc.post()
                .uri("/admin/calendar/days")
                .header("Authorization", bearer("admin"))
                .header("HX-Request", "true")
                .param("date", WEDNESDAY.toString())
                .param("kind", "WORKDAY")
                .param("name", "调休")
                .exchange();
        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("id=\"day-errors\"").contains("Saturday or Sunday");
        assertThat(calendar.day(WEDNESDAY)).isEmpty();
    }

    @Test
    void plainFormPostRedirectsBackToTheYear() {
        MvcTestResult saved = mvc.post()
                .uri("/admin/calendar/days")
                .header("Authorization", bearer("admin"))
                .param("date", WEDNESDAY.toString())
                .param("kind", "HOLIDAY")
                .param("name", "年会")
                .exchange();
        assertThat(saved).hasStatus3xxRedirection().redirectedUrl().isEqualTo("/admin/calendar?year=2034");
    }

    @Test
    void workingHoursFormSavesOverHtmx() {
        MvcTestResult result = mvc.post()
                .uri("/admin/calendar/hours")
                .header("Authorization", bearer("admin"))
                .header("HX-Request", "true")
                .param("start", "08:00")
                .param("end", "17:00")
                .exchange();
        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("id=\"calendar-hours\"").contains("value=\"08:00\"");
        assertThat(calendar.workingHours().end()).hasToString("17:00");

        MvcTestResult bad = mvc.post()
                .uri("/admin/calendar/hours")
                .header("Authorization", bearer("admin"))
                .header("HX-Request", "true")
                .param("start", "17:00")
                .param("end", "08:00")
                .exchange();
        assertThat(bad).hasStatusOk();
        assertThat(bad).bodyText().contains("id=\"hours-errors\"");
    }

    @Test
    void adminLandingPageHasTheCalendarWidgetAndNavigation() {
        MvcTestResult home =
                mvc.get().uri("/").header("Authorization", bearer("admin")).exchange();
        assertThat(home).hasStatusOk();
        assertThat(home).bodyText().contains("data-widget=\"calendar\"").contains("href=\"/admin/calendar\"");
        MvcTestResult repHome =
                mvc.get().uri("/").header("Authorization", bearer("rep1")).exchange();
        assertThat(repHome)
                .bodyText()
                .doesNotContain("data-widget=\"calendar\"")
                .doesNotContain("href=\"/admin/calendar\"");
    }
}
