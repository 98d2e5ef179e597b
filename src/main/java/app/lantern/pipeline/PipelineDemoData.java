package app.lantern.pipeline;

import static lantern.db.Tables.OPPORTUNITIES;
import static lantern.db.Tables.OPPORTUNITY_CONTACTS;
import static lantern.db.Tables.OPPORTUNITY_INTERVENTIONS;
import static lantern.db.Tables.OPPORTUNITY_STAGE_HISTORY;

import app.lantern.calendar.WorkingCalendar;
import app.lantern.customer.ContactRef;
import app.lantern.customer.CustomerRef;
import app.lantern.customer.Customers;
import app.lantern.identity.Directory;
import app.lantern.identity.Role;
import app.lantern.identity.TeamSummary;
import app.lantern.identity.UserSummary;
import app.lantern.shared.demo.DemoContext;
import app.lantern.shared.demo.DemoDataContributor;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Demo opportunities (~1,500 over both pipelines at scale 1) with six months of stage history: 华北区 stalls at the
 * demo stage, signings spike at month end. Deterministic; bulk inserts.
 *
 * <p>Over 400 lines on purpose: it is a data generator whose patterns (stalls, month-end signings, quiet reps) are read
 * together; it runs once on a demo database and is not part of any use case.
 */
@Component
class PipelineDemoData implements DemoDataContributor {

    private static final Logger log = LoggerFactory.getLogger(PipelineDemoData.class);

    static final String STALLING_TEAM = "华北";
    /**
     * Every {@value}th rep has opened no opportunity for {@link #QUIET_WORKING_DAYS} working days, so the
     * no-new-opportunity rule (3 working days) has someone to flag on any date, holidays included; every other rep opened
     * one on the last working day.
     */
    static final int QUIET_EVERY = 6;

    static final int QUIET_WORKING_DAYS = 5;

    /**
     * Known causes planted in the previous month for the attribution (G6) to find: one rep opened no opportunity in it
     * (lead shortage), one lost every deal at stage {@value #WEAK_STAGE_POSITION} (产品演示/方案演示), and one saw every
     * signing of the month slip into the next while quote approvals waited (the quote demo data adds the approvals).
     */
    static final String LEAD_SHORT_REP = "rep3";

    static final String WEAK_STAGE_REP = "rep4";
    static final int WEAK_STAGE_POSITION = 3;
    static final String SLOW_APPROVAL_REP = "rep5";

    private static final String[] MEDICAL_PRODUCTS = {
        "彩超设备采购", "CT 升级改造", "检验科流水线", "内镜中心建设", "监护仪批量采购", "手术室整体方案", "血透设备更新", "DR 影像系统", "耗材年度集采", "病理数字化"
    };
    private static final String[] SAAS_PRODUCTS = {
        "CRM 订阅", "供应链协同平台", "HR SaaS 年度订阅", "费控系统", "数据中台", "电子签章", "客服工单系统", "BI 分析席位扩容", "私有化部署", "API 集成服务"
    };
    private static final String[] NEEDS = {
        "降低采购成本", "缩短交付周期", "满足等保合规", "替换老旧设备", "提升科室效率", "统一数据口径", "支撑业务扩张", "减少人工录入"
    };
    private static final String[] BLOCKERS = {"预算尚未批复", "决策人出差", "竞品低价搅局", "技术参数未定", "招标流程延期", "法务审核慢"};
    private static final String[] COMPETITORS = {
        "迈瑞", "联影", "西门子医疗", "GE 医疗", "飞利浦", "纷享销客", "销售易", "Salesforce", "金蝶", "用友"
    };
    private static final String[] SOURCES = {"展会", "老客户转介绍", "官网询盘", "招标信息", "渠道伙伴", "电话拓展"};
    private static final String[] NEXT_STEPS = {"安排科室演示", "提交技术方案", "约见设备科主任", "发送报价单", "组织试用", "确认招标时间", "商务谈判"};
    private static final String[] LOSS = {"价格高于竞品", "客户预算取消", "技术参数不满足", "关系不到位", "项目延期无限期", "竞品捆绑销售"};

