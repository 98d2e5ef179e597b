package app.lantern.activity;

import static lantern.db.Tables.ACTIVITIES;
import static lantern.db.Tables.DAILY_REPORTS;

import app.lantern.audit.AuditLog;
import app.lantern.calendar.WorkingCalendar;
import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.DataScopes;
import app.lantern.identity.Directory;
import app.lantern.identity.RecordKind;
import app.lantern.identity.TeamSummary;
import app.lantern.identity.UserSummary;
import app.lantern.shared.ConflictException;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.Texts;
import app.lantern.shared.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import lantern.db.tables.records.DailyReportsRecord;
import org.jooq.DSLContext;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Daily reports: drafted from the day's activities, edited and submitted by the rep; submission rates. */
@Service
@Transactional
public class DailyReportService {

    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

    private final DSLContext db;
    private final ActivityService activities;
    private final DailyReports reports;
    private final CurrentActor currentActor;
    private final DataScopes scopes;
    private final Directory directory;
    private final WorkingCalendar calendar;
    private final AuditLog audit;
    private final Clock clock;
    private final MessageSource messages;

    DailyReportService(
            DSLContext db,
            ActivityService activities,
            DailyReports reports,
            CurrentActor currentActor,
            DataScopes scopes,
            Directory directory,
            WorkingCalendar calendar,
            AuditLog audit,
            Clock clock,
            MessageSource messages) {
        this.db = db;
        this.messages = messages;
        this.activities = activities;
        this.reports = reports;
        this.currentActor = currentActor;
        this.scopes = scopes;
        this.directory = directory;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    /** The signed-in rep's report of a day: the stored one, or a fresh draft built from that day's activities. */
    @Transactional(readOnly = true)
    public DailyReportView mine(LocalDate day) {
        Actor actor = currentActor.require();
        checkDay(day);
        var r = db.selectFrom(DAILY_REPORTS)
                .where(DAILY_REPORTS.OWNER_ID.eq(actor.userId()))
                .and(DAILY_REPORTS.REPORT_DAY.eq(day))
                .fetchOne();
        List<ActivityView> acts = dayActivities(actor.userId(), day);
        if (r != null) {
            return view(r, acts.size());
        }
        return new DailyReportView(
                null,
                actor.userId(),
                actor.displayName(),
                day,
                draftSummary(acts),
                draftPlan(acts),
                "DRAFT",
                null,
                acts.size(),
                0);
    }

    /** A report by id, scoped. */
    @Transactional(readOnly = true)
    public DailyReportView get(long id) {
        var r = db.selectFrom(DAILY_REPORTS).where(DAILY_REPORTS.ID.eq(id)).fetchOne();
        if (r == null) {
            throw NotFoundException.of("daily report", id);
        }
        scopes.current(RecordKind.ACTIVITY).require(r.getOwnerId(), "daily report", id);
        return view(r, dayActivities(r.getOwnerId(), r.getReportDay()).size());
    }

    /** Saves the rep's report of a day (creating it), optionally submitting it. A submitted report is final. */
    public DailyReportView save(LocalDate day, String summary, String plan, boolean submit, Integer expectedVersion) {
        Actor actor = currentActor.require();
        checkDay(day);
        FieldErrors e = new FieldErrors();
        Texts.require(e, "summary", summary, 4000);
        Texts.maxLength(e, "plan", plan, 2000);
        e.throwIfAny();
        OffsetDateTime now = OffsetDateTime.now(clock);
        var existing = db.selectFrom(DAILY_REPORTS)
                .where(DAILY_REPORTS.OWNER_ID.eq(actor.userId()))
                .and(DAILY_REPORTS.REPORT_DAY.eq(day))
                .fetchOne();
        String status = submit ? "SUBMITTED" : "DRAFT";
        long id;
        if (existing == null) {
            id = db.insertInto(DAILY_REPORTS)
                    .set(DAILY_REPORTS.OWNER_ID, actor.userId())
                    .set(DAILY_REPORTS.REPORT_DAY, day)
                    .set(DAILY_REPORTS.SUMMARY, summary.strip())
                    .set(DAILY_REPORTS.PLAN, Texts.clean(plan))
                    .set(DAILY_REPORTS.STATUS, status)
                    .set(DAILY_REPORTS.SUBMITTED_AT, submit ? now : null)
                    .set(DAILY_REPORTS.CREATED_AT, now)
                    .set(DAILY_REPORTS.UPDATED_AT, now)
                    .returning(DAILY_REPORTS.ID)
                    .fetchOne()
                    .getId();
            audit.created("daily_report", id, Map.of("day", day.toString(), "status", status));
        } else {
            if ("SUBMITTED".equals(existing.getStatus())) {
                throw ValidationException.unprocessable("status", "the report of " + day + " is already submitted");
            }
            if (expectedVersion != null && expectedVersion != existing.getVersion()) {
                throw new ConflictException(
                        "the report was changed elsewhere", Map.of("currentVersion", existing.getVersion()));
            }
            id = existing.getId();
            db.update(DAILY_REPORTS)
                    .set(DAILY_REPORTS.SUMMARY, summary.strip())
                    .set(DAILY_REPORTS.PLAN, Texts.clean(plan))
                    .set(DAILY_REPORTS.STATUS, status)
                    .set(DAILY_REPORTS.SUBMITTED_AT, submit ? now : null)
                    .set(DAILY_REPORTS.UPDATED_AT, now)
                    .set(DAILY_REPORTS.VERSION, DAILY_REPORTS.VERSION.plus(1))
                    .where(DAILY_REPORTS.ID.eq(id))
                    .execute();
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("summary", existing.getSummary());
            before.put("plan", existing.getPlan());
            before.put("status", existing.getStatus());
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("summary", summary.strip());
            after.put("plan", Texts.clean(plan));
            after.put("status", status);
            audit.updated("daily_report", id, before, after);
        }
        return get(id);
    }

    /** Reports of the owners in scope for a day range, newest first. */
    @Transactional(readOnly = true)
    public List<DailyReportView> list(Long ownerId, LocalDate from, LocalDate to) {
        var c = scopes.current(RecordKind.ACTIVITY)
                .condition(DAILY_REPORTS.OWNER_ID)
                .and(DAILY_REPORTS.REPORT_DAY.between(from, to));
        if (ownerId != null) {
            c = c.and(DAILY_REPORTS.OWNER_ID.eq(ownerId));
        }
        return db.selectFrom(DAILY_REPORTS)
                .where(c)
                .orderBy(DAILY_REPORTS.REPORT_DAY.desc(), DAILY_REPORTS.OWNER_ID)
                .limit(500)
                .fetch(r -> view(r, -1));
    }

    /** One row of the submission table. */
    public record Rate(long ownerId, String name, String team, int submitted, int due, double rate) {}

    /** Submission rate per rep in scope, and per team (rows with ownerId 0 are team totals). */
    @Transactional(readOnly = true)
    public List<Rate> rates(LocalDate from, LocalDate to) {
        Actor actor = currentActor.require();
        Set<Long> owners = scopes.current(RecordKind.ACTIVITY).isEverything()
                ? directory.users().stream()
                        .filter(u -> u.active() && u.teamId() != null)
                        .map(UserSummary::id)
                        .collect(Collectors.toSet())
                : scopes.visibleOwners(actor);
        Map<Long, String> teamNames =
                directory.teams().stream().collect(Collectors.toMap(TeamSummary::id, TeamSummary::name));
        int due = calendar.workingDaysBetween(from, to.plusDays(1));
        Map<Long, Integer> submitted = new HashMap<>();
        Map<Long, Integer> extraDue = new HashMap<>();
        db.select(DAILY_REPORTS.OWNER_ID, DAILY_REPORTS.REPORT_DAY)
                .from(DAILY_REPORTS)
                .where(DAILY_REPORTS.OWNER_ID.in(owners))
                .and(DAILY_REPORTS.STATUS.eq("SUBMITTED"))
                .and(DAILY_REPORTS.REPORT_DAY.between(from, to))
                .forEach(r -> {
                    submitted.merge(r.value1(), 1, Integer::sum);
                    if (!calendar.isWorkingDay(r.value2())) {
                        extraDue.merge(r.value1(), 1, Integer::sum);
                    }
                });
        List<Rate> rows = new ArrayList<>();
        Map<String, int[]> teams = new LinkedHashMap<>();
        for (UserSummary u : directory.users()) {
            if (!owners.contains(u.id()) || !u.active() || u.teamId() == null) {
                continue;
            }
            // a report on a weekend or holiday counts as owed that day too
            int owed = due + extraDue.getOrDefault(u.id(), 0);
            int s = Math.min(owed, submitted.getOrDefault(u.id(), 0));
            String team = teamNames.getOrDefault(u.teamId(), "");
            rows.add(new Rate(u.id(), u.displayName(), team, s, owed, owed == 0 ? 0 : (double) s / owed));
            int[] t = teams.computeIfAbsent(team, k -> new int[2]);
            t[0] += s;
            t[1] += owed;
        }
        teams.forEach((team, t) -> rows.add(new Rate(0, team, team, t[0], t[1], t[1] == 0 ? 0 : (double) t[0] / t[1])));
        return rows;
    }

    public double rate(Set<Long> owners, LocalDate from, LocalDate to) {
        return reports.submissionRate(owners, from, to);
    }

    private List<ActivityView> dayActivities(long ownerId, LocalDate day) {
        OffsetDateTime from = day.atStartOfDay(calendar.zone()).toOffsetDateTime();
        var rows = db.selectFrom(ACTIVITIES)
                .where(ACTIVITIES.OWNER_ID.eq(ownerId))
                .and(ACTIVITIES.OCCURRED_AT.ge(from))
                .and(ACTIVITIES.OCCURRED_AT.lt(from.plusDays(1)))
                .orderBy(ACTIVITIES.OCCURRED_AT)
                .fetch();
        return activities.views(rows);
    }

    /** A first draft of the day's summary in the reader's language, built from the day's activities. */
    String draftSummary(List<ActivityView> acts) {
        Locale locale = LocaleContextHolder.getLocale();
        if (acts.isEmpty()) {
            return messages.getMessage("activity.draft.none", null, locale);
        }
        int minutes = acts.stream().mapToInt(ActivityView::durationMinutes).sum();
        StringBuilder sb = new StringBuilder(
                        messages.getMessage("activity.draft.head", new Object[] {acts.size(), minutes}, locale))
                .append('\n');
        for (ActivityView a : acts) {
            sb.append("- ")
                    .append(a.occurredAt().atZoneSameInstant(calendar.zone()).format(HM))
                    .append(' ')
                    .append(messages.getMessage("activity.type." + a.type(), null, locale));
            if (a.customerName() != null) {
                sb.append(" · ").append(a.customerName());
            }
            sb.append(messages.getMessage("activity.draft.minutes", new Object[] {a.durationMinutes()}, locale));
            if (a.outcome() != null) {
                sb.append(messages.getMessage("activity.draft.colon", null, locale))
                        .append(a.outcome());
            }
            sb.append('\n');
        }
        String s = sb.toString().strip();
        return s.length() > 4000 ? s.substring(0, 4000) : s;
    }

    static String draftPlan(List<ActivityView> acts) {
        String s = acts.stream()
                .map(ActivityView::nextStep)
                .filter(n -> n != null && !n.isBlank())
                .distinct()
                .map(n -> "- " + n)
                .collect(Collectors.joining("\n"));
        return s.length() > 2000 ? s.substring(0, 2000) : s;
    }

    private void checkDay(LocalDate day) {
        LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
        if (day == null || day.isAfter(today) || day.isBefore(today.minusDays(60))) {
            throw ValidationException.field("day", "must be a day within the last 60 days");
        }
    }

    private DailyReportView view(DailyReportsRecord r, int count) {
        String name =
                directory.user(r.getOwnerId()).map(UserSummary::displayName).orElse("#" + r.getOwnerId());
        return new DailyReportView(
                r.getId(),
                r.getOwnerId(),
                name,
                r.getReportDay(),
                r.getSummary(),
                r.getPlan(),
                r.getStatus(),
                r.getSubmittedAt(),
                count,
                r.getVersion());
    }
}
