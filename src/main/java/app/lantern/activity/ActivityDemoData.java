package app.lantern.activity;

import static lantern.db.Tables.ACTIVITIES;
import static lantern.db.Tables.DAILY_REPORTS;

import app.lantern.calendar.WorkingCalendar;
import app.lantern.customer.ContactRef;
import app.lantern.customer.CustomerRef;
import app.lantern.customer.Customers;
import app.lantern.identity.Directory;
import app.lantern.identity.Role;
import app.lantern.identity.UserSummary;
import app.lantern.pipeline.Interaction;
import app.lantern.pipeline.Opportunities;
import app.lantern.pipeline.OpportunityRef;
import app.lantern.shared.demo.DemoContext;
import app.lantern.shared.demo.DemoDataContributor;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * ~30,000 demo activities over six months with daily reports. Patterns: the fifth rep of each team back-fills the week
 * on Sunday night, some reps barely demo or propose (能力洼地), a few skip daily reports. Deterministic; bulk inserts.
 */
@Component
class ActivityDemoData implements DemoDataContributor {

    private static final Logger log = LoggerFactory.getLogger(ActivityDemoData.class);

    private static final ActivityType[] TYPES = ActivityType.values();
    private static final int BATCH = 2000;
    private static final int[] BASE_WEIGHTS = {22, 24, 8, 6, 5, 8, 8, 16, 3};
    private static final String[][] OUTCOMES = {
        {"拜访科室主任，确认了采购意向", "现场了解设备使用情况", "客户提出交付周期顾虑", "约定下周技术交流"},
        {"电话确认招标时间", "跟进报价反馈", "客户暂无新进展", "约好演示时间"},
        {"完成产品演示，客户反馈积极", "演示后客户要求补充参数", "试用环境已开通"},
        {"提交方案与报价", "根据反馈修订方案", "方案已进入客户内部评审"},
        {"化解价格异议，同意分期付款", "回应竞品对比质疑", "澄清售后服务条款"},
        {"与设备科、采购办三方会议", "参加客户内部立项会", "项目启动会"},
        {"发送资料与报价单", "邮件确认会议纪要"},
        {"微信沟通进展", "发送案例资料", "约见面时间"},
        {"整理客户资料", "内部协调资源"}
    };
    private static final String[] NEXT = {"下周二上门演示", "发送修订报价", "约见院长", "跟进招标公告", "安排试用培训", "确认合同条款"};

    private final DSLContext db;
    private final Directory directory;
    private final Customers customers;
    private final Opportunities opportunities;
    private final WorkingCalendar calendar;
    private final BackfillDetection backfill;

    ActivityDemoData(
            DSLContext db,
            Directory directory,
            Customers customers,
            Opportunities opportunities,
            WorkingCalendar calendar,
            BackfillDetection backfill) {
        this.db = db;
        this.backfill = backfill;
        this.directory = directory;
        this.customers = customers;
        this.opportunities = opportunities;
        this.calendar = calendar;
    }

    @Override
    public int order() {
        return 350;
    }

    private record Row(
            ActivityType type,
            long ownerId,
            Long customerId,
            Long opportunityId,
            OffsetDateTime occurredAt,
            OffsetDateTime createdAt,
            int minutes,
            String participants,
            String outcome,
            String nextStep) {}

