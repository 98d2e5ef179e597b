package app.lantern.alert;

import app.lantern.activity.Activities;
import app.lantern.activity.ActivityRef;
import app.lantern.activity.ActivityType;
import app.lantern.calendar.WorkingCalendar;
import app.lantern.goal.RepProgress;
import app.lantern.identity.Directory;
import app.lantern.identity.Role;
import app.lantern.identity.UserSummary;
import app.lantern.notification.Notification;
import app.lantern.notification.Notifications;
import app.lantern.pipeline.Opportunities;
import app.lantern.shared.Phrase;
import app.lantern.shared.web.MoneyFormat;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The 08:30 daily brief (个人目标穿透简报): yesterday's actions against plan, the month's revenue pace, today's TOP3 to-dos
 * ({@link TodayTodos}), and the lagging items each with its root cause. Managers get a team digest. Sent only on
 * working days, once per person and day; the rep's landing page shows the same content.
 */
@Service
public class DailyBrief {

    /**
     * A brief as sent: the title and Markdown in Chinese for the channels, and the same content as phrases for pages.
     */
    public record Brief(
            long recipientId, LocalDate day, String title, String markdown, String link, BriefContent content) {}

    private final RepProgress progress;
    private final Opportunities opportunities;
    private final Activities activities;
    private final Alerts alerts;
    private final Directory directory;
    private final WorkingCalendar calendar;
    private final Notifications notifications;
    private final TodayTodos todos;
    private final TransactionTemplate tx;
    private final MessageSource messages;

    DailyBrief(
            RepProgress progress,
            Opportunities opportunities,
            Activities activities,
            Alerts alerts,
            Directory directory,
            WorkingCalendar calendar,
            Notifications notifications,
            TodayTodos todos,
            TransactionTemplate tx,
            MessageSource messages) {
        this.progress = progress;
        this.opportunities = opportunities;
        this.activities = activities;
        this.alerts = alerts;
        this.directory = directory;
        this.calendar = calendar;
        this.notifications = notifications;
        this.todos = todos;
        this.tx = tx;
        this.messages = messages;
    }

    /** Briefs are written in Chinese: they go out through channels (WeCom, DingTalk, Feishu, e-mail) with no per-user language. */
    static final Locale BRIEF_LOCALE = Locale.SIMPLIFIED_CHINESE;

    /** The brief of one rep for {@code day}, computed without scope checks (the caller checked). */
    public Brief forRep(long repId, LocalDate day) {
        ZoneId zone = calendar.zone();
        UserSummary rep = directory.user(repId).orElseThrow();
        RepProgress.Progress p = progress.unscoped(repId, YearMonth.from(day), day);
        LocalDate yesterday = calendar.previousWorkingDay(day);
        OffsetDateTime from = yesterday.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = yesterday.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        List<ActivityRef> done = activities.between(Set.of(repId), from, to);
        long visits = done.stream().filter(a -> a.type() == ActivityType.VISIT).count();
        long demos = done.stream().filter(a -> a.type() == ActivityType.DEMO).count();
        long created = opportunities.createdBetween(Set.of(repId), from, to).size();
        RepProgress.WeeklyActions w = p.thisWeek();
        double planned = Math.max(1, Math.ceil(w.visitsTarget() / 5.0) + Math.ceil(w.newOpportunitiesTarget() / 5.0));
        long completion = Math.min(100, Math.round((visits + created) * 100 / planned));

        List<Phrase> top3 = todos.top3(repId, day);
        BriefContent content = new BriefContent(
                new Phrase("alert.brief.title", day.getMonthValue(), day.getDayOfMonth()),
                rep.displayName(),
                List.of(
                        inline(
                                "yesterday",
                                new Phrase("alert.brief.yesterday", yesterday),
                                new Phrase("alert.brief.yesterdayValue", completion, visits, created, demos)),
                        inline(
                                "week",
                                new Phrase("alert.brief.week"),
                                new Phrase(
                                        "alert.brief.weekValue",
                                        w.visits(),
                                        w.visitsTarget(),
                                        w.newOpportunities(),
                                        w.newOpportunitiesTarget(),
                                        w.demos(),
                                        w.demosTarget())),
                        inline(
                                "month",
                                new Phrase("alert.brief.month"),
                                new Phrase(
                                        "alert.brief.monthValue",
                                        MoneyFormat.phrase(p.signed()),
                                        MoneyFormat.phrase(p.target()),
                                        Math.round(p.attainment() * 100),
                                        Math.round(p.pace() * 100))),
                        new BriefContent.Section(
                                "top3",
                                new Phrase("alert.brief.top3"),
                                top3.isEmpty() ? BriefContent.Style.BULLETED : BriefContent.Style.NUMBERED,
                                top3.isEmpty() ? List.of(new Phrase("alert.todo.none")) : top3),
                        new BriefContent.Section(
                                "lagging",
                                new Phrase("alert.brief.lagging"),
                                BriefContent.Style.BULLETED,
                                lagging(p, day))),
                alerts.isAtRisk(repId) ? new Phrase("alert.brief.atRisk") : null);
        return brief(repId, day, content, "/alerts/reps/" + repId);
    }

