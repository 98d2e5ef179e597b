package app.lantern.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.shared.ConflictException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A rep and their manager drag the same card at the same moment, both from the version they see: exactly one move
 * lands; the other gets a conflict (409) carrying the current version, and the history shows one move.
 */
@SpringBootTest
class ConcurrentStageMoveTest {

    @Autowired
    PipelineFixtures fx;

    @Autowired
    StageMoves moves;

    @Autowired
    OpportunityQueries queries;

    @Autowired
    OpportunityClosing closing;

    @AfterEach
    void signOut() {
        fx.signOut();
    }

    @Test
    void twoUsersMovingTheSameDealAtOnceOneWinsTheOtherIsToldItChanged() throws Exception {
        fx.signIn("rep2");
        long customer = fx.customer("rep2");
        long dm = fx.contact(customer, "DECISION_MAKER");
        OpportunityDetails o = fx.opportunity(customer)
                .amount("120000")
                .budget(BudgetRange.FROM_50K_TO_200K)
                .coreNeed("CT 更新")
                .contact(dm, "DECISION_MAKER")
                .create();
        StageView visit = fx.medical().stages().get(1);
        StageView demo = fx.medical().stages().get(2);
        fx.signOut();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (String[] who :
                    new String[][] {{"rep2", String.valueOf(visit.id())}, {"manager1", String.valueOf(demo.id())}}) {
                Callable<Object> move = () -> {
                    fx.signIn(who[0]);
                    try {
                        start.await(5, TimeUnit.SECONDS);
                        return moves.moveTo(o.id(), Long.parseLong(who[1]), o.version());
                    } catch (ConflictException e) {
                        return e;
                    } finally {
                        fx.signOut();
                    }
                };
                results.add(pool.submit(move));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : results) {
                outcomes.add(f.get(30, TimeUnit.SECONDS));
            }
            assertThat(outcomes)
                    .filteredOn(OpportunityDetails.class::isInstance)
                    .hasSize(1);
            assertThat(outcomes)
                    .filteredOn(ConflictException.class::isInstance)
                    .singleElement()
                    .satisfies(e -> assertThat(((ConflictException) e).properties())
                            .containsEntry("currentVersion", o.version() + 1));
        } finally {
            pool.shutdownNow();
        }
        fx.signIn("rep2");
        OpportunityDetails after = queries.visible(o.id());
        assertThat(after.version()).isEqualTo(o.version() + 1);
        assertThat(after.history()).hasSize(2);
        assertThat(after.stageId()).isIn(visit.id(), demo.id());
    }

    @Test
    void aClosedDealReopensInItsStageAndCanMoveAgain() {
        fx.signIn("rep3");
        long customer = fx.customer("rep3");
        OpportunityDetails o = fx.opportunity(customer).amount("9000").create();
        OpportunityDetails lost = closing.lose(o.id(), "预算冻结", o.version());
        OpportunityDetails reopened = closing.reopen(o.id(), lost.version());
        assertThat(reopened.status()).isEqualTo(OpportunityStatus.OPEN);
        assertThat(reopened.lossReason()).isNull();
        assertThat(reopened.closedAt()).isNull();
        assertThat(reopened.stageId()).isEqualTo(o.stageId());
        assertThat(reopened.history()).hasSize(2);
        assertThat(reopened.history().getFirst().exitKind()).isEqualTo("LOST");
    }
}
