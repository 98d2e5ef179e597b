package app.lantern.activity.web;

import app.lantern.activity.DailyReportService;
import app.lantern.activity.DailyReportView;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/daily-reports}: the rep's own reports, the team's, and submission rates. */
@RestController
@RequestMapping("/api/v1")
class DailyReportApiController {

    private final DailyReportService reports;
    private final Clock clock;

    DailyReportApiController(DailyReportService reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    record ReportJson(
            String id,
            String ownerId,
            String ownerName,
            LocalDate day,
            String summary,
            String plan,
            String status,
            OffsetDateTime submittedAt,
            int activityCount,
            int version) {}

    static ReportJson json(DailyReportView r) {
        return new ReportJson(
                r.id() == null ? null : String.valueOf(r.id()),
                String.valueOf(r.ownerId()),
                r.ownerName(),
                r.day(),
                r.summary(),
                r.plan(),
                r.status(),
                r.submittedAt(),
                r.activityCount(),
                r.version());
    }

    @GetMapping("/daily-reports")
    List<ReportJson> reports(
            @RequestParam(required = false) Long ownerId,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        LocalDate start = from == null ? end.minusDays(14) : from;
        ApiPeriods.check(start, end);
        return reports.list(ownerId, start, end).stream()
                .map(DailyReportApiController::json)
                .toList();
    }

    /** The signed-in rep's report of a day (default today): stored, or drafted from the day's activities. */
    @GetMapping("/daily-reports/mine")
    ReportJson mine(@RequestParam(required = false) LocalDate day) {
        return json(reports.mine(day == null ? LocalDate.now(clock) : day));
    }

    @GetMapping("/daily-reports/{id:\\d+}")
    ReportJson report(@PathVariable long id) {
        return json(reports.get(id));
    }

    record ReportBody(String summary, String plan, Boolean submit, Integer version) {}

    /** Saves (and with {@code submit:true} submits) the signed-in rep's report of a day. */
    @PutMapping("/daily-reports/mine/{day}")
    ReportJson save(@PathVariable LocalDate day, @RequestBody ReportBody body) {
        return json(reports.save(day, body.summary(), body.plan(), Boolean.TRUE.equals(body.submit()), body.version()));
    }

    record RateJson(String ownerId, String name, String team, int submitted, int due, double rate) {}

    /** Submission rate per rep and team (rows with ownerId "0" are team totals). */
    @GetMapping("/daily-reports/submission-rates")
    List<RateJson> rates(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        LocalDate start = from == null ? end.minusDays(30) : from;
        ApiPeriods.check(start, end);
        return reports.rates(start, end).stream()
                .map(r ->
                        new RateJson(String.valueOf(r.ownerId()), r.name(), r.team(), r.submitted(), r.due(), r.rate()))
                .toList();
    }
}
