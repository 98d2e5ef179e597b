package app.lantern.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lantern.shared.FieldErrors;
import app.lantern.shared.ValidationException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The opportunity lifecycle's rules, without Spring or a database. */
class OpportunityTest {

    static final OffsetDateTime NOW = OffsetDateTime.of(2027, 2, 28, 10, 0, 0, 0, ZoneOffset.ofHours(8));
    static final long ACTOR = 42;
    static final StageView LEAD = stage(11, 1, List.of());
    static final StageView DEMO = stage(12, 2, List.of("coreNeed", "decisionMaker"));

    static StageView stage(long id, int position, List<String> required) {
        return new StageView(id, 1, "stage " + id, position, 10 * position, required, 5, List.of());
    }

    static Opportunity open(BigDecimal amount) {
        return new Opportunity(7, 3, 1, LEAD.id(), OpportunityStatus.OPEN, amount, null, null, NOW.minusDays(9), 4);
    }

    static final List<OpportunityField> DEMO_CRITERIA =
            List.of(OpportunityField.CORE_NEED, OpportunityField.DECISION_MAKER);

    @Test
    void movesWhenTheEvidenceMeetsTheStagesCriteriaAndSaysWhoAndWhen() {
        Opportunity o = open(null);
        StageEvidence evidence =
                new StageEvidence(EnumSet.of(OpportunityField.CORE_NEED, OpportunityField.DECISION_MAKER));
        OpportunityStageChanged e = o.moveTo(DEMO, DEMO_CRITERIA, evidence, NOW, ACTOR);
        assertThat(e).isEqualTo(new OpportunityStageChanged(7, 3, LEAD.id(), DEMO.id(), NOW, ACTOR));
        assertThat(o.stageId()).isEqualTo(DEMO.id());
        assertThat(o.stageEnteredAt()).isEqualTo(NOW);
    }

    @Test
    void aGateNamesEveryMissingFieldAndLeavesTheStageAlone() {
        Opportunity o = open(null);
        assertThatThrownBy(() -> o.moveTo(DEMO, DEMO_CRITERIA, new StageEvidence(Set.of()), NOW, ACTOR))
                .isInstanceOfSatisfying(ValidationException.class, ex -> {
                    assertThat(ex.status()).isEqualTo(422);
                    assertThat(ex.errors())
                            .extracting(FieldErrors.FieldError::field)
                            .containsExactly("coreNeed", "decisionMaker");
                });
        assertThat(o.stageId()).isEqualTo(LEAD.id());
    }

    @Test
    void aStageOfAnotherPipelineIsRefused() {
        StageView foreign = new StageView(99, 2, "其他", 2, 20, List.of(), 0, List.of());
        assertThatThrownBy(() -> open(null).moveTo(foreign, List.of(), new StageEvidence(Set.of()), NOW, ACTOR))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void winningNeedsAnAmountAndKeepsTheSignedOne() {
        assertThatThrownBy(() -> open(null).win(null, NOW, ACTOR))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        ex -> assertThat(ex.errors())
                                .extracting(FieldErrors.FieldError::field)
                                .contains("amount"));
        Opportunity o = open(new BigDecimal("50000.00"));
        OpportunityWon won = o.win(new BigDecimal("48000.00"), NOW, ACTOR);
        assertThat(won.amount()).isEqualByComparingTo("48000");
        assertThat(won.actorId()).isEqualTo(ACTOR);
        assertThat(o.status()).isEqualTo(OpportunityStatus.WON);
        assertThat(o.closedAt()).isEqualTo(NOW);
    }

    @Test
    void losingNeedsAReasonAndAClosedDealCannotMoveOrCloseAgain() {
        Opportunity o = open(null);
        assertThatThrownBy(() -> o.lose("  ", NOW, ACTOR)).isInstanceOf(ValidationException.class);
        OpportunityLost lost = o.lose(" 价格高于竞品 ", NOW, ACTOR);
        assertThat(lost.reason()).isEqualTo("价格高于竞品");
        assertThatThrownBy(() -> o.moveTo(DEMO, List.of(), new StageEvidence(Set.of()), NOW, ACTOR))
                .isInstanceOfSatisfying(
                        ValidationException.class, ex -> assertThat(ex.status()).isEqualTo(422));
        assertThatThrownBy(() -> o.win(BigDecimal.TEN, NOW, ACTOR)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> o.lose("again", NOW, ACTOR)).isInstanceOf(ValidationException.class);
    }

    @Test
    void reopeningBringsAClosedDealBackInItsStageAndAnOpenOneCannotBeReopened() {
        Opportunity o = open(BigDecimal.TEN);
        assertThatThrownBy(() -> o.reopen(NOW, ACTOR)).isInstanceOf(ValidationException.class);
        o.lose("预算取消", NOW.minusDays(3), ACTOR);
        OpportunityReopened e = o.reopen(NOW, ACTOR);
        assertThat(e.previousStatus()).isEqualTo(OpportunityStatus.LOST);
        assertThat(e.stageId()).isEqualTo(LEAD.id());
        assertThat(o.status()).isEqualTo(OpportunityStatus.OPEN);
        assertThat(o.lossReason()).isNull();
        assertThat(o.closedAt()).isNull();
    }
}
