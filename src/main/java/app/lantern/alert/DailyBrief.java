package app.lantern.alert;

import app.lantern.activity.Activities;
import app.lantern.activity.ActivityRef;
import app.lantern.activity.ActivityType;
import app.lantern.calendar.WorkingCalendar;
import app.lantern.customer.CustomerRef;
import app.lantern.customer.Customers;
import app.lantern.goal.RepProgress;
import app.lantern.identity.Directory;
import app.lantern.identity.Role;
import app.lantern.identity.UserSummary;
import app.lantern.notification.Notification;
import app.lantern.notification.Notifications;
import app.lantern.pipeline.NextStep;
import app.lantern.pipeline.Opportunities;
import app.lantern.pipeline.OpportunityRef;
import app.lantern.quote.ExpiringQuote;
import app.lantern.quote.Quotes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The 08:30 daily brief (个人目标穿透简报): yesterday's actions against plan, the month's revenue pace, today's TOP3 to-dos
 * ranked from overdue next steps, expiring quotes, scheduled visits and at-risk high-value deals, and the lagging item with a one-sentence
 * root-cause hint. Managers get a team digest. Sent only on working days, once per person and day.
 */
@Service
public class DailyBrief {

    public record Brief(long recipientId, LocalDate day, String title, String markdown, String link) {}

