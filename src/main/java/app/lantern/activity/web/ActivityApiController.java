package app.lantern.activity.web;

import app.lantern.activity.ActivityInput;
import app.lantern.activity.ActivityInsights;
import app.lantern.activity.ActivityService;
import app.lantern.activity.ActivityType;
import app.lantern.activity.ActivityView;
import app.lantern.activity.BackfillSummary;
import app.lantern.activity.DailyReportService;
import app.lantern.activity.DailyReportView;
import app.lantern.activity.Heatmap;
import app.lantern.shared.PageQuery;
import app.lantern.shared.PageResult;
import app.lantern.shared.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/activities} and {@code /api/v1/daily-reports}. */
@RestController
@RequestMapping("/api/v1")
class ActivityApiController {

    private final ActivityService activities;
    private final DailyReportService reports;
    private final ActivityInsights insights;
    private final Clock clock;

    ActivityApiController(
            ActivityService activities, DailyReportService reports, ActivityInsights insights, Clock clock) {
        this.activities = activities;
        this.reports = reports;
        this.insights = insights;
        this.clock = clock;
    }

    record ActivityJson(
            String id,
            ActivityType type,
            String ownerId,
            String ownerName,
            String customerId,
            String customerName,
            String opportunityId,
            OffsetDateTime occurredAt,
            OffsetDateTime createdAt,
            int durationMinutes,
            String participants,
            String outcome,
            String nextStep,
            String backfill) {}

    static ActivityJson json(ActivityView a) {
        return new ActivityJson(
                String.valueOf(a.id()),
                a.type(),
                String.valueOf(a.ownerId()),
                a.ownerName(),
                a.customerId() == null ? null : String.valueOf(a.customerId()),
                a.customerName(),
                a.opportunityId() == null ? null : String.valueOf(a.opportunityId()),
                a.occurredAt(),
                a.createdAt(),
                a.durationMinutes(),
                a.participants(),
                a.outcome(),
                a.nextStep(),
                a.backfill());
    }

    @GetMapping("/activities")
    PageResult<ActivityJson> list(
            @RequestParam(required = false) Long ownerId,
            @RequestParam(required = false) ActivityType type,
            @RequestParam(required = false) Long customerId,
            @RequestParam(required = false) Long opportunityId,
            @RequestParam(required = false) OffsetDateTime from,
            @RequestParam(required = false) OffsetDateTime to,
            @RequestParam(required = false) String backfill,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        if (backfill != null && !Set.of("LATE", "BURST", "ANY").contains(backfill)) {
            throw ValidationException.field("backfill", "must be LATE, BURST or ANY");
        }
        PageQuery q = PageQuery.of(page, size, sort, ActivityService.SORT_FIELDS, "occurredAt,desc");
        return activities
                .list(
                        new ActivityService.Filter(
                                ownerId, null, type, customerId, opportunityId, from, to, backfill, null, null),
                        q)
                .map(ActivityApiController::json);
    }

    record ActivityBody(
            ActivityType type,
            OffsetDateTime occurredAt,
            Integer durationMinutes,
            Long customerId,
            Long opportunityId,
            List<Long> participantContactIds,
            String participants,
            String outcome,
            String nextStep,
            OffsetDateTime createdAt) {}

    @PostMapping("/activities")
    @ResponseStatus(HttpStatus.CREATED)
    ActivityJson log(@RequestBody ActivityBody b) {
        return json(activities.log(new ActivityInput(
                b.type(),
                b.occurredAt(),
                b.durationMinutes(),
                b.customerId(),
                b.opportunityId(),
                b.participantContactIds(),
                b.participants(),
                b.outcome(),
                b.nextStep(),
                b.createdAt())));
    }

    @GetMapping("/activities/{id}")
    ActivityJson get(@PathVariable long id) {
        return json(activities.view(id));
    }

    @DeleteMapping("/activities/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        activities.delete(id);
    }

    record HeatmapJson(
            String teamId,
            String teamName,
            String week,
            LocalDate monday,
            List<String> reps,
            List<String> repIds,
            List<ActivityType> types,
            double[][] hours,
            int[][] counts,
            boolean[][] hollows,
            double[] medians,
            int[][] weekdayHour) {}

    @GetMapping("/activities/heatmap")
    HeatmapJson heatmap(@RequestParam long teamId, @RequestParam(required = false) String week) {
        Heatmap h = insights.heatmap(teamId, week == null ? ActivityInsights.isoWeek(LocalDate.now(clock)) : week);
        return new HeatmapJson(
                String.valueOf(h.teamId()),
                h.teamName(),
                h.isoWeek(),
                h.monday(),
                h.reps(),
                h.repIds().stream().map(String::valueOf).toList(),
                h.types(),
                h.hours(),
                h.counts(),
                h.hollows(),
                h.medians(),
                h.weekdayHour());
    }

    record BackfillJson(
            String ownerId,
            String name,
            String team,
            int total,
            int late,
            int burst,
            int sundayNight,
            double share,
            List<ActivityJson> evidence) {}

    @GetMapping("/activities/backfill")
    List<BackfillJson> backfill(
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        LocalDate start = from == null ? end.minusDays(30) : from;
        checkRange(start, end);
        List<BackfillJson> out = new ArrayList<>();
        for (BackfillSummary s : insights.backfill(start, end)) {
            out.add(new BackfillJson(
                    String.valueOf(s.ownerId()),
                    s.name(),
                    s.team(),
                    s.total(),
                    s.late(),
                    s.burst(),
                    s.sundayNight(),
                    s.share(),
                    s.evidence().stream().map(ActivityApiController::json).toList()));
        }
        return out;
    }

    // ------------------------------------------------------------------ daily reports

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
        checkRange(start, end);
        return reports.list(ownerId, start, end).stream()
                .map(ActivityApiController::json)
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
        checkRange(start, end);
        return reports.rates(start, end).stream()
                .map(r ->
                        new RateJson(String.valueOf(r.ownerId()), r.name(), r.team(), r.submitted(), r.due(), r.rate()))
                .toList();
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        if (from.isAfter(to) || from.isBefore(to.minusDays(366))) {
            throw ValidationException.field("from", "must be before 'to' and at most a year earlier");
        }
    }
}
