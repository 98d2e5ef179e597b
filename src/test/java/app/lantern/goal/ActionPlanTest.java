package app.lantern.goal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** G2 derivation without Spring: a rep with little history and a star rep, in a team of five. */
class ActionPlanTest {

    /** Two closed deals (both won, small), three opportunities and a few visits in 12 weeks. */
    static final ActionPlan.History THIN = new ActionPlan.History(2, 0, new BigDecimal("60000"), 9, 1, 3, 2, 1, 1);

    /** Forty closed deals, 24 won at 200k each; 40 opportunities from 160 visits, busy weeks of up to 20 visits. */
    static final ActionPlan.History STAR =
            new ActionPlan.History(24, 16, new BigDecimal("4800000"), 160, 30, 40, 20, 6, 4);

    /** Three ordinary reps: 10 closed, 3 won at 100k each; 10 opportunities from 40 visits. */
    static final ActionPlan.History ORDINARY =
            new ActionPlan.History(3, 7, new BigDecimal("300000"), 40, 6, 10, 6, 2, 1);

    static final ActionPlan.History TEAM =
            THIN.plus(STAR).plus(ORDINARY).plus(ORDINARY).plus(ORDINARY);

    @Test
    void aThinHistoryIsPulledTowardsTheTeamAndAStarKeepsTheirOwnRates() {
        ActionPlan thin = ActionPlan.derive(new BigDecimal("5706492"), THIN, TEAM, 5, 12);
        ActionPlan star = ActionPlan.derive(new BigDecimal("5706492"), STAR, TEAM, 5, 12);
        double teamWinRate = (double) TEAM.won() / (TEAM.won() + TEAM.lost());

        // the thin rep won 2 of 2: taken at face value that is a 100% win rate; shrunk, it stays near the team's
        assertThat(thin.winRate().rep()).isEqualTo(1.0);
        assertThat(thin.winRate().repShare()).isLessThan(0.2);
        assertThat(Math.abs(thin.winRate().value() - teamWinRate))
                .isLessThan(Math.abs(1.0 - thin.winRate().value()));
        assertThat(thin.funnelSource()).isEqualTo("team");
        // the star's forty closed deals outweigh the prior
        assertThat(star.winRate().repShare()).isGreaterThan(0.75);
        assertThat(Math.abs(star.winRate().value() - 0.6))
                .isLessThan(Math.abs(star.winRate().value() - teamWinRate));
        assertThat(star.funnelSource()).isEqualTo("rep");
        assertThat(star.averageDeal().value()).isGreaterThan(thin.averageDeal().value());
    }

    @Test
    void bothTargetsStayWithinCapacityEvenForAGapNobodyCanClose() {
        BigDecimal huge = new BigDecimal("50000000");
        for (ActionPlan.History rep : new ActionPlan.History[] {THIN, STAR}) {
            ActionPlan plan = ActionPlan.derive(huge, rep, TEAM, 5, 3);
            for (ActionPlan.Bounded b :
                    new ActionPlan.Bounded[] {plan.visits(), plan.newOpportunities(), plan.demos()}) {
                assertThat(b.target()).isBetween(b.floor(), b.capacity());
                assertThat(b.capacity())
                        .isEqualTo(Math.max(b.floor(), (int) Math.ceil(b.bestWeek() * ActionPlan.CAPACITY_FACTOR)));
            }
            assertThat(plan.capped()).isTrue();
            assertThat(plan.visits().bound()).isEqualTo(ActionPlan.Bound.CAPACITY);
        }
        ActionPlan thin = ActionPlan.derive(huge, THIN, TEAM, 5, 3);
        // the thin rep's own best week was 2 visits: capacity follows the team's typical best week instead
        assertThat(thin.visits().bestWeek()).isEqualTo((2 + 20 + 6 * 3) / 5);
        assertThat(thin.visits().target()).isEqualTo(12);
        ActionPlan star = ActionPlan.derive(huge, STAR, TEAM, 5, 3);
        assertThat(star.visits().target()).isEqualTo(30);
    }

    @Test
    void theExplanationMultipliesOutToTheTarget() {
        ActionPlan plan = ActionPlan.derive(new BigDecimal("900000"), ORDINARY, TEAM, 5, 17);

        assertThat(plan.dealsNeeded())
                .isCloseTo(plan.gap().doubleValue() / plan.averageDeal().value(), within(0.005));
        assertThat(plan.opportunitiesNeeded())
                .isCloseTo(plan.dealsNeeded() / plan.winRate().value(), within(0.005));
        assertThat(plan.weeksLeft()).isEqualTo(3.4);
        assertThat(plan.opportunitiesPerWeek()).isCloseTo(plan.opportunitiesNeeded() / plan.weeksLeft(), within(0.005));
        assertThat(plan.newOpportunities().needed()).isEqualTo((int) Math.ceil(plan.opportunitiesPerWeek()));
        assertThat(plan.visits().needed()).isEqualTo((int) Math.ceil(
                plan.opportunitiesPerWeek() * plan.visitsPerOpportunity().value() - 1e-9));
        for (ActionPlan.Bounded b : new ActionPlan.Bounded[] {plan.visits(), plan.newOpportunities(), plan.demos()}) {
            assertThat(b.target()).isEqualTo(Math.min(b.capacity(), Math.max(b.floor(), b.needed())));
        }
        ActionPlan.Rate w = plan.winRate();
        assertThat(w.value())
                .isCloseTo(
                        (w.evidence() * w.rep() + w.priorWeight() * w.team()) / (w.evidence() + w.priorWeight()),
                        within(0.001));
    }

    @Test
    void noGapAsksOnlyForTheFloor() {
        ActionPlan plan = ActionPlan.derive(BigDecimal.ZERO, STAR, TEAM, 5, 10);
        assertThat(plan.visits().target()).isEqualTo(ActionPlan.FLOOR_VISITS);
        assertThat(plan.newOpportunities().target()).isEqualTo(ActionPlan.FLOOR_NEW_OPPORTUNITIES);
        assertThat(plan.visits().bound()).isEqualTo(ActionPlan.Bound.FLOOR);
        assertThat(plan.capped()).isFalse();
    }

    @Test
    void aReplanForTheSameGapIsThePlanAndABetterWinRateAsksForFewerOpportunities() {
        ActionPlan plan = ActionPlan.derive(new BigDecimal("800000"), ORDINARY, TEAM, 5, 12);

        assertThat(plan.replan(new BigDecimal("800000"), 1.0)).isEqualTo(plan);
        ActionPlan bigger = plan.replan(new BigDecimal("1600000"), 1.0);
        assertThat(bigger.dealsNeeded()).isEqualTo(plan.dealsNeeded() * 2, within(0.02));
        ActionPlan better = plan.replan(new BigDecimal("800000"), 1.5);
        assertThat(better.winRate().value()).isGreaterThan(plan.winRate().value());
        assertThat(better.opportunitiesNeeded()).isLessThan(plan.opportunitiesNeeded());
        assertThat(better.newOpportunities().target())
                .isLessThanOrEqualTo(plan.newOpportunities().target());
        assertThat(plan.replan(new BigDecimal("-5"), 1.0).gap()).isEqualByComparingTo("0");
    }
}
