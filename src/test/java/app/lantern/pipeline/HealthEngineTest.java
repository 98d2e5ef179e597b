package app.lantern.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lantern.notification.InboxItem;
import app.lantern.notification.Notifications;
import app.lantern.shared.ForbiddenException;
import app.lantern.shared.PageQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class HealthEngineTest {

    @Autowired
    Clock clock;

    @Autowired
    PipelineFixtures fx;

    @Autowired
    Opportunities opportunities;

    @Autowired
    OpportunityQueries service;

    @Autowired
    Interventions interventions;

    @Autowired
    HealthEngine engine;

    @Autowired
    Notifications notifications;

    @AfterEach
    void signOut() {
        fx.signOut();
    }

    @Test
    void aBareOpportunityPastItsGracePeriodFallsBelowSixtyAndOpensOneInterventionForTheManager() {
        fx.signIn("rep9");
        long customer = fx.customer("rep9");
        OpportunityDetails o = fx.opportunity(customer).create();
        assertThat(o.healthScore()).isNotNull().isLessThan(60);
        fx.age(o.id(), 21);
        opportunities.recomputeHealth(o.id());
        engine.recomputeAll();
        fx.signIn("manager2");
        List<Intervention> mine = interventions.visible(InterventionStatus.OPEN, 500).stream()
                .filter(i -> i.opportunityId() == o.id())
                .toList();
        assertThat(mine).hasSize(1);
        assertThat(mine.getFirst().managerId()).isEqualTo(fx.userId("manager2"));
        assertThat(mine.getFirst().weakFactors()).contains("决策链完整度");
        fx.signIn("manager1");
        assertThat(interventions.visible(InterventionStatus.OPEN, 500)).noneMatch(i -> i.opportunityId() == o.id());
    }

    @Test
    void theManagerRecordsTheOutcomeAndTheRepCannot() {
        fx.signIn("rep10");
        long customer = fx.customer("rep10");
        OpportunityDetails o = fx.opportunity(customer).create();
        fx.age(o.id(), 21);
        long id = interventions.ofOpportunity(o.id()).getFirst().id();
        assertThatThrownBy(() -> interventions.resolve(id, InterventionOutcome.COACHED, "x"))
                .isInstanceOf(ForbiddenException.class);
        fx.signIn("manager2");
        Intervention done = interventions.resolve(id, InterventionOutcome.COACHED, "一起复盘了决策链");
        assertThat(done.status()).isEqualTo("DONE");
        assertThat(done.outcome()).isEqualTo("COACHED");
        assertThat(interventions.outcomeCounts()).containsKey("COACHED");
        opportunities.recomputeHealth(o.id());
        assertThat(interventions.ofOpportunity(o.id()))
                .hasSize(2)
                .extracting(Intervention::status)
                .contains("OPEN", "DONE");
    }

    @Test
    void closedLostOutcomeClosesTheOpportunity() {
        fx.signIn("rep11");
        long customer = fx.customer("rep11");
        OpportunityDetails o = fx.opportunity(customer).create();
        fx.age(o.id(), 21);
        long id = interventions.ofOpportunity(o.id()).getFirst().id();
        fx.signIn("manager2");
        interventions.resolve(id, InterventionOutcome.CLOSED_LOST, "客户项目取消");
        assertThat(service.visible(o.id()).status()).isEqualTo(OpportunityStatus.LOST);
    }

    @Test
    void aNewOpportunityWithLittleDataIsInItsGracePeriodAndOpensNoIntervention() {
        fx.signIn("rep8");
        long customer = fx.customer("rep8");
        OpportunityDetails o = fx.opportunity(customer).create();
        opportunities.recomputeHealth(o.id());
        engine.recomputeAll();

        assertThat(service.visible(o.id()).healthScore()).isLessThan(60);
        assertThat(interventions.ofOpportunity(o.id())).isEmpty();
        HealthReport report = service.health(o.id());
        assertThat(report.inGracePeriod()).isTrue();
        assertThat(report.graceUntil()).isAfter(LocalDate.now(clock));

        fx.age(o.id(), 21);
        assertThat(service.health(o.id()).inGracePeriod()).isFalse();
        assertThat(interventions.ofOpportunity(o.id())).hasSize(1);
    }

    @Test
    void openingAnInterventionNotifiesTheOwnersManagerOnceWithALinkToIt() {
        fx.signIn("rep7");
        long customer = fx.customer("rep7");
        OpportunityDetails o = fx.opportunity(customer).create();
        long manager = fx.userId("manager2");
        fx.age(o.id(), 21);
        opportunities.recomputeHealth(o.id());
        engine.recomputeAll();

        long id = interventions.ofOpportunity(o.id()).getFirst().id();
        List<InboxItem> told = notifications.inbox(manager, false, new PageQuery(0, 200, null, true)).items().stream()
                .filter(n -> n.link() != null && n.link().endsWith("#intervention-" + id))
                .toList();
        assertThat(told).hasSize(1);
        assertThat(told.getFirst().title()).contains(o.name());
        assertThat(told.getFirst().body()).contains("决策链完整度");
        assertThat(notifications
                        .inbox(fx.userId("rep7"), false, new PageQuery(0, 200, null, true))
                        .items())
                .noneMatch(n -> n.link() != null && n.link().endsWith("#intervention-" + id));
    }

    @Test
    void aWellWorkedOpportunityScoresHigherThanABareOne() {
        fx.signIn("rep12");
        long customer = fx.customer("rep12");
        long dm = fx.contact(customer, "DECISION_MAKER");
        long inf = fx.contact(customer, "INFLUENCER");
        OpportunityDetails bare = fx.opportunity(customer).create();
        OpportunityDetails rich = fx.opportunity(customer)
                .amount("120000")
                .budget(BudgetRange.FROM_50K_TO_200K)
                .coreNeed("扩容")
                .expectedClose(java.time.LocalDate.now(clock).plusDays(40))
                .contact(dm, "DECISION_MAKER")
                .contact(inf, "INFLUENCER")
                .create();
        opportunities.recordInteraction(
                new Interaction(rich.id(), "DEMO", java.time.OffsetDateTime.now(clock), true, true));
        assertThat(service.visible(rich.id()).healthScore())
                .isGreaterThan(service.visible(bare.id()).healthScore() + 15);
        HealthReport r = service.health(rich.id());
        assertThat(r.factors()).hasSize(12);
        assertThat(r.score()).isEqualTo(service.visible(rich.id()).healthScore());
    }
}