    private final DSLContext db;
    private final Directory directory;
    private final Customers customers;
    private final Pipelines pipelines;
    private final WorkingCalendar calendar;

    PipelineDemoData(
            DSLContext db, Directory directory, Customers customers, Pipelines pipelines, WorkingCalendar calendar) {
        this.db = db;
        this.directory = directory;
        this.customers = customers;
        this.pipelines = pipelines;
        this.calendar = calendar;
    }

    @Override
    public int order() {
        return 300;
    }

    private record Planned(
            String name,
            long customerId,
            long ownerId,
            PipelineView pipeline,
            StageView stage,
            OpportunityStatus status,
            BigDecimal amount,
            LocalDate expectedClose,
            LocalDate firstClose,
            int slips,
            String coreNeed,
            String blocker,
            String competitors,
            String nextStep,
            LocalDate nextDue,
            String source,
            String lossReason,
            OffsetDateTime stageEnteredAt,
            OffsetDateTime createdAt,
            OffsetDateTime closedAt,
            List<Object[]> history,
            List<Object[]> contacts) {}

    @Override
    public void contribute(DemoContext context) {
        Random rnd = context.random("pipeline");
        OffsetDateTime now = OffsetDateTime.now(context.clock())
                .atZoneSameInstant(calendar.zone())
                .toOffsetDateTime();
        OffsetDateTime start = now.minusDays(182);
        PipelineView medical = pipelines.all().stream()
                .filter(p -> "MEDICAL_DEVICE".equals(p.templateCode()))
                .findFirst()
                .orElse(null);
        PipelineView saas = pipelines.all().stream()
                .filter(p -> "SAAS".equals(p.templateCode()))
                .findFirst()
                .orElse(null);
        if (medical == null || saas == null) {
            log.warn("Demo data: pipeline templates missing, no opportunities generated");
            return;
        }
        List<TeamSummary> teams = directory.teams();
        List<UserSummary> reps = directory.usersWithRole(Role.REP);
        int perRep = reps.isEmpty() ? 0 : 1500 * context.scale() / reps.size();
        List<Planned> planned = new ArrayList<>();
        Map<Long, List<ContactRef>> contacts = new HashMap<>();
        for (UserSummary rep : reps) {
            List<CustomerRef> own = customers.recentlyTouchedBy(rep.id(), 200);
            if (own.isEmpty()) {
                continue;
            }
            boolean stalls = teams.stream()
                    .anyMatch(t -> t.id() == (rep.teamId() == null ? -1 : rep.teamId())
                            && t.name().contains(STALLING_TEAM));
            // most reps open opportunities up to the last working day; one in six has gone quiet (潜在掉队)
            boolean quiet = reps.indexOf(rep) % QUIET_EVERY == QUIET_EVERY - 1;
            OffsetDateTime latest = quiet
                    ? calendar.workingDaysAgo(now.toLocalDate(), QUIET_WORKING_DAYS)
                            .atStartOfDay(calendar.zone())
                            .toOffsetDateTime()
                    : now.minusHours(1);
            for (int n = 0; n < perRep; n++) {
                CustomerRef customer = own.get(rnd.nextInt(own.size()));
                PipelineView p = rnd.nextInt(100) < 55 ? medical : saas;
                OffsetDateTime created = !quiet && n == perRep - 1
                        ? workingTime(calendar.previousWorkingDay(now.toLocalDate()), rnd)
                        : createdBetween(start, latest, rnd);
                if (LEAD_SHORT_REP.equals(rep.username()) && n != perRep - 1 && inLastMonth(created, now)) {
                    continue;
                }
                planned.add(plan(
                        rnd,
                        customer,
                        contacts.computeIfAbsent(customer.id(), customers::contacts),
                        rep.id(),
                        p,
                        stalls,
                        created,
                        now,
                        n,
                        rep.username()));
            }
        }
        insert(planned);
        log.info("Demo data: {} opportunities", planned.size());
    }

