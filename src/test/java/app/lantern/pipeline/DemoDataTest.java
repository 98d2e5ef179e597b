package app.lantern.pipeline;

import static lantern.db.Tables.ACTIVITIES;
import static lantern.db.Tables.OPPORTUNITIES;
import static lantern.db.Tables.OPPORTUNITY_INTERVENTIONS;
import static lantern.db.Tables.OPPORTUNITY_STAGE_HISTORY;
import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.identity.Directory;
import app.lantern.identity.Role;
import app.lantern.identity.UserSummary;
import app.lantern.shared.demo.DemoContext;
import app.lantern.shared.demo.DemoDataContributor;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the pipeline, activity and goal demo contributors on their own in-memory H2 database (after seeding the customers the
 * customer module's demo would provide) and checks the patterns the demo is meant to show.
 */
@SpringBootTest(
        properties =
                "spring.datasource.url=jdbc:h2:mem:lantern-pipeline-demo;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1")
class DemoDataTest {

    private static final Logger log = LoggerFactory.getLogger(DemoDataTest.class);

    @Autowired
    PipelineFixtures fx;

    @Autowired
    List<DemoDataContributor> contributors;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    DSLContext db;

    @Autowired
    Directory directory;

    @Autowired
    app.lantern.goal.Targets targets;

    @Autowired
    FunnelMetrics funnels;

    @Autowired
    Clock clock;

    @Test
    void demoShowsBackFillersAStallingTeamAndAMonthEndSpike() {
        tx.executeWithoutResult(s -> {
            for (UserSummary rep : directory.usersWithRole(Role.REP)) {
                for (int i = 0; i < 12; i++) {
                    long c = fx.customer(
                            rep.username(), java.time.OffsetDateTime.now(clock).minusYears(2));
                    fx.contact(c, "DECISION_MAKER");
                    fx.contact(c, "INFLUENCER");
                    fx.contact(c, "USER");
                }
            }
        });
        DemoContext context = new DemoContext(20260101L, 1, clock);
        long start = System.nanoTime();
        contributors.stream()
                .filter(c -> c.order() >= 300 && c.order() <= 400)
                .sorted(Comparator.comparingInt(DemoDataContributor::order))
                .forEach(c -> {
                    long t = System.nanoTime();
                    tx.executeWithoutResult(s -> c.contribute(context));
                    log.info(
                            "demo contributor {} took {} ms",
                            c.getClass().getSimpleName(),
                            (System.nanoTime() - t) / 1_000_000);
                });
        log.info("pipeline + activity demo data took {} ms", (System.nanoTime() - start) / 1_000_000);

        int opportunities = db.fetchCount(OPPORTUNITIES);
        int activities = db.fetchCount(ACTIVITIES);
        assertThat(opportunities).isBetween(1300, 1700);
        assertThat(activities).isBetween(24_000, 36_000);
        assertThat(db.fetchCount(OPPORTUNITY_STAGE_HISTORY)).isGreaterThan(opportunities * 2);
        assertThat(db.fetchCount(
                        OPPORTUNITIES, OPPORTUNITIES.STATUS.eq("OPEN").and(OPPORTUNITIES.HEALTH_SCORE.isNull())))
                .isZero();
        assertThat(db.fetchCount(OPPORTUNITY_INTERVENTIONS)).isPositive();
        assertThat(db.fetchCount(OPPORTUNITIES, OPPORTUNITIES.LAST_CONTACT_AT.isNotNull()))
                .isGreaterThan(opportunities / 2);

        // Sunday-night back-fillers: rep5 (fifth of 华东区) enters most of the week on Sunday evening
        long rep5 = fx.userId("rep5");
        int flagged = db.fetchCount(ACTIVITIES, ACTIVITIES.OWNER_ID.eq(rep5).and(ACTIVITIES.BACKFILL.isNotNull()));
        int all = db.fetchCount(ACTIVITIES, ACTIVITIES.OWNER_ID.eq(rep5));
        assertThat((double) flagged / all).isGreaterThan(0.5);
        assertThat(db.fetchCount(
                        ACTIVITIES, ACTIVITIES.OWNER_ID.eq(fx.userId("rep1")).and(ACTIVITIES.BACKFILL.isNotNull())))
                .isLessThan(all / 10);

        // 华北区 stalls at the third stage: longer median dwell there than the other teams
        LocalDate to = LocalDate.now(clock);
        Set<Long> north = ids("rep13", "rep14", "rep15", "rep16", "rep17", "rep18");
        Set<Long> east = ids("rep1", "rep2", "rep3", "rep4", "rep5", "rep6");
        Funnel northFunnel = funnels.funnel(north, fx.medical().id(), to.minusDays(182), to);
        Funnel eastFunnel = funnels.funnel(east, fx.medical().id(), to.minusDays(182), to);
        assertThat(northFunnel.stages().get(2).medianDwellDays())
                .isGreaterThan(eastFunnel.stages().get(2).medianDwellDays() * 2);
        assertThat(northFunnel.stages().get(2).conversion())
                .isLessThan(eastFunnel.stages().get(2).conversion());

        // month-end signing spike: the last three days of a month carry far more than 3/30 of the wins
        Map<Boolean, Long> wins = db
                .select(OPPORTUNITIES.CLOSED_AT)
                .from(OPPORTUNITIES)
                .where(OPPORTUNITIES.STATUS.eq("WON"))
                .fetch(OPPORTUNITIES.CLOSED_AT)
                .stream()
                .map(t -> t.atZoneSameInstant(clock.getZone()).toLocalDate())
                .collect(Collectors.partitioningBy(
                        d -> d.getDayOfMonth() > d.lengthOfMonth() - 3, Collectors.counting()));
        assertThat(wins.get(true)).isGreaterThan((wins.get(true) + wins.get(false)) / 4);

        // Sunday-night entries are visible as such
        assertThat(db
                        .select(ACTIVITIES.CREATED_AT)
                        .from(ACTIVITIES)
                        .where(ACTIVITIES.OWNER_ID.eq(rep5))
                        .and(ACTIVITIES.BACKFILL.isNotNull())
                        .fetch(ACTIVITIES.CREATED_AT)
                        .stream()
                        .filter(t -> t.atZoneSameInstant(clock.getZone()).getDayOfWeek() == DayOfWeek.SUNDAY)
                        .count())
                .isGreaterThan(flagged / 2);
        assertThat(db.select(DSL.countDistinct(ACTIVITIES.TYPE))
                        .from(ACTIVITIES)
                        .fetchOne(0, Integer.class))
                .isEqualTo(9);

        // most reps opened an opportunity in the last few days; one in six has gone quiet (the no-new-opportunity rule
        // flags them)
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(clock);
        Map<Long, java.time.OffsetDateTime> lastCreated = db.select(
                        OPPORTUNITIES.OWNER_ID, DSL.max(OPPORTUNITIES.CREATED_AT))
                .from(OPPORTUNITIES)
                .groupBy(OPPORTUNITIES.OWNER_ID)
                .fetchMap(OPPORTUNITIES.OWNER_ID, DSL.max(OPPORTUNITIES.CREATED_AT));
        long quiet = lastCreated.values().stream()
                .filter(t -> t.isBefore(now.minusDays(PipelineDemoData.QUIET_DAYS)))
                .count();
        long recent = lastCreated.values().stream()
                .filter(t -> t.isAfter(now.minusDays(5)))
                .count();
        assertThat(quiet).isEqualTo(lastCreated.size() / PipelineDemoData.QUIET_EVERY);
        assertThat(recent).isGreaterThanOrEqualTo(lastCreated.size() * 2 / 3);
        assertThat(lastCreated.values()).allSatisfy(t -> assertThat(t).isBefore(now));

        // the demo targets fit the generated history: a rep's month is about what the team signed per rep and month,
        // plus growth
        java.math.BigDecimal halfYear = db.select(DSL.sum(OPPORTUNITIES.AMOUNT))
                .from(OPPORTUNITIES)
                .where(OPPORTUNITIES.STATUS.eq("WON"))
                .and(OPPORTUNITIES.CLOSED_AT.ge(now.minusMonths(7)))
                .fetchOne(0, java.math.BigDecimal.class);
        double perRepMonth = halfYear.doubleValue() / 7 / lastCreated.size();
        long anyRep = lastCreated.keySet().iterator().next();
        double target = targets.amount(
                        app.lantern.goal.TargetMetric.SIGNED,
                        app.lantern.goal.TargetLevel.REP,
                        anyRep,
                        java.time.YearMonth.now(clock).toString())
                .orElseThrow()
                .doubleValue();
        assertThat(target / perRepMonth).isBetween(0.6, 2.5);
    }

    private Set<Long> ids(String... usernames) {
        return java.util.Arrays.stream(usernames).map(fx::userId).collect(Collectors.toSet());
    }
}
