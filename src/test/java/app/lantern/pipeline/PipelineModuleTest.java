package app.lantern.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

/**
 * The pipeline module on its own (with the modules it depends on, none above it): a stage move and a close publish
 * their events with the actor, observed through Spring Modulith's {@link Scenario} rather than by polling.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
class PipelineModuleTest {

    @Autowired
    PipelineFixtures fx;

    @Autowired
    StageMoves moves;

    @Autowired
    OpportunityClosing closing;

    @AfterEach
    void signOut() {
        fx.signOut();
    }

    @Test
    void movingAStagePublishesWhoMovedItFromWhereToWhere(Scenario scenario) {
        fx.signIn("rep9");
        OpportunityDetails o =
                OpportunityMother.anOpportunity(fx, "rep9").withDecisionChain().create();
        StageView visit = fx.medical().stages().get(1);
        long rep = fx.userId("rep9");
        scenario.stimulate(() -> moves.moveTo(o.id(), visit.id(), o.version()))
                .andWaitForEventOfType(OpportunityStageChanged.class)
                .matching(e -> e.opportunityId() == o.id())
                .toArriveAndVerify(e -> {
                    assertThat(e.fromStageId()).isEqualTo(o.stageId());
                    assertThat(e.toStageId()).isEqualTo(visit.id());
                    assertThat(e.actorId()).isEqualTo(rep);
                });
    }

    @Test
    void winningPublishesTheSignedAmount(Scenario scenario) {
        fx.signIn("rep10");
        OpportunityDetails o =
                OpportunityMother.anOpportunity(fx, "rep10").amount("66000").create();
        scenario.stimulate(() -> closing.win(o.id(), null, null, o.version()))
                .andWaitForEventOfType(OpportunityWon.class)
                .matching(e -> e.opportunityId() == o.id())
                .toArriveAndVerify(e -> assertThat(e.amount()).isEqualByComparingTo("66000"));
    }
}