    private Planned plan(
            Random rnd,
            CustomerRef customer,
            List<ContactRef> contacts,
            long ownerId,
            PipelineView p,
            boolean stalls,
            OffsetDateTime created,
            OffsetDateTime now,
            int n,
            String username) {
        boolean med = "MEDICAL_DEVICE".equals(p.templateCode());
        String product = med
                ? MEDICAL_PRODUCTS[rnd.nextInt(MEDICAL_PRODUCTS.length)]
                : SAAS_PRODUCTS[rnd.nextInt(SAAS_PRODUCTS.length)];
        String shortName = customer.shortName() != null ? customer.shortName() : customer.name();
        String name = shortName + " · " + product + " #" + (n + 1);
        BigDecimal amount = BigDecimal.valueOf(med ? 50_000 + rnd.nextInt(2_950_000) : 20_000 + rnd.nextInt(780_000))
                .setScale(-3, RoundingMode.HALF_UP)
                .setScale(2);
        List<Object[]> history = new ArrayList<>();
        OffsetDateTime t = created;
        OpportunityStatus status = OpportunityStatus.OPEN;
        OffsetDateTime closedAt = null;
        StageView current = p.stages().getFirst();
        LocalDate dueInLastMonth = null;
        for (int i = 0; i < p.stages().size(); i++) {
            StageView s = p.stages().get(i);
            current = s;
            double factor = 0.4 + rnd.nextDouble() * 1.4;
            if (stalls && s.position() == 3) {
                factor *= 3.2;
            }
            long dwellDays = Math.max(1, Math.round(Math.max(1, s.slaDays()) * 1.4 * factor));
            OffsetDateTime exit = workingTime(t.plusDays(dwellDays).plusMinutes(rnd.nextInt(600)), rnd);
            boolean last = i == p.stages().size() - 1;
            if (WEAK_STAGE_REP.equals(username) && s.position() == WEAK_STAGE_POSITION && inLastMonth(t, now)) {
                OffsetDateTime lostAt = atTen(calendar.addWorkingDays(t.toLocalDate(), 2));
                if (!lostAt.isAfter(now)) {
                    history.add(new Object[] {s, t, lostAt, StageExit.LOST.name()});
                    status = OpportunityStatus.LOST;
                    closedAt = lostAt;
                    break;
                }
            }
            if (exit.isAfter(now)) {
                history.add(new Object[] {s, t, null, null});
                break;
            }
            double lose = stalls && s.position() == 3 ? 0.28 : 0.13;
            if (!last && rnd.nextDouble() < lose) {
                history.add(new Object[] {s, t, exit, StageExit.LOST.name()});
                status = OpportunityStatus.LOST;
                closedAt = exit;
                break;
            }
            if (last) {
                OffsetDateTime signed = monthEnd(exit, now, rnd);
                boolean wins = rnd.nextDouble() < 0.8;
                if (wins && SLOW_APPROVAL_REP.equals(username) && inLastMonth(signed, now)) {
                    // held up by approvals: signed on the third working day of this month, or still waiting
                    dueInLastMonth = signed.toLocalDate();
                    OffsetDateTime late = atTen(calendar.addWorkingDays(
                            now.toLocalDate().withDayOfMonth(1).minusDays(1), 3));
                    if (late.isAfter(now)) {
                        history.add(new Object[] {s, t, null, null});
                        break;
                    }
                    signed = late;
                }
                if (wins) {
                    history.add(new Object[] {s, t, signed, StageExit.WON.name()});
                    status = OpportunityStatus.WON;
                } else {
                    history.add(new Object[] {s, t, signed, StageExit.LOST.name()});
                    status = OpportunityStatus.LOST;
                }
                closedAt = signed;
                break;
            }
            history.add(new Object[] {s, t, exit, StageExit.MOVED.name()});
            t = exit;
        }
        OffsetDateTime stageEntered = (OffsetDateTime) history.getLast()[1];
        int pos = current.position();
        LocalDate firstClose = created.toLocalDate().plusDays(60 + rnd.nextInt(120));
        if (dueInLastMonth != null) {
            firstClose = dueInLastMonth;
        }
        int slips =
                status == OpportunityStatus.OPEN ? (rnd.nextInt(100) < 60 ? 0 : 1 + rnd.nextInt(3)) : rnd.nextInt(2);
        LocalDate expected = firstClose.plusDays(slips * 21L);
        if (status == OpportunityStatus.OPEN && expected.isBefore(now.toLocalDate()) && rnd.nextInt(100) < 70) {
            expected = now.toLocalDate().plusDays(10 + rnd.nextInt(80));
            slips++;
        }
        if (closedAt != null) {
            expected = closedAt.toLocalDate();
        }
        List<Object[]> links = new ArrayList<>();
        boolean weakChain = rnd.nextInt(100) < 25;
        for (ContactRef c : contacts) {
            if (links.size() >= 4) {
                break;
            }
            DecisionRole role = DecisionRole.of(c.decisionRole()).orElse(DecisionRole.INFLUENCER);
            if (pos >= 2 && (!weakChain || role == DecisionRole.DECISION_MAKER)) {
                links.add(new Object[] {c.id(), role.name()});
            }
        }
        boolean sloppy = rnd.nextInt(100) < 20;
        String competitors = pos >= 3 || rnd.nextBoolean()
                ? COMPETITORS[rnd.nextInt(COMPETITORS.length)] + "、" + COMPETITORS[rnd.nextInt(COMPETITORS.length)]
                : null;
        LocalDate nextDue = status == OpportunityStatus.OPEN
                ? now.toLocalDate().plusDays(rnd.nextInt(100) < 25 ? -(1 + rnd.nextInt(10)) : 1 + rnd.nextInt(14))
                : null;
        return new Planned(
                name,
                customer.id(),
                ownerId,
                p,
                current,
                status,
                amount,
                expected,
                firstClose,
                slips,
                NEEDS[rnd.nextInt(NEEDS.length)],
                sloppy || pos < 2 ? null : BLOCKERS[rnd.nextInt(BLOCKERS.length)],
                competitors,
                sloppy && pos < 4 ? null : NEXT_STEPS[rnd.nextInt(NEXT_STEPS.length)],
                nextDue,
                SOURCES[rnd.nextInt(SOURCES.length)],
                status == OpportunityStatus.LOST ? LOSS[rnd.nextInt(LOSS.length)] : null,
                stageEntered,
                created,
                closedAt,
                history,
                links);
    }