    private final RepProgress progress;
    private final Opportunities opportunities;
    private final Activities activities;
    private final Alerts alerts;
    private final Directory directory;
    private final WorkingCalendar calendar;
    private final Notifications notifications;
    private final Quotes quotes;
    private final Customers customers;
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
            Quotes quotes,
            Customers customers,
            TransactionTemplate tx,
            MessageSource messages) {
        this.quotes = quotes;
        this.customers = customers;
        this.progress = progress;
        this.opportunities = opportunities;
        this.activities = activities;
        this.alerts = alerts;
        this.directory = directory;
        this.calendar = calendar;
        this.notifications = notifications;
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
        List<ActivityRef> done = activities.between(
                Set.of(repId),
                yesterday.atStartOfDay(zone).toOffsetDateTime(),
                yesterday.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        long visits = done.stream().filter(a -> a.type() == ActivityType.VISIT).count();
        long demos = done.stream().filter(a -> a.type() == ActivityType.DEMO).count();
        long created = opportunities
                .createdBetween(
                        Set.of(repId),
                        yesterday.atStartOfDay(zone).toOffsetDateTime(),
                        yesterday.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
                .size();
        RepProgress.WeeklyActions w = p.thisWeek();
        double dailyVisits = w.visitsTarget() / 5.0;
        double dailyNew = w.newOpportunitiesTarget() / 5.0;
        double planned = Math.max(1, Math.ceil(dailyVisits) + Math.ceil(dailyNew));
        long completion = Math.min(100, Math.round((visits + created) * 100 / planned));

        StringBuilder md = new StringBuilder();
        md.append("**昨日完成（")
                .append(yesterday)
                .append("）**：")
                .append(completion)
                .append("%　拜访 ")
                .append(visits)
                .append(" · 新增商机 ")
                .append(created)
                .append(" · 演示 ")
                .append(demos)
                .append('\n');
        md.append("**本周动作**：拜访 ")
                .append(w.visits())
                .append('/')
                .append(w.visitsTarget())
                .append(" · 新增商机 ")
                .append(w.newOpportunities())
                .append('/')
                .append(w.newOpportunitiesTarget())
                .append(" · 演示 ")
                .append(w.demos())
                .append('/')
                .append(w.demosTarget())
                .append('\n');
        md.append("**本月进度**：签约 ")
                .append(wan(p.signed()))
                .append(" / 目标 ")
                .append(wan(p.target()))
                .append("（")
                .append(Math.round(p.attainment() * 100))
                .append("%），时间进度 ")
                .append(Math.round(p.pace() * 100))
                .append("%\n\n");
        md.append("**今日 TOP3**\n");
        List<String> todos = top3(repId, day);
        if (todos.isEmpty()) {
            md.append("- 没有逾期的下一步、将到期的报价或停滞的商机，今天多拜访、多开拓新商机。\n");
        }
        for (int i = 0; i < todos.size(); i++) {
            md.append(i + 1).append(". ").append(todos.get(i)).append('\n');
        }
        md.append("\n**落后项**：").append(messages.getMessage(p.diagnosis(), BRIEF_LOCALE));
        if (alerts.isAtRisk(repId)) {
            md.append("\n\n> 你目前被标记为潜在掉队，完成上面的动作即可解除。");
        }
        String title = "每日简报 · " + day.getMonthValue() + "月" + day.getDayOfMonth() + "日 · " + rep.displayName();
        return new Brief(repId, day, title, md.toString(), "/alerts/reps/" + repId);
    }

    /** A candidate for today's TOP3: one per opportunity or quote (its most urgent reason), scored by urgency and value. */
    record Todo(String key, double score, String text) {}

    /** Quotes expiring within this many working days make the TOP3. */
    static final int QUOTE_HORIZON = 3;

    private static final Pattern VISIT = Pattern.compile("拜访|上门|到访|面访|visit", Pattern.CASE_INSENSITIVE);

    /**
     * Today's TOP3: overdue next steps, quotes about to expire, visits scheduled for today and at-risk deals of high-tier
     * customers come first, then overdue closes, unhealthy and stalled deals; value breaks ties.
     */
    List<String> top3(long repId, LocalDate day) {
        Set<Long> me = Set.of(repId);
        List<OpportunityRef> open = opportunities.openFor(me);
        Map<Long, Integer> idle = new HashMap<>();
        Map<Long, String> tiers = new HashMap<>();
        for (OpportunityRef o : open) {
            OffsetDateTime changed = opportunities.lastStageChangeAt(o.id()).orElse(o.createdAt());
            idle.put(
                    o.id(),
                    calendar.workingDaysBetween(
                            changed.atZoneSameInstant(calendar.zone())
                                    .toLocalDate()
                                    .plusDays(1),
                            day));
            customers.find(o.customerId()).map(CustomerRef::tier).ifPresent(t -> tiers.put(o.id(), t));
        }
        Map<Long, Integer> quoteDaysLeft = new HashMap<>();
        List<ExpiringQuote> expiring =
                quotes.expiringFor(repId, day, calendar.addWorkingDays(day, QUOTE_HORIZON)).stream()
                        .filter(q -> !q.feedback())
                        .toList();
        expiring.forEach(q -> quoteDaysLeft.put(q.id(), calendar.workingDaysBetween(day, q.validUntil())));
        return rank(day, open, idle, tiers, opportunities.nextStepsDueBy(me, day), expiring, quoteDaysLeft);
    }

    static List<String> rank(
            LocalDate day,
            List<OpportunityRef> open,
            Map<Long, Integer> idle,
            Map<Long, String> tiers,
            List<NextStep> steps,
            List<ExpiringQuote> expiring,
            Map<Long, Integer> quoteDaysLeft) {
        List<Todo> todos = new ArrayList<>();
        for (NextStep s : steps) {
            OpportunityRef o = s.opportunity();
            String what = s.text() == null || s.text().isBlank() ? "下一步" : "「" + s.text() + "」";
            if (s.due().isBefore(day)) {
                long late = day.toEpochDay() - s.due().toEpochDay();
                todos.add(new Todo(
                        "o" + o.id(),
                        400 + Math.min(late, 30) * 5 + value(o.amount()),
                        "下一步" + what + "已逾期 " + late + " 天（商机「" + o.name() + "」，截止 " + s.due() + "）"));
            } else if (s.text() != null && VISIT.matcher(s.text()).find()) {
                todos.add(new Todo(
                        "o" + o.id(),
                        300 + value(o.amount()),
                        "今日拜访：" + s.text() + "（商机「" + o.name() + "」，" + wan(o.amount()) + "）"));
            } else {
                todos.add(
                        new Todo("o" + o.id(), 250 + value(o.amount()), "今日到期的下一步" + what + "（商机「" + o.name() + "」）"));
            }
        }
        for (ExpiringQuote q : expiring) {
            int left = quoteDaysLeft.getOrDefault(q.id(), 0);
            todos.add(new Todo(
                    "q" + q.id(),
                    350 - left * 30 + value(q.total()),
                    "报价 " + q.displayNumber() + "（" + q.customerName() + "，" + wan(q.total()) + "）"
                            + (left == 0 ? "今天到期" : left + " 个工作日后到期") + "，客户尚无反馈，今天跟进"));
        }
        for (OpportunityRef o : open) {
            int idleDays = idle.getOrDefault(o.id(), 0);
            boolean unhealthy = o.healthScore() != null && o.healthScore() < 60;
            String tier = tiers.get(o.id());
            boolean highTier = "A".equals(tier) || "B".equals(tier);
            if (highTier && (unhealthy || idleDays >= 2)) {
                todos.add(new Todo(
                        "o" + o.id(),
                        200 + ("A".equals(tier) ? 40 : 20) + value(o.amount()),
                        "高价值商机「" + o.name() + "」（" + tier + " 类客户，" + wan(o.amount()) + "）"
                                + (unhealthy ? "健康度 " + o.healthScore() : "已 " + idleDays + " 个工作日未推进") + "，今天推进"));
            } else if (o.expectedClose() != null && o.expectedClose().isBefore(day)) {
                todos.add(new Todo(
                        "o" + o.id(),
                        150 + value(o.amount()),
                        "商机「" + o.name() + "」预计成交日 " + o.expectedClose() + " 已过，更新下一步或成交日期"));
            } else if (unhealthy) {
                todos.add(new Todo(
                        "o" + o.id(),
                        50 + (60 - o.healthScore()) + value(o.amount()),
                        "商机「" + o.name() + "」健康度 " + o.healthScore() + "（" + wan(o.amount()) + "），补齐关键人和下一步"));
            } else if (idleDays >= 2) {
                todos.add(new Todo(
                        "o" + o.id(),
                        10 * Math.min(idleDays, 10) + value(o.amount()),
                        "商机「" + o.name() + "」在「" + o.stageName() + "」已 " + idleDays + " 个工作日未推进（" + wan(o.amount())
                                + "）"));
            }
        }
        Map<String, Todo> best = new LinkedHashMap<>();
        todos.forEach(t -> best.merge(t.key(), t, (a, b) -> a.score() >= b.score() ? a : b));
        return best.values().stream()
                .sorted(Comparator.comparingDouble(Todo::score).reversed())
                .limit(3)
                .map(Todo::text)
                .toList();
    }

    /** Amount in units of 100,000 yuan, capped so that value never outranks urgency. */
    private static double value(BigDecimal amount) {
        return amount == null ? 0 : Math.min(40, amount.doubleValue() / 100_000);
    }

    /** A manager's team digest: each rep's month pace and at-risk mark. */
    public Brief forManager(long managerId, LocalDate day) {
        Set<Long> teams = new java.util.HashSet<>();
        directory.teamsLedBy(managerId).forEach(t -> teams.addAll(directory.subtree(t)));
        StringBuilder md = new StringBuilder("**团队晨报**（签约 / 目标，达成 vs 时间进度）\n");
        int atRisk = 0;
        List<UserSummary> reps = directory.members(teams).stream()
                .filter(rep -> rep.roles().contains(Role.REP))
                .toList();
        List<RepProgress.Progress> progresses =
                progress.unscoped(reps.stream().map(UserSummary::id).toList(), YearMonth.from(day), day);
        for (int i = 0; i < reps.size(); i++) {
            UserSummary rep = reps.get(i);
            RepProgress.Progress p = progresses.get(i);
            boolean risk = alerts.isAtRisk(rep.id());
            atRisk += risk ? 1 : 0;
            md.append("- ")
                    .append(rep.displayName())
                    .append("：")
                    .append(wan(p.signed()))
                    .append(" / ")
                    .append(wan(p.target()))
                    .append("，")
                    .append(Math.round(p.attainment() * 100))
                    .append("% vs ")
                    .append(Math.round(p.pace() * 100))
                    .append('%')
                    .append(risk ? " **潜在掉队**" : "")
                    .append('\n');
        }
        md.append("\n潜在掉队 ").append(atRisk).append(" 人，详见 [预警看板](/alerts)。");
        UserSummary manager = directory.user(managerId).orElseThrow();
        return new Brief(
                managerId,
                day,
                "团队晨报 · " + day.getMonthValue() + "月" + day.getDayOfMonth() + "日 · " + manager.displayName(),
                md.toString(),
                "/alerts");
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

    private static String wan(BigDecimal amount) {
        if (amount == null) {
            return "—";
        }
        return amount.divide(BigDecimal.valueOf(10_000), 1, RoundingMode.HALF_UP)
                        .toPlainString() + " 万";
    }
}
