package app.lantern.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lantern.audit.AuditEntry;
import app.lantern.audit.AuditTrail;
import app.lantern.shared.ConflictException;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.ValidationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class OpportunityUseCasesTest {

    @Autowired
    Clock clock;

    @Autowired
    PipelineFixtures fx;

    @Autowired
    OpportunityQueries queries;

    @Autowired
    OpportunityEditing editing;

    @Autowired
    StageMoves moves;

    @Autowired
    OpportunityClosing closing;

    @Autowired
    Opportunities opportunities;

    @Autowired
    AuditTrail audit;

    @Autowired
    FunnelMetrics funnels;

    @AfterEach
    void signOut() {
        fx.signOut();
    }

    @Test
    void shipsTheMedicalDeviceAndSaasTemplatesWithGatedStages() {
        fx.signIn("rep1");
        PipelineView medical = fx.medical();
        assertThat(medical.name()).isEqualTo("医疗器械分销");
        assertThat(medical.stages()).hasSize(6);
        assertThat(medical.stages().get(2).requiredFields()).contains("decisionMaker", "amount");
        assertThat(fx.saas().stages()).extracting(StageView::name).contains("方案演示", "签约");
    }

    @Test
    void rejectsStageMoveWithoutEntryCriteriaNamingEveryMissingField() {
        fx.signIn("rep1");
        long customer = fx.customer("rep1");
        OpportunityDetails o = fx.opportunity(customer).create();
        StageView demo = fx.medical().stages().get(2);
        assertThatThrownBy(() -> moves.moveTo(o.id(), demo.id(), o.version()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.errors())
                            .extracting(FieldErrors.FieldError::field)
                            .containsExactlyInAnyOrder(
                                    "contacts", "coreNeed", "decisionMaker", "amount", "budgetRange");
                });
        assertThat(queries.visible(o.id()).stageName()).isEqualTo("线索确认");
    }

    @Test
    void movesWhenCriteriaAreMetAndKeepsStageHistoryAndAudit() {
        fx.signIn("rep2");
        long customer = fx.customer("rep2");
        long dm = fx.contact(customer, "DECISION_MAKER");
        OpportunityDetails o = fx.opportunity(customer)
                .amount("180000.00")
                .budget(BudgetRange.FROM_50K_TO_200K)
                .coreNeed("更换 CT 设备")
                .contact(dm, "DECISION_MAKER")
                .create();
        StageView visit = fx.medical().stages().get(1);
        StageView demo = fx.medical().stages().get(2);
        OpportunityDetails moved = moves.moveTo(o.id(), visit.id(), o.version());
        moved = moves.moveTo(o.id(), demo.id(), moved.version());
        assertThat(moved.stageName()).isEqualTo("产品演示");
        assertThat(moved.history()).extracting(StageHistoryEntry::stageName).containsExactly("线索确认", "科室拜访", "产品演示");
        assertThat(moved.history().get(0).exitedAt()).isNotNull();
        assertThat(moved.history().get(2).exitedAt()).isNull();
        assertThat(opportunities.lastStageChangeAt(o.id())).isPresent();
        List<AuditEntry> trail = audit.history("opportunity", o.id());
        assertThat(trail)
                .anySatisfy(e -> assertThat(e.changes()).contains("科室拜访").contains("产品演示"));
    }

    @Test
    void staleVersionIsAConflictCarryingTheCurrentVersion() {
        fx.signIn("rep3");
        long customer = fx.customer("rep3");
        OpportunityDetails o = fx.opportunity(customer).create();
        OpportunityInput edit = new OpportunityInput(
                o.name(),
                customer,
                null,
                null,
                null,
                new BigDecimal("5000"),
                null,
                null,
                "需求 A",
                null,
                null,
                null,
                null,
                "展会",
                null);
        OpportunityDetails first = editing.update(o.id(), edit, o.version());
        assertThatThrownBy(() -> editing.update(o.id(), edit, o.version()))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.properties()).containsEntry("currentVersion", first.version()));
        List<AuditEntry> trail = audit.history("opportunity", o.id());
        assertThat(trail)
                .anySatisfy(e -> assertThat(e.changes()).contains("coreNeed").contains("需求 A"));
    }

    @Test
    void repCannotSeeAnotherTeamsOpportunity() {
        fx.signIn("rep7");
        long customer = fx.customer("rep7");
        OpportunityDetails o = fx.opportunity(customer).create();
        fx.signIn("rep1");
        assertThatThrownBy(() -> queries.visible(o.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> opportunities.requireVisible(o.id())).isInstanceOf(NotFoundException.class);
        fx.signIn("manager2");
        assertThat(queries.visible(o.id()).id()).isEqualTo(o.id());
    }

    @Test
    void closingLostNeedsAReasonAndWonPublishesTheAmount() {
        fx.signIn("rep4");
        long customer = fx.customer("rep4");
        OpportunityDetails a = fx.opportunity(customer).amount("30000").create();
        assertThatThrownBy(() -> closing.lose(a.id(), " ", null)).isInstanceOf(ValidationException.class);
        OpportunityDetails lost = closing.lose(a.id(), "价格高于竞品", null);
        assertThat(lost.status()).isEqualTo(OpportunityStatus.LOST);
        assertThat(lost.lossReason()).isEqualTo("价格高于竞品");
        OpportunityDetails b = fx.opportunity(customer).amount("50000").create();
        OpportunityDetails won = closing.win(b.id(), new BigDecimal("48000.00"), "年底前签约", null);
        assertThat(won.status()).isEqualTo(OpportunityStatus.WON);
        assertThat(won.amount()).isEqualByComparingTo("48000");
        assertThat(opportunities.closedBetween(
                        java.util.Set.of(fx.userId("rep4")),
                        won.closedAt().minusMinutes(1),
                        won.closedAt().plusMinutes(1)))
                .extracting(OpportunityRef::id)
                .contains(a.id(), b.id());
        assertThatThrownBy(
                        () -> moves.moveTo(b.id(), fx.medical().stages().get(1).id(), null))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void fillingTheMissingFieldsThenMovingPasses() {
        fx.signIn("rep5");
        long customer = fx.customer("rep5");
        long c = fx.contact(customer, "USER");
        OpportunityDetails o = fx.opportunity(customer).contact(c, "USER").create();
        StageView visit = fx.medical().stages().get(1);
        List<OpportunityField> missing = queries.missingFor(o.id(), visit.id());
        assertThat(missing).containsExactly(OpportunityField.CORE_NEED);
        OpportunityDetails filled = editing.fill(
                o.id(), new GateInput(null, null, null, "检验科扩容", null, null, null, null, null, null), o.version());
        assertThat(moves.moveTo(o.id(), visit.id(), filled.version()).stageName())
                .isEqualTo("科室拜访");
    }

    @Test
    void funnelCountsEntriesAdvancesAndWins() {
        fx.signIn("rep6");
        long customer = fx.customer("rep6");
        long dm = fx.contact(customer, "DECISION_MAKER");
        OpportunityDetails o = fx.opportunity(customer)
                .amount("80000")
                .budget(BudgetRange.FROM_50K_TO_200K)
                .coreNeed("x")
                .contact(dm, "DECISION_MAKER")
                .create();
        moves.moveTo(o.id(), fx.medical().stages().get(1).id(), null);
        closing.win(o.id(), null, null, null);
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        Funnel f = funnels.funnel(
                java.util.Set.of(fx.userId("rep6")), fx.medical().id(), today.minusDays(1), today.plusDays(1));
        assertThat(f.won()).isGreaterThanOrEqualTo(1);
        StageConversion first = f.stages().getFirst();
        assertThat(first.entered()).isGreaterThanOrEqualTo(1);
        assertThat(first.conversion()).isGreaterThan(0);
        assertThat(f.winRate()).isGreaterThan(0);
    }
}