    private boolean inLastMonth(OffsetDateTime t, OffsetDateTime now) {
        YearMonth month = YearMonth.from(t.atZoneSameInstant(calendar.zone()));
        return month.equals(YearMonth.from(now).minusMonths(1));
    }

    private OffsetDateTime atTen(LocalDate day) {
        return day.atTime(10, 0).atZone(calendar.zone()).toOffsetDateTime();
    }

    /** A signing near month end: most deals close in the last three days of the month they would close in. */
    private OffsetDateTime monthEnd(OffsetDateTime t, OffsetDateTime now, Random rnd) {
        if (rnd.nextDouble() < 0.6) {
            LocalDate end =
                    t.toLocalDate().with(TemporalAdjusters.lastDayOfMonth()).minusDays(rnd.nextInt(3));
            OffsetDateTime shifted = end.atTime(10 + rnd.nextInt(8), rnd.nextInt(60))
                    .atZone(calendar.zone())
                    .toOffsetDateTime();
            if (!shifted.isBefore(t) && shifted.isBefore(now)) {
                return shifted;
            }
        }
        return t;
    }

    /** A moment in working hours on the first working day at or after {@code t} (holidays and 调休 respected). */
    private OffsetDateTime workingTime(OffsetDateTime t, Random rnd) {
        return workingTime(
                calendar.workingDayOnOrAfter(
                        t.atZoneSameInstant(calendar.zone()).toLocalDate()),
                rnd);
    }