    private static BriefContent.Section inline(String name, Phrase heading, Phrase value) {
        return new BriefContent.Section(name, heading, BriefContent.Style.INLINE, List.of(value));
    }

    /**
     * What lags, each with its root cause: the month's signing behind the pace of working days (with the diagnosis),
     * and each weekly action behind what the working days of the week so far ask for (before today: the brief is read
     * in the morning).
     */
    List<Phrase> lagging(RepProgress.Progress p, LocalDate day) {
        RepProgress.WeeklyActions w = p.thisWeek();
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int weekDays = Math.max(1, calendar.workingDaysBetween(monday, monday.plusDays(7)));
        double share = (double) Math.max(0, calendar.workingDaysBetween(monday, day)) / weekDays;
        List<Phrase> lines = new ArrayList<>();
        if (p.target().signum() > 0 && p.attainment() < p.pace()) {
            lines.add(new Phrase(
                    "alert.brief.lag.revenue",
                    Math.round(p.attainment() * 100),
                    Math.round(p.pace() * 100),
                    p.diagnosis()));
        }
        lag(
                lines,
                "alert.brief.lag.visits",
                w.visits(),
                w.visitsTarget(),
                share,
                p.plan().visitsPerOpportunity().value());
        lag(
                lines,
                "alert.brief.lag.newOpportunities",
                w.newOpportunities(),
                w.newOpportunitiesTarget(),
                share,
                MoneyFormat.phrase(p.gap()));
        lag(lines, "alert.brief.lag.demos", w.demos(), w.demosTarget(), share, null);
        return lines.isEmpty() ? List.of(new Phrase("alert.brief.lag.none")) : lines;
    }

    private static void lag(List<Phrase> lines, String key, long done, int target, double share, Object cause) {
        long byNow = (long) Math.floor(target * share);
        if (done < byNow) {
            lines.add(new Phrase(key, done, target, byNow, cause));
        }
    }

    /** A manager's team digest: each rep's month pace and at-risk mark. */
    public Brief forManager(long managerId, LocalDate day) {
        Set<Long> teams = new HashSet<>();
        directory.teamsLedBy(managerId).forEach(t -> teams.addAll(directory.subtree(t)));
        List<UserSummary> reps = directory.members(teams).stream()
                .filter(rep -> rep.roles().contains(Role.REP))
                .toList();
        List<RepProgress.Progress> progresses =
                progress.unscoped(reps.stream().map(UserSummary::id).toList(), YearMonth.from(day), day);
        List<Phrase> lines = new ArrayList<>();
        int atRisk = 0;
        for (int i = 0; i < reps.size(); i++) {
            UserSummary rep = reps.get(i);
            RepProgress.Progress p = progresses.get(i);
            boolean risk = alerts.isAtRisk(rep.id());
            atRisk += risk ? 1 : 0;
            lines.add(new Phrase(
                    risk ? "alert.brief.teamLineAtRisk" : "alert.brief.teamLine",
                    rep.displayName(),
                    MoneyFormat.phrase(p.signed()),
                    MoneyFormat.phrase(p.target()),
                    Math.round(p.attainment() * 100),
                    Math.round(p.pace() * 100)));
        }
        UserSummary manager = directory.user(managerId).orElseThrow();
        BriefContent content = new BriefContent(
                new Phrase("alert.brief.teamTitle", day.getMonthValue(), day.getDayOfMonth()),
                manager.displayName(),
                List.of(new BriefContent.Section(
                        "team", new Phrase("alert.brief.teamHeading"), BriefContent.Style.BULLETED, lines)),
                new Phrase("alert.brief.teamFooter", atRisk));
        return brief(managerId, day, content, "/alerts");
    }

    private Brief brief(long recipient, LocalDate day, BriefContent content, String link) {
        return new Brief(
                recipient,
                day,
                content.title(messages, BRIEF_LOCALE),
                content.markdown(messages, BRIEF_LOCALE),
                link,
                content);
    }

    /** Sends the day's briefs to every rep and manager; nothing on a non-working day. Returns how many were queued. */
    public int sendAll(LocalDate day) {
        if (!calendar.isWorkingDay(day)) {
            return 0;
        }
        int sent = 0;
        for (UserSummary u : directory.users()) {
            if (!u.active()) {
                continue;
            }
            List<Brief> briefs = new ArrayList<>();
            if (u.roles().contains(Role.REP)) {
                briefs.add(forRep(u.id(), day));
            }
            if (u.roles().contains(Role.MANAGER)
                    && !directory.teamsLedBy(u.id()).isEmpty()) {
                briefs.add(forManager(u.id(), day));
            }
            for (Brief b : briefs) {
                tx.executeWithoutResult(s -> notifications.send(new Notification(
                        b.recipientId(),
                        "brief",
                        b.title(),
                        b.markdown(),
                        b.link(),
                        "brief-" + (b.link().equals("/alerts") ? "team-" : "") + day)));
                sent++;
            }
        }
        return sent;
    }
}
