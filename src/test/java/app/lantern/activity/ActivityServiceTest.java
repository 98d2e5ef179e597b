package app.lantern.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lantern.customer.CustomersMerged;
import app.lantern.customer.TimelineItem;
import app.lantern.customer.TimelineSource;
import app.lantern.pipeline.OpportunityDetails;
import app.lantern.pipeline.OpportunityQueries;
import app.lantern.pipeline.PipelineFixtures;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
class ActivityServiceTest {

    @Autowired
    PipelineFixtures fx;

    @Autowired
    ActivityService activities;

    @Autowired
    Activities facade;

    @Autowired
    DailyReportService reports;

    @Autowired
    DailyReports dailyReports;

    @Autowired
    ActivityInsights insights;

    @Autowired
    OpportunityQueries opportunities;

    @Autowired
    List<TimelineSource> timelines;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    MessageSource messages;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Clock clock;

    @AfterEach
    void signOut() {
        fx.signOut();
    }

    static ActivityInput visit(Long customerId, Long opportunityId, OffsetDateTime at, List<Long> participants) {
        return new ActivityInput(
                ActivityType.VISIT, at, null, customerId, opportunityId, participants, null, "谈了采购计划", "下周演示", null);
    }

    @Test
    void loggingAVisitUpdatesTheOpportunitysLastContactAndEngagement() {
        fx.signIn("rep1");
        long customer = fx.customer("rep1");
        long dm = fx.contact(customer, "DECISION_MAKER");
        OpportunityDetails o =
                fx.opportunity(customer).contact(dm, "DECISION_MAKER").create();
        assertThat(o.lastContactAt()).isNull();
        OffsetDateTime at = OffsetDateTime.now(clock).minusHours(2).withNano(0);
        ActivityView a = activities.log(visit(customer, o.id(), at, List.of(dm)));
        assertThat(a.durationMinutes()).isEqualTo(60);
        assertThat(a.backfill()).isNull();
        assertThat(a.participants()).isNotBlank();
        OpportunityDetails after = opportunities.visible(o.id());
        assertThat(after.lastContactAt()).isEqualTo(at);
        var health = opportunities.health(o.id());
        assertThat(health.factors()).anySatisfy(f -> {
            assertThat(f.factor().name()).isEqualTo("DECISION_MAKER_CONTACT");
            assertThat(messages.getMessage(f.value(), Locale.SIMPLIFIED_CHINESE))
                    .contains("共 1 次");
        });
        assertThat(facade.lastActivityAt(fx.userId("rep1"))).isPresent();
        assertThat(facade.countsByType(fx.userId("rep1"), at.minusMinutes(1), at.plusMinutes(1)))
                .containsEntry(ActivityType.VISIT, 1L);
    }

    @Test
    void rejectsAnActivityInTheFutureOrBeforeTheCustomerExisted() {
        fx.signIn("rep2");
        long customer = fx.customer("rep2", OffsetDateTime.now(clock).minusDays(10));
        assertThatThrownBy(() -> activities.log(
                        visit(customer, null, OffsetDateTime.now(clock).plusHours(3), null)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldErrors.FieldError::field)
                                .containsExactly("occurredAt"));
        assertThatThrownBy(() -> activities.log(
                        visit(customer, null, OffsetDateTime.now(clock).minusDays(30), null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.errors())
                            .extracting(FieldErrors.FieldError::field)
                            .containsExactly("occurredAt");
                    assertThat(e.errors().getFirst().message()).contains("before the customer existed");
                });
    }

    @Test
    void aRepCannotLogOnAnotherTeamsCustomer() {
        fx.signIn("rep8");
        long theirs = fx.customer("rep8");
        fx.signIn("rep1");
        assertThatThrownBy(() -> activities.log(visit(theirs, null, null, null)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldErrors.FieldError::field)
                                .containsExactly("customerId"));
    }

    @Test
    void anAdminImportCreatedLongAfterItHappenedIsFlaggedLate() {
        fx.signIn("admin");
        long customer = fx.customer("rep3");
        OffsetDateTime occurred = OffsetDateTime.now(clock).minusDays(6);
        ActivityView a = activities.log(new ActivityInput(
                ActivityType.CALL,
                occurred,
                10,
                customer,
                null,
                null,
                null,
                null,
                null,
                OffsetDateTime.now(clock).minusDays(1)));
        assertThat(a.backfill()).isEqualTo(BackfillRules.LATE);
        assertThat(a.occurredAt()).isBefore(a.createdAt());
    }