    @Override
    public void contribute(DemoContext context) {
        Random rnd = context.random("activity");
        OffsetDateTime now = OffsetDateTime.now(context.clock())
                .atZoneSameInstant(calendar.zone())
                .toOffsetDateTime();
        LocalDate today = now.toLocalDate();
        LocalDate first = today.minusDays(182);
        List<UserSummary> reps = directory.usersWithRole(Role.REP);
        Map<Long, List<UserSummary>> byTeam = new HashMap<>();
        reps.forEach(r -> byTeam.computeIfAbsent(r.teamId() == null ? -1L : r.teamId(), k -> new ArrayList<>())
                .add(r));
        List<Row> rows = new ArrayList<>();
        List<Object[]> reports = new ArrayList<>();
        List<Interaction> interactions = new ArrayList<>();
        Map<Long, List<ContactRef>> contactCache = new HashMap<>();
        for (UserSummary rep : reps) {
            List<UserSummary> team = byTeam.get(rep.teamId() == null ? -1L : rep.teamId());
            int index = team.indexOf(rep);
            boolean backfiller = index == 4;
            double reportRate = backfiller ? 0.45 : index == 2 ? 0.7 : 0.93;
            int[] weights = BASE_WEIGHTS.clone();
            if (index == 1) {
                weights[ActivityType.DEMO.ordinal()] = 0;
                weights[ActivityType.PROPOSAL.ordinal()] = 1;
            }
            if (index == 3) {
                weights[ActivityType.VISIT.ordinal()] = 4;
                weights[ActivityType.WECHAT.ordinal()] = 30;
            }
            List<CustomerRef> own = customers.recentlyTouchedBy(rep.id(), 200);
            if (own.isEmpty()) {
                continue;
            }
            List<OpportunityRef> opps = opportunities.createdBetween(
                    Set.of(rep.id()),
                    first.minusDays(1).atStartOfDay(calendar.zone()).toOffsetDateTime(),
                    now.plusDays(1));
            for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
                if (!calendar.isWorkingDay(day)) {
                    continue;
                }
                int count = (9 + rnd.nextInt(8)) * context.scale();
                List<String> summary = new ArrayList<>();
                for (int k = 0; k < count; k++) {
                    OffsetDateTime occurred = day.atTime(9 + rnd.nextInt(9), rnd.nextInt(60))
                            .atZone(calendar.zone())
                            .toOffsetDateTime();
                    if (occurred.isAfter(now)) {
                        continue;
                    }
                    ActivityType type = pick(weights, rnd);
                    OpportunityRef opp = null;
                    if (rnd.nextInt(100) < 70) {
                        List<OpportunityRef> live = new ArrayList<>();
                        for (OpportunityRef o : opps) {
                            if (!o.createdAt().isAfter(occurred)
                                    && (o.closedAt() == null || o.closedAt().isAfter(occurred))) {
                                live.add(o);
                            }
                        }
                        if (!live.isEmpty()) {
                            opp = live.get(rnd.nextInt(live.size()));
                        }
                    }
                    long customerId = opp != null
                            ? opp.customerId()
                            : own.get(rnd.nextInt(own.size())).id();
                    List<ContactRef> contacts = contactCache.computeIfAbsent(customerId, customers::contacts);
                    boolean dm = false;
                    String participants = null;
                    if (!contacts.isEmpty() && type.twoWay()) {
                        ContactRef c = contacts.get(rnd.nextInt(contacts.size()));
                        dm = "DECISION_MAKER".equals(c.decisionRole());
                        participants = c.name();
                    }
                    int minutes = Math.max(5, ActivityInput.defaultDuration(type) + rnd.nextInt(31) - 10);
                    OffsetDateTime created = occurred.plusMinutes(3 + rnd.nextInt(90));
                    if (backfiller && rnd.nextInt(100) < 75) {
                        LocalDate sunday = day.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
                        OffsetDateTime batch = sunday.atTime(20 + rnd.nextInt(3), rnd.nextInt(60))
                                .atZone(calendar.zone())
                                .toOffsetDateTime();
                        if (batch.isBefore(now)) {
                            created = batch;
                        }
                    } else if (rnd.nextInt(100) < 3) {
                        OffsetDateTime late = occurred.plusDays(3 + rnd.nextInt(3));
                        if (late.isBefore(now)) {
                            created = late;
                        }
                    }
                    if (created.isAfter(now)) {
                        created = now;
                    }
                    String[] outcomes = OUTCOMES[type.ordinal()];
                    String outcome = outcomes[rnd.nextInt(outcomes.length)];
                    String next = rnd.nextInt(100) < 40 ? NEXT[rnd.nextInt(NEXT.length)] : null;
                    rows.add(new Row(
                            type,
                            rep.id(),
                            customerId,
                            opp == null ? null : opp.id(),
                            occurred,
                            created,
                            minutes,
                            participants,
                            outcome,
                            next));
                    summary.add(outcome);
                    if (opp != null) {
                        interactions.add(new Interaction(opp.id(), type.name(), occurred, dm, type.twoWay()));
                    }
                }
                boolean submitted = rnd.nextDouble() < reportRate && day.isBefore(today);
                if (!summary.isEmpty() && (submitted || day.equals(today.minusDays(1)) || rnd.nextInt(100) < 5)) {
                    String text = "今日活动 " + summary.size() + " 项：\n- "
                            + String.join("\n- ", summary.subList(0, Math.min(8, summary.size())));
                    OffsetDateTime at = day.atTime(18 + rnd.nextInt(3), rnd.nextInt(60))
                            .atZone(calendar.zone())
                            .toOffsetDateTime();
                    reports.add(new Object[] {
                        rep.id(),
                        day,
                        text.length() > 4000 ? text.substring(0, 4000) : text,
                        submitted ? "SUBMITTED" : "DRAFT",
                        submitted ? at : null,
                        at
                    });
                }
            }
        }
        insert(rows, reports);
        backfill.reflag(null, first.atStartOfDay(calendar.zone()).toOffsetDateTime(), now.plusMinutes(1));
        opportunities.recordInteractions(interactions);
        log.info("Demo data: {} activities, {} daily reports", rows.size(), reports.size());
    }

    private static ActivityType pick(int[] weights, Random rnd) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = rnd.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return TYPES[i];
            }
        }
        return ActivityType.OTHER;
    }

    /**
     * JDBC batches of one prepared statement with bind values (rendered and parsed once), rather than multi-row inserts
     * whose thousands of placeholders are rendered and parsed again for every chunk.
     */
    private void insert(List<Row> rows, List<Object[]> reports) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            var batch = db.batch(db.insertInto(
                            ACTIVITIES,
                            ACTIVITIES.TYPE,
                            ACTIVITIES.OWNER_ID,
                            ACTIVITIES.CUSTOMER_ID,
                            ACTIVITIES.OPPORTUNITY_ID,
                            ACTIVITIES.OCCURRED_AT,
                            ACTIVITIES.CREATED_AT,
                            ACTIVITIES.DURATION_MINUTES,
                            ACTIVITIES.PARTICIPANTS,
                            ACTIVITIES.OUTCOME,
                            ACTIVITIES.NEXT_STEP,
                            ACTIVITIES.UPDATED_AT)
                    .values((String) null, null, null, null, null, null, null, null, null, null, null));
            for (Row r : rows.subList(from, Math.min(rows.size(), from + BATCH))) {
                batch.bind(
                        r.type().name(),
                        r.ownerId(),
                        r.customerId(),
                        r.opportunityId(),
                        r.occurredAt(),
                        r.createdAt(),
                        r.minutes(),
                        r.participants(),
                        r.outcome(),
                        r.nextStep(),
                        r.createdAt());
            }
            batch.execute();
        }
        for (int from = 0; from < reports.size(); from += BATCH) {
            var batch = db.batch(db.insertInto(
                            DAILY_REPORTS,
                            DAILY_REPORTS.OWNER_ID,
                            DAILY_REPORTS.REPORT_DAY,
                            DAILY_REPORTS.SUMMARY,
                            DAILY_REPORTS.STATUS,
                            DAILY_REPORTS.SUBMITTED_AT,
                            DAILY_REPORTS.CREATED_AT,
                            DAILY_REPORTS.UPDATED_AT)
                    .values((Long) null, null, null, null, null, null, null));
            for (Object[] r : reports.subList(from, Math.min(reports.size(), from + BATCH))) {
                batch.bind(r[0], r[1], r[2], r[3], r[4], r[5], r[5]);
            }
            batch.execute();
        }
    }
}
