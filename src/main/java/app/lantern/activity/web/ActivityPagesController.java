package app.lantern.activity.web;

import app.lantern.activity.ActivityInput;
import app.lantern.activity.ActivityInsights;
import app.lantern.activity.ActivityService;
import app.lantern.activity.ActivityType;
import app.lantern.activity.DailyReportService;
import app.lantern.activity.Heatmap;
import app.lantern.customer.ContactRef;
import app.lantern.customer.CustomerRef;
import app.lantern.customer.Customers;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.TeamSummary;
import app.lantern.pipeline.Opportunities;
import app.lantern.pipeline.OpportunityRef;
import app.lantern.shared.ConflictException;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.PageQuery;
import app.lantern.shared.Texts;
import app.lantern.shared.ValidationException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** Activity list, the quick-log form, daily reports, back-fill report and the heatmap. */
@Controller
class ActivityPagesController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ActivityService activities;
    private final DailyReportService reports;
    private final ActivityInsights insights;
    private final Customers customers;
    private final Opportunities opportunities;
    private final CurrentActor currentActor;
    private final Clock clock;
    private final MessageSource messages;

    ActivityPagesController(
            ActivityService activities,
            DailyReportService reports,
            ActivityInsights insights,
            Customers customers,
            Opportunities opportunities,
            CurrentActor currentActor,
            Clock clock,
            MessageSource messages) {
        this.activities = activities;
        this.reports = reports;
        this.insights = insights;
        this.customers = customers;
        this.opportunities = opportunities;
        this.currentActor = currentActor;
        this.clock = clock;
        this.messages = messages;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private static String weekday(int index) {
        return DayOfWeek.of(index + 1).getDisplayName(TextStyle.SHORT, LocaleContextHolder.getLocale());
    }

    @GetMapping("/activities")
    String list(
            @RequestParam(required = false) Long ownerId,
            @RequestParam(required = false) ActivityType type,
            @RequestParam(required = false) Long customerId,
            @RequestParam(required = false) String week,
            @RequestParam(required = false) Integer weekday,
            @RequestParam(required = false) Integer hour,
            @RequestParam(required = false) String backfill,
            @RequestParam(required = false) Integer page,
            @RequestHeader(value = "HX-Request", required = false) String hx,
            Model model) {
        OffsetDateTime from = null;
        OffsetDateTime to = null;
        if (week != null && !week.isBlank()) {
            LocalDate monday = ActivityInsights.mondayOf(week);
            from = monday.atStartOfDay(clock.getZone()).toOffsetDateTime();
            to = from.plusDays(7);
        }
        if (backfill != null && !List.of("LATE", "BURST", "ANY").contains(backfill)) {
            backfill = null;
        }
        var result = activities.list(
                new ActivityService.Filter(ownerId, null, type, customerId, null, from, to, backfill, weekday, hour),
                PageQuery.of(page, 50, null, ActivityService.SORT_FIELDS, "occurredAt,desc"));
        model.addAttribute("result", result);
        model.addAttribute("types", ActivityType.values());
        Map<String, Object> f = new HashMap<>();
        f.put("ownerId", ownerId);
        f.put("type", type);
        f.put("customerId", customerId);
        f.put("week", week);
        f.put("weekday", weekday);
        f.put("hour", hour);
        f.put("backfill", backfill);
        model.addAttribute("f", f);
        return hx != null ? "activity/list :: rows" : "activity/list";
    }

    // ------------------------------------------------------------------ quick log

    @GetMapping("/activities/new")
    String quickLog(
            @RequestParam(required = false) Long customerId,
            @RequestParam(required = false) Long opportunityId,
            Model model) {
        if (opportunityId != null) {
            OpportunityRef o = opportunities.requireVisible(opportunityId);
            customerId = o.customerId();
        }
        model.addAttribute("form", Map.of());
        model.addAttribute("errors", Map.of());
        quickModel(model, customerId, opportunityId);
        return "activity/quick";
    }

    /** Contacts and open opportunities of the chosen customer (htmx swap inside the quick-log form). */
    @GetMapping("/activities/new/customer")
    String customerParts(@RequestParam(required = false) Long customerId, Model model) {
        quickModel(model, customerId, null);
        return "activity/quick :: customerParts";
    }

    @PostMapping("/activities")
    String log(@RequestParam MultiValueMap<String, String> form, Model model) {
        FieldErrors parse = new FieldErrors();
        ActivityType type = null;
        try {
            type = ActivityType.valueOf(form.getFirst("type"));
        } catch (RuntimeException e) {
            parse.add("type", "choose a type");
        }
        Long customerId = parseLong(form.getFirst("customerId"), "customerId", parse);
        Long opportunityId = parseLong(form.getFirst("opportunityId"), "opportunityId", parse);
        OffsetDateTime occurred = null;
        String when = form.getFirst("occurredAt");
        if (!Texts.isBlank(when)) {
            try {
                occurred = LocalDateTime.parse(when.strip())
                        .atZone(clock.getZone())
                        .toOffsetDateTime();
            } catch (java.time.format.DateTimeParseException e) {
                parse.add("occurredAt", "must be a date and time");
            }
        }
        Integer duration = null;
        if (!Texts.isBlank(form.getFirst("durationMinutes"))) {
            try {
                duration = Integer.valueOf(form.getFirst("durationMinutes").strip());
            } catch (NumberFormatException e) {
                parse.add("durationMinutes", "must be a number");
            }
        }
        List<Long> participants = new ArrayList<>();
        for (String s : form.getOrDefault("participantContactIds", List.of())) {
            Long id = parseLong(s, "participantContactIds", parse);
            if (id != null) {
                participants.add(id);
            }
        }
        try {
            parse.throwIfAny();
            activities.log(new ActivityInput(
                    type,
                    occurred,
                    duration,
                    customerId,
                    opportunityId,
                    participants,
                    null,
                    form.getFirst("outcome"),
                    form.getFirst("nextStep"),
                    null));
            return "redirect:/activities?logged";
        } catch (ValidationException e) {
            model.addAttribute(
                    "errors",
                    e.errors().stream()
                            .collect(Collectors.toMap(
                                    FieldErrors.FieldError::field, FieldErrors.FieldError::message, (a, b) -> a)));
            model.addAttribute("form", form.toSingleValueMap());
            quickModel(model, customerId, opportunityId);
            return "activity/quick";
        }
    }

    private void quickModel(Model model, Long customerId, Long opportunityId) {
        List<CustomerRef> recent = activities.recentCustomers(8);
        model.addAttribute("recent", recent);
        model.addAttribute("types", ActivityType.values());
        model.addAttribute("customerId", customerId);
        model.addAttribute("opportunityId", opportunityId);
        CustomerRef chosen = null;
        if (customerId != null) {
            try {
                chosen = customers.requireVisible(customerId);
            } catch (RuntimeException e) {
                chosen = null;
            }
        }
        model.addAttribute("customer", chosen);
        model.addAttribute(
                "contacts",
                chosen == null
                        ? List.<ContactRef>of()
                        : customers.contacts(chosen.id()).stream()
                                .filter(ContactRef::active)
                                .toList());
        model.addAttribute(
                "opps", chosen == null ? List.<OpportunityRef>of() : opportunities.openOfCustomer(chosen.id()));
        model.addAttribute("now", LocalDateTime.now(clock).withSecond(0).withNano(0));
        Map<String, Integer> durations = new LinkedHashMap<>();
        for (ActivityType t : ActivityType.values()) {
            durations.put(t.name(), ActivityInput.defaultDuration(t));
        }
        model.addAttribute("durations", durations);
    }

    // ------------------------------------------------------------------ daily reports

    @GetMapping("/activities/report")
    String myReport(@RequestParam(required = false) LocalDate day, Model model) {
        LocalDate d = day == null ? LocalDate.now(clock) : day;
        model.addAttribute("report", reports.mine(d));
        model.addAttribute("day", d);
        model.addAttribute(
                "recentReports", reports.list(currentActor.require().userId(), d.minusDays(14), LocalDate.now(clock)));
        return "activity/report";
    }

    @PostMapping("/activities/report")
    String saveReport(
            @RequestParam LocalDate day,
            @RequestParam(required = false) String summary,
            @RequestParam(required = false) String plan,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String submit,
            Model model) {
        try {
            reports.save(day, summary, plan, submit != null, version);
            return "redirect:/activities/report?day=" + day + (submit != null ? "&submitted" : "&saved");
        } catch (ValidationException | ConflictException e) {
            model.addAttribute("error", e.getMessage());
            return myReport(day, model);
        }
    }

    @GetMapping("/activities/reports/team")
    String teamReports(@RequestParam(required = false) Integer days, Model model) {
        int period = days == null ? 30 : Math.max(7, Math.min(days, 180));
        LocalDate to = LocalDate.now(clock);
        LocalDate from = to.minusDays(period - 1);
        model.addAttribute("rates", reports.rates(from, to));
        model.addAttribute("reports", reports.list(null, to.minusDays(6), to));
        model.addAttribute("days", period);
        return "activity/team-reports";
    }

    @GetMapping("/activities/backfill")
    String backfill(@RequestParam(required = false) Integer days, Model model) {
        int period = days == null ? 30 : Math.max(7, Math.min(days, 180));
        LocalDate to = LocalDate.now(clock);
        model.addAttribute("rows", insights.backfill(to.minusDays(period - 1), to));
        model.addAttribute("days", period);
        model.addAttribute("lateHours", activities.rules().lateAfter().toHours());
        model.addAttribute("burstSize", activities.rules().burstSize());
        return "activity/backfill";
    }

    // ------------------------------------------------------------------ heatmap

    @GetMapping("/activities/heatmap")
    String heatmap(
            @RequestParam(required = false) Long teamId, @RequestParam(required = false) String week, Model model) {
        List<TeamSummary> teams = insights.visibleTeams();
        model.addAttribute("teams", teams);
        String w = week == null || week.isBlank() ? ActivityInsights.isoWeek(LocalDate.now(clock)) : week;
        model.addAttribute("week", w);
        if (teams.isEmpty()) {
            return "activity/heatmap";
        }
        long team = teamId == null ? teams.getFirst().id() : teamId;
        Heatmap h = insights.heatmap(team, w);
        LocalDate monday = h.monday();
        model.addAttribute("h", h);
        model.addAttribute("prevWeek", ActivityInsights.isoWeek(monday.minusWeeks(1)));
        model.addAttribute("nextWeek", ActivityInsights.isoWeek(monday.plusWeeks(1)));
        model.addAttribute("repTypeChart", repTypeChart(h));
        model.addAttribute("weekdayChart", weekdayChart(h));
        model.addAttribute("repIdsJson", JSON.writeValueAsString(h.repIds()));
        return "activity/heatmap";
    }

    /**
     * Drill-down behind a heatmap cell: {@code x}/{@code y} are the chart's indexes (type/rep for the rep chart, hour/weekday
     * for the weekday chart), resolved here against the same heatmap the chart was built from.
     */
    @GetMapping("/activities/heatmap/cell")
    String cell(
            @RequestParam long teamId,
            @RequestParam String week,
            @RequestParam String chart,
            @RequestParam int x,
            @RequestParam int y,
            Model model) {
        Heatmap h = insights.heatmap(teamId, week);
        OffsetDateTime from = h.monday().atStartOfDay(clock.getZone()).toOffsetDateTime();
        ActivityService.Filter filter;
        if ("rep".equals(chart)) {
            if (y < 0 || y >= h.repIds().size() || x < 0 || x >= h.types().size()) {
                throw ValidationException.field("x", "no such cell");
            }
            filter = new ActivityService.Filter(
                    h.repIds().get(y), null, h.types().get(x), null, null, from, from.plusDays(7), null, null, null);
            model.addAttribute(
                    "caption",
                    h.reps().get(y) + " · " + text("activity.type." + h.types().get(x)));
        } else {
            if (x < 0 || x > 23 || y < 0 || y > 6) {
                throw ValidationException.field("x", "no such cell");
            }
            filter = new ActivityService.Filter(
                    null,
                    new java.util.HashSet<>(h.repIds()),
                    null,
                    null,
                    null,
                    from,
                    from.plusDays(7),
                    null,
                    y + 1,
                    x);
            model.addAttribute("caption", weekday(y) + " " + text("activity.heatmap.hour", x));
        }
        model.addAttribute(
                "result",
                activities.list(filter, PageQuery.of(0, 200, null, ActivityService.SORT_FIELDS, "occurredAt,desc")));
        model.addAttribute("f", Map.of());
        return "activity/list :: rows";
    }

    private String repTypeChart(Heatmap h) {
        List<String> types =
                h.types().stream().map(t -> text("activity.type." + t)).toList();
        List<Object> data = new ArrayList<>();
        List<Object> marks = new ArrayList<>();
        double max = 1;
        for (int i = 0; i < h.reps().size(); i++) {
            for (int j = 0; j < h.types().size(); j++) {
                data.add(List.of(j, i, h.hours()[i][j], h.counts()[i][j]));
                max = Math.max(max, h.hours()[i][j]);
                if (h.hollows()[i][j]) {
                    marks.add(Map.of("coord", List.of(j, i), "value", text("activity.heatmap.hollow")));
                }
            }
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("position", "top"));
        option.put("grid", Map.of("left", 70, "right", 20, "top", 10, "bottom", 80));
        option.put("xAxis", Map.of("type", "category", "data", types, "axisLabel", Map.of("rotate", 30)));
        option.put("yAxis", Map.of("type", "category", "data", h.reps()));
        option.put(
                "visualMap",
                Map.of(
                        "min",
                        0,
                        "max",
                        Math.ceil(max),
                        "calculable",
                        true,
                        "orient",
                        "horizontal",
                        "left",
                        "center",
                        "bottom",
                        0,
                        "dimension",
                        2,
                        "inRange",
                        Map.of("color", List.of("#fff7ec", "#fdbb84", "#b30000"))));
        option.put(
                "series",
                List.of(Map.of(
                        "name",
                        text("activity.heatmap.hours"),
                        "type",
                        "heatmap",
                        "data",
                        data,
                        "label",
                        Map.of("show", true),
                        "encode",
                        Map.of("x", 0, "y", 1, "value", 2),
                        "markPoint",
                        Map.of(
                                "symbol",
                                "pin",
                                "symbolSize",
                                28,
                                "itemStyle",
                                Map.of("color", "#dc3545"),
                                "data",
                                marks))));
        return JSON.writeValueAsString(option);
    }

    private String weekdayChart(Heatmap h) {
        List<String> days = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            days.add(weekday(d));
        }
        List<String> hours = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            hours.add(text("activity.heatmap.hour", i));
        }
        List<Object> data = new ArrayList<>();
        int max = 1;
        for (int d = 0; d < 7; d++) {
            for (int hr = 0; hr < 24; hr++) {
                data.add(List.of(hr, d, h.weekdayHour()[d][hr]));
                max = Math.max(max, h.weekdayHour()[d][hr]);
            }
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("position", "top"));
        option.put("grid", Map.of("left", 50, "right", 20, "top", 10, "bottom", 70));
        option.put("xAxis", Map.of("type", "category", "data", hours));
        option.put("yAxis", Map.of("type", "category", "data", days));
        option.put(
                "visualMap",
                Map.of(
                        "min",
                        0,
                        "max",
                        max,
                        "calculable",
                        true,
                        "orient",
                        "horizontal",
                        "left",
                        "center",
                        "bottom",
                        0,
                        "inRange",
                        Map.of("color", List.of("#f0f9ff", "#6baed6", "#08306b"))));
        option.put(
                "series",
                List.of(Map.of("name", text("activity.heatmap.activities"), "type", "heatmap", "data", data)));
        return JSON.writeValueAsString(option);
    }

    private static Long parseLong(String s, String field, FieldErrors errors) {
        if (Texts.isBlank(s)) {
            return null;
        }
        try {
            return Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            errors.add(field, "invalid");
            return null;
        }
    }

    static ZoneId zone(Clock clock) {
        return clock.getZone();
    }
}