    @Test
    void dailyReportIsDraftedFromTheDaysActivitiesThenSubmitted() {
        fx.signIn("rep4");
        long customer = fx.customer("rep4");
        // a day this rep has not submitted yet (the database may be shared with earlier runs)
        LocalDate today = LocalDate.now(clock);
        while (dailyReports.submitted(fx.userId("rep4"), today)) {
            today = today.minusDays(1);
        }
        OffsetDateTime morning = today.atTime(0, 5).atZone(clock.getZone()).toOffsetDateTime();
        activities.log(
                new ActivityInput(ActivityType.DEMO, morning, 45, customer, null, null, null, "演示顺利", "发送报价", null));
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(reports.mine(today).summary()).contains("Demo").doesNotContain("方案演示");
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        DailyReportView draft = reports.mine(today);
        LocaleContextHolder.resetLocaleContext();
        assertThat(draft.id()).isNull();
        assertThat(draft.summary()).contains("方案演示").contains("演示顺利").contains("45 分钟");
        assertThat(draft.plan()).contains("发送报价");
        DailyReportView submitted = reports.save(today, draft.summary() + "\n补充：客户很满意", draft.plan(), true, null);
        assertThat(submitted.status()).isEqualTo("SUBMITTED");
        assertThat(dailyReports.submitted(fx.userId("rep4"), today)).isTrue();
        LocalDate day = today;
        assertThatThrownBy(() -> reports.save(day, "改一下", null, false, null)).isInstanceOf(ValidationException.class);
        assertThat(reports.rates(day, day)).anySatisfy(r -> {
            assertThat(r.ownerId()).isEqualTo(fx.userId("rep4"));
            assertThat(r.submitted()).isEqualTo(r.due());
        });
    }

    @Test
    void heatmapMarksARepFarBelowTheTeamMedian() {
        OffsetDateTime monday = LocalDate.now(clock)
                .minusWeeks(3)
                .with(java.time.DayOfWeek.MONDAY)
                .atTime(10, 0)
                .atZone(clock.getZone())
                .toOffsetDateTime();
        for (String rep : List.of("rep13", "rep14", "rep15", "rep16", "rep17")) {
            fx.signIn(rep);
            long c = fx.customer(rep);
            for (int i = 0; i < 3; i++) {
                activities.log(new ActivityInput(
                        ActivityType.MEETING, monday.plusHours(i), 60, c, null, null, null, null, null, null));
            }
        }
        fx.signIn("manager3");
        String week = ActivityInsights.isoWeek(monday.toLocalDate());
        long team = insights.visibleTeams().stream()
                .filter(t -> t.name().contains("华北"))
                .findFirst()
                .orElseThrow()
                .id();
        Heatmap h = insights.heatmap(team, week);
        int rep18 = h.repIds().indexOf(fx.userId("rep18"));
        int meeting = h.types().indexOf(ActivityType.MEETING);
        assertThat(h.medians()[meeting]).isGreaterThanOrEqualTo(3.0);
        assertThat(h.hollows()[rep18][meeting]).isTrue();
        assertThat(h.weekdayHour()[0][10]).isGreaterThanOrEqualTo(5);
        fx.signIn("rep1");
        assertThat(insights.visibleTeams()).noneMatch(t -> t.id() == team);
    }

    @Test
    void mergedCustomersKeepTheirActivitiesAndOpportunitiesOnTheSurvivor() {
        fx.signIn("rep5");
        long survivor = fx.customer("rep5");
        long merged = fx.customer("rep5");
        OpportunityDetails o = fx.opportunity(merged).create();
        activities.log(visit(merged, o.id(), null, null));
        tx.executeWithoutResult(s -> events.publishEvent(new CustomersMerged(survivor, merged)));
        assertThat(opportunities.visible(o.id()).customerId()).isEqualTo(survivor);
        assertThat(facade.between(
                        Set.of(fx.userId("rep5")),
                        OffsetDateTime.now(clock).minusHours(1),
                        OffsetDateTime.now(clock).plusHours(1)))
                .filteredOn(a -> o.id() == (a.opportunityId() == null ? -1 : a.opportunityId()))
                .hasSize(1)
                .allSatisfy(a -> assertThat(a.customerId()).isEqualTo(survivor));
        List<TimelineItem> feed = timelines.stream()
                .flatMap(t -> t.timeline(survivor, 10).stream())
                .toList();
        assertThat(feed).extracting(TimelineItem::type).contains("activity", "opportunity");
    }
}
