package app.lantern.alert;

import static lantern.db.Tables.ACTIVITIES;
import static lantern.db.Tables.ALERTS;
import static lantern.db.Tables.OPPORTUNITIES;
import static lantern.db.Tables.OPPORTUNITY_INTERVENTIONS;
import static lantern.db.Tables.OPPORTUNITY_STAGE_HISTORY;
import static lantern.db.Tables.PIPELINES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.lantern.calendar.WorkingCalendar;
import app.lantern.goal.TargetLevel;
import app.lantern.goal.TargetMetric;
import app.lantern.goal.Targets;
import app.lantern.identity.Directory;
import app.lantern.identity.Role;
import app.lantern.identity.TeamSummary;
import app.lantern.identity.UserSummary;
import app.lantern.pipeline.Funnel;
import app.lantern.pipeline.FunnelMetrics;
import app.lantern.shared.demo.DemoContext;
import app.lantern.shared.demo.DemoDataContributor;
import app.lantern.testing.SettableClock;
import app.lantern.testing.SuiteClock;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates the demo organisation as of many awkward dates (month ends, Sundays, 调休 Saturdays, the first working day
 * after National Day and Spring Festival, New Year's Eve) and checks on each the stories the demo promises: quiet reps
 * flagged by the no-new-opportunity rule, Sunday-night back-fillers, the stalling 华北 team, a month-end signing spike,
 * and targets that fit the history. The customers are generated once; everything after them is generated again for
 * every date on the same in-memory database, restored to the customers-only state in between.
 */
@SpringBootTest(
        properties =
                "spring.datasource.url=jdbc:h2:mem:lantern-demo-sweep;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1")
@Import(DemoOrganisationSweepTest.SweepClock.class)
class DemoOrganisationSweepTest {

    /** One rep in six has gone quiet in the demo story. */
    private static final int QUIET_EVERY = 6;

    private static final int CUSTOMERS_ORDER = 200;
    private static Path baseline;

    @TestConfiguration(proxyBeanMethods = false)
    static class SweepClock {
        @Bean
        @Primary
        SettableClock sweepClock() {
            return new SettableClock(SuiteClock.get());
        }
    }

    @Autowired
    SettableClock clock;

    @Autowired
    List<DemoDataContributor> contributors;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    DSLContext db;

    @Autowired
    Directory directory;

    @Autowired
    Targets targets;

    @Autowired
    FunnelMetrics funnels;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    RepEvaluationQueue evaluations;

    /** At least 24 awkward moments across 2026–2027, and the moment the suite runs at. */
    static Stream<String> moments() {
        List<String> moments = new ArrayList<>(List.of(
                "2026-01-01T10:00", // New Year's Day, a holiday and the 1st of a month
                "2026-01-04T09:05", // Sunday made a working day (调休) after New Year
                "2026-02-14T16:00", // Saturday made a working day before Spring Festival
                "2026-02-24T08:30", // first working day after Spring Festival, before working hours
                "2026-02-28T11:00", // month end on a 调休 Saturday
                "2026-03-31T23:50", // quarter end, late at night
                "2026-04-06T10:00", // Qingming holiday Monday
                "2026-05-09T10:00", // 调休 Saturday after Labour Day
                "2026-06-30T17:59", // half-year end, last working minute
                "2026-08-31T10:00", // month end on a Monday
                "2026-09-20T10:00", // Sunday made a working day before National Day
                "2026-10-08T09:00", // first working day after National Day
                "2026-10-10T10:00", // 调休 Saturday after National Day
                "2026-11-01T00:05", // Sunday, the 1st, just after midnight
                "2026-11-30T10:00", // month end on a Monday
                "2026-12-06T21:30", // Sunday night
                "2026-12-07T10:00", // the Monday this sweep was written
                "2026-12-31T22:00", // New Year's Eve
                "2027-01-01T10:00", // New Year's Day 2027
                "2027-01-31T10:00", // month end on a Sunday
                "2027-02-01T10:00", // the 1st, a Monday
                "2027-02-28T10:00", // month end on a Sunday in a 28-day month
                "2027-03-31T10:00", // quarter end
                "2027-06-30T10:00", // half-year end
                "2027-09-30T18:30", // day before National Day, after hours
                "2027-12-31T10:00")); // New Year's Eve 2027
        moments.add(
                LocalDateTime.now(SuiteClock.get()).withSecond(0).withNano(0).toString());
        return moments.stream();
    }

    @ParameterizedTest(name = "demo as of {0}")
    @MethodSource("moments")
    void demoKeepsItsPromises(String moment) throws Exception {
        generate(moment);
        checkPromises();
    }

    @ParameterizedTest(name = "demo on the first working day after {0}")
    @MethodSource("holidays")
    void demoKeepsItsPromisesAfterLongHolidays(LocalDate holiday) throws Exception {
        generate(firstWorkingDayAfter(holiday) + "T09:30");
        checkPromises();
    }

    /** Spring Festival and National Day 2027 follow the statutory rule (no State Council notice for 2027 yet). */
    static Stream<LocalDate> holidays() {
        return Stream.of(LocalDate.of(2027, 2, 6), LocalDate.of(2027, 10, 1));
    }

    private LocalDate firstWorkingDayAfter(LocalDate holiday) {
        LocalDate d = holiday;
        while (!calendar.isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d.equals(holiday) ? calendar.nextWorkingDay(d) : d;
    }

    private void generate(String moment) throws Exception {
        awaitBackgroundWork();
        if (baseline == null) {
            clock.startAt(LocalDateTime.now(SuiteClock.get()).toString());
            run(c -> c.order() == CUSTOMERS_ORDER);
            baseline = Files.createTempFile("lantern-demo-sweep", ".sql");
            db.execute("SCRIPT TO '" + baseline + "'");
        } else {
            db.execute("DROP ALL OBJECTS");
            db.execute("RUNSCRIPT FROM '" + baseline + "'");
        }
        clock.startAt(moment);
        run(c -> c.order() > CUSTOMERS_ORDER);
        awaitBackgroundWork();
    }

    private void run(java.util.function.Predicate<DemoDataContributor> which) {
        DemoContext context = new DemoContext(20260101L, 1, clock);
        contributors.stream()
                .filter(which)
                .sorted(Comparator.comparingInt(DemoDataContributor::order))
                .forEach(c -> tx.executeWithoutResult(s -> c.contribute(context)));
    }

    /** Listeners of the generated events finish before the database is checked or restored. */
    private void awaitBackgroundWork() {
        await("background work after the demo finished")
                .atMost(Duration.ofMinutes(2))
                .until(() -> evaluations.idle()
                        && db.fetchCount(
                                        DSL.table("event_publication"),
                                        DSL.field("completion_date").isNull())
                                == 0);
    }

    private void checkPromises() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = now.toLocalDate();

        int opportunities = db.fetchCount(OPPORTUNITIES);
        int activities = db.fetchCount(ACTIVITIES);
        assertThat(opportunities).isBetween(1300, 1700);
        assertThat(activities).isBetween(22_000, 36_000);
        assertThat(db.fetchCount(OPPORTUNITY_STAGE_HISTORY)).isGreaterThan(opportunities * 2);
        assertThat(db.fetchCount(
                        OPPORTUNITIES, OPPORTUNITIES.STATUS.eq("OPEN").and(OPPORTUNITIES.HEALTH_SCORE.isNull())))
                .as("every open opportunity has a health score")
                .isZero();
        assertThat(db.fetchCount(OPPORTUNITY_INTERVENTIONS)).isPositive();
        assertThat(db.fetchCount(OPPORTUNITIES, OPPORTUNITIES.LAST_CONTACT_AT.isNotNull()))
                .isGreaterThan(opportunities / 2);
        assertThat(db.select(DSL.countDistinct(ACTIVITIES.TYPE))
                        .from(ACTIVITIES)
                        .fetchOne(0, Integer.class))
                .as("all nine activity types")
                .isEqualTo(9);
        assertThat(db.fetchCount(ACTIVITIES, ACTIVITIES.CREATED_AT.gt(now).or(ACTIVITIES.OCCURRED_AT.gt(now))))
                .as("nothing happened in the future")
                .isZero();

        // Sunday-night back-filler: the fifth rep of 华东区 enters most of the week on Sunday evening
        long rep5 = userId("rep5");
        int flagged = db.fetchCount(ACTIVITIES, ACTIVITIES.OWNER_ID.eq(rep5).and(ACTIVITIES.BACKFILL.isNotNull()));
        int all = db.fetchCount(ACTIVITIES, ACTIVITIES.OWNER_ID.eq(rep5));
        assertThat((double) flagged / all)
                .as("rep5's entries flagged as back-filled")
                .isGreaterThan(0.5);
        assertThat(db.fetchCount(
                        ACTIVITIES, ACTIVITIES.OWNER_ID.eq(userId("rep1")).and(ACTIVITIES.BACKFILL.isNotNull())))
                .isLessThan(all / 10);
        assertThat(db
                        .select(ACTIVITIES.CREATED_AT)
                        .from(ACTIVITIES)
                        .where(ACTIVITIES.OWNER_ID.eq(rep5))
                        .and(ACTIVITIES.BACKFILL.isNotNull())
                        .fetch(ACTIVITIES.CREATED_AT)
                        .stream()
                        .filter(t -> t.atZoneSameInstant(clock.getZone()).getDayOfWeek() == DayOfWeek.SUNDAY)
                        .count())
                .as("back-filled entries typed on a Sunday")
                .isGreaterThan(flagged / 2);

        // 华北区 stalls at the third stage: longer median dwell there than 华东区, and fewer deals get through
        long medical = db.select(PIPELINES.ID)
                .from(PIPELINES)
                .where(PIPELINES.TEMPLATE_CODE.eq("MEDICAL_DEVICE"))
                .fetchOne(PIPELINES.ID);
        Funnel north = funnels.funnel(teamReps("华北"), medical, today.minusDays(182), today);
        Funnel east = funnels.funnel(teamReps("华东"), medical, today.minusDays(182), today);
        assertThat(north.stages().get(2).medianDwellDays())
                .isGreaterThan(east.stages().get(2).medianDwellDays() * 2);
        assertThat(north.stages().get(2).conversion())
                .isLessThan(east.stages().get(2).conversion());

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

        // one rep in six has gone quiet and is flagged by the no-new-opportunity rule; everyone else is not
        List<UserSummary> reps = directory.usersWithRole(Role.REP);
        Set<Long> flaggedQuiet = Set.copyOf(db.select(ALERTS.SUBJECT_ID)
                .from(ALERTS)
                .where(ALERTS.RULE_CODE.eq(AlertEngine.NO_NEW_OPPORTUNITY))
                .and(ALERTS.RESOLVED_AT.isNull())
                .fetch(ALERTS.SUBJECT_ID));
        Set<Long> quiet = reps.stream()
                .filter(r -> reps.indexOf(r) % QUIET_EVERY == QUIET_EVERY - 1)
                .map(UserSummary::id)
                .collect(Collectors.toSet());
        assertThat(flaggedQuiet).as("reps flagged for no new opportunity").isEqualTo(quiet);
        Map<Long, OffsetDateTime> lastCreated = db.select(OPPORTUNITIES.OWNER_ID, DSL.max(OPPORTUNITIES.CREATED_AT))
                .from(OPPORTUNITIES)
                .groupBy(OPPORTUNITIES.OWNER_ID)
                .fetchMap(OPPORTUNITIES.OWNER_ID, DSL.max(OPPORTUNITIES.CREATED_AT));
        assertThat(lastCreated.values()).allSatisfy(t -> assertThat(t).isBefore(now));

        // the demo targets fit the generated history: the company's month is the last three full months' run-rate plus
        // growth, and every rep has a share of it
        LocalDate monthStart = today.withDayOfMonth(1);
        BigDecimal lastQuarter = db.select(DSL.sum(OPPORTUNITIES.AMOUNT))
                .from(OPPORTUNITIES)
                .where(OPPORTUNITIES.STATUS.eq("WON"))
                .and(OPPORTUNITIES.CLOSED_AT.ge(
                        monthStart.minusMonths(3).atStartOfDay(clock.getZone()).toOffsetDateTime()))
                .and(OPPORTUNITIES.CLOSED_AT.lt(
                        monthStart.atStartOfDay(clock.getZone()).toOffsetDateTime()))
                .fetchOne(0, BigDecimal.class);
        String month = YearMonth.now(clock).toString();
        long company = directory.teams().stream()
                .filter(t -> t.parentId() == null)
                .findFirst()
                .orElseThrow()
                .id();
        double companyMonth = targets.amount(TargetMetric.SIGNED, TargetLevel.COMPANY, company, month)
                .orElseThrow(() -> new AssertionError("no company target for " + month))
                .doubleValue();
        assertThat(companyMonth / (lastQuarter.doubleValue() / 3))
                .as("the company's month target against the last three months' signings")
                .isBetween(0.8, 1.8);
        double repsTotal = 0;
        for (UserSummary rep : reps) {
            BigDecimal target = targets.amount(TargetMetric.SIGNED, TargetLevel.REP, rep.id(), month)
                    .orElseThrow(() -> new AssertionError(rep.username() + " has no target for " + month));
            assertThat(target).as("%s's month target", rep.username()).isPositive();
            repsTotal += target.doubleValue();
        }
        assertThat(repsTotal / companyMonth)
                .as("the reps' months add up to the company's, but for the one raised by hand")
                .isBetween(1.0, 1.1);
    }

    private long userId(String username) {
        return directory.userByUsername(username).orElseThrow().id();
    }

    private Set<Long> teamReps(String region) {
        Set<Long> teams = directory.teams().stream()
                .filter(t -> t.name().contains(region))
                .map(TeamSummary::id)
                .collect(Collectors.toSet());
        return directory.usersWithRole(Role.REP).stream()
                .filter(r -> r.teamId() != null && teams.contains(r.teamId()))
                .map(UserSummary::id)
                .collect(Collectors.toSet());
    }
}