    private OffsetDateTime workingTime(LocalDate day, Random rnd) {
        return day.atTime(9 + rnd.nextInt(9), rnd.nextInt(60))
                .atZone(calendar.zone())
                .toOffsetDateTime();
    }

    /** A working moment in {@code [start, latest)}: uniform over the span, then moved into working hours. */
    private OffsetDateTime createdBetween(OffsetDateTime start, OffsetDateTime latest, Random rnd) {
        long span = Duration.between(start, latest).toMinutes();
        OffsetDateTime created = workingTime(start.plusMinutes((long) (rnd.nextDouble() * span)), rnd);
        return created.isBefore(latest)
                ? created
                : workingTime(
                        calendar.previousWorkingDay(
                                latest.atZoneSameInstant(calendar.zone()).toLocalDate()),
                        rnd);
    }

    private void insert(List<Planned> planned) {
        for (int from = 0; from < planned.size(); from += 500) {
            List<Planned> chunk = planned.subList(from, Math.min(planned.size(), from + 500));
            var insert = db.insertInto(
                    OPPORTUNITIES,
                    OPPORTUNITIES.NAME,
                    OPPORTUNITIES.CUSTOMER_ID,
                    OPPORTUNITIES.OWNER_ID,
                    OPPORTUNITIES.PIPELINE_ID,
                    OPPORTUNITIES.STAGE_ID,
                    OPPORTUNITIES.STATUS,
                    OPPORTUNITIES.AMOUNT,
                    OPPORTUNITIES.BUDGET_RANGE,
                    OPPORTUNITIES.EXPECTED_CLOSE,
                    OPPORTUNITIES.FIRST_EXPECTED_CLOSE,
                    OPPORTUNITIES.CLOSE_DATE_CHANGES,
                    OPPORTUNITIES.CORE_NEED,
                    OPPORTUNITIES.BLOCKER,
                    OPPORTUNITIES.COMPETITORS,
                    OPPORTUNITIES.NEXT_STEP,
                    OPPORTUNITIES.NEXT_STEP_DUE,
                    OPPORTUNITIES.SOURCE,
                    OPPORTUNITIES.LOSS_REASON,
                    OPPORTUNITIES.STAGE_ENTERED_AT,
                    OPPORTUNITIES.CREATED_AT,
                    OPPORTUNITIES.UPDATED_AT,
                    OPPORTUNITIES.CLOSED_AT);
            for (Planned o : chunk) {
                boolean budgetKnown = o.stage().position() >= o.pipeline().budgetRequiredFrom()
                        || o.amount().intValue() % 3 == 0;
                insert = insert.values(
                        o.name(),
                        o.customerId(),
                        o.ownerId(),
                        o.pipeline().id(),
                        o.stage().id(),
                        o.status().name(),
                        o.amount(),
                        budgetKnown ? BudgetRange.of(o.amount()).name() : null,
                        o.expectedClose(),
                        o.firstClose(),
                        o.slips(),
                        o.coreNeed(),
                        o.blocker(),
                        o.competitors(),
                        o.nextStep(),
                        o.nextDue(),
                        o.source(),
                        o.lossReason(),
                        o.stageEnteredAt(),
                        o.createdAt(),
                        o.closedAt() != null ? o.closedAt() : o.stageEnteredAt(),
                        o.closedAt());
            }
            List<Long> ids = insert.returningResult(OPPORTUNITIES.ID).fetch(OPPORTUNITIES.ID);
            // the rows that need no generated keys back go as JDBC batches of one prepared statement
            var history = db.batch(db.insertInto(
                            OPPORTUNITY_STAGE_HISTORY,
                            OPPORTUNITY_STAGE_HISTORY.OPPORTUNITY_ID,
                            OPPORTUNITY_STAGE_HISTORY.STAGE_ID,
                            OPPORTUNITY_STAGE_HISTORY.ENTERED_AT,
                            OPPORTUNITY_STAGE_HISTORY.EXITED_AT,
                            OPPORTUNITY_STAGE_HISTORY.EXIT_KIND,
                            OPPORTUNITY_STAGE_HISTORY.ACTOR_ID)
                    .values((Long) null, null, null, null, null, null));
            var contacts = db.batch(db.insertInto(
                            OPPORTUNITY_CONTACTS,
                            OPPORTUNITY_CONTACTS.OPPORTUNITY_ID,
                            OPPORTUNITY_CONTACTS.CONTACT_ID,
                            OPPORTUNITY_CONTACTS.ROLE)
                    .values((Long) null, null, null));
            for (int i = 0; i < chunk.size(); i++) {
                Planned o = chunk.get(i);
                long id = ids.get(i);
                for (Object[] h : o.history()) {
                    history.bind(id, ((StageView) h[0]).id(), h[1], h[2], h[3], o.ownerId());
                }
                for (Object[] c : o.contacts()) {
                    contacts.bind(id, c[0], c[1]);
                }
            }
            history.execute();
            if (contacts.size() > 0) {
                contacts.execute();
            }
        }
    }

    /**
     * After the activities (order 350) fed the contact facts: the first full health computation, and a history of
     * interventions managers already handled.
     */
    @Component
    static class Finish implements DemoDataContributor {

        private static final InterventionOutcome[] OUTCOMES = {
            InterventionOutcome.COACHED,
            InterventionOutcome.COACHED,
            InterventionOutcome.REPLANNED,
            InterventionOutcome.NO_ACTION,
            InterventionOutcome.CLOSED_LOST
        };

        private final Opportunities opportunities;
        private final DSLContext db;

        Finish(Opportunities opportunities, DSLContext db) {
            this.opportunities = opportunities;
            this.db = db;
        }

        @Override
        public int order() {
            return 360;
        }

        @Override
        public void contribute(DemoContext context) {
            int n = opportunities.recomputeAllHealth();
            Random rnd = context.random("pipeline-interventions");
            OffsetDateTime now = OffsetDateTime.now(context.clock());
            List<Query> updates = new ArrayList<>();
            for (var r : db.selectFrom(OPPORTUNITY_INTERVENTIONS)
                    .where(OPPORTUNITY_INTERVENTIONS.STATUS.eq(InterventionStatus.OPEN.name()))
                    .orderBy(OPPORTUNITY_INTERVENTIONS.ID)
                    .fetch()) {
                if (rnd.nextInt(100) < 35) {
                    InterventionOutcome outcome = OUTCOMES[rnd.nextInt(OUTCOMES.length)];
                    OffsetDateTime opened = now.minusDays(3 + rnd.nextInt(20));
                    updates.add(db.update(OPPORTUNITY_INTERVENTIONS)
                            .set(OPPORTUNITY_INTERVENTIONS.OPENED_AT, opened)
                            .set(OPPORTUNITY_INTERVENTIONS.STATUS, InterventionStatus.DONE.name())
                            .set(OPPORTUNITY_INTERVENTIONS.OUTCOME, outcome.name())
                            .set(
                                    OPPORTUNITY_INTERVENTIONS.NOTE,
                                    outcome == InterventionOutcome.CLOSED_LOST ? "客户已选竞品，停止投入" : "已与销售复盘并调整打法")
                            .set(OPPORTUNITY_INTERVENTIONS.RESOLVED_AT, opened.plusDays(1 + rnd.nextInt(3)))
                            .set(OPPORTUNITY_INTERVENTIONS.RESOLVED_BY, r.getManagerId())
                            .where(OPPORTUNITY_INTERVENTIONS.ID.eq(r.getId())));
                }
            }
            if (!updates.isEmpty()) {
                db.batch(updates).execute();
            }
            log.info(
                    "Demo data: health of {} open opportunities computed, {} interventions resolved",
                    n,
                    updates.size());
        }
    }
}
