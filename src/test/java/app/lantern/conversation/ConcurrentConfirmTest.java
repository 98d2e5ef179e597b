package app.lantern.conversation;

import static lantern.db.Tables.ACTIVITIES;
import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.pipeline.OpportunityDetails;
import app.lantern.pipeline.PipelineFixtures;
import app.lantern.shared.ConflictException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The rep and their manager confirm the same call at the same moment: the deal gets the items once, one call activity
 * is logged, and the other is told it was already confirmed (409).
 */
@SpringBootTest
class ConcurrentConfirmTest {

    @Autowired
    PipelineFixtures fx;

    @Autowired
    Conversations conversations;

    @Autowired
    DSLContext db;

    @AfterEach
    void signOut() {
        fx.signOut();
    }

    @Test
    void twoConfirmationsAtOnceLandOnce() throws Exception {
        fx.signIn("rep3");
        long customer = fx.customer("rep3");
        OpportunityDetails o = fx.opportunity(customer).create();
        ConversationView call = conversations.create(o.id(), "客户：价格太高了，预算就二三十万。销售：我下周三之前把新报价发给您。", "2026-10-09");
        fx.signOut();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (String who : List.of("rep3", "manager1")) {
                Callable<Object> confirm = () -> {
                    fx.signIn(who);
                    try {
                        start.await(5, TimeUnit.SECONDS);
                        return conversations.confirm(call.id(), call.draft());
                    } catch (ConflictException e) {
                        return e;
                    } finally {
                        fx.signOut();
                    }
                };
                results.add(pool.submit(confirm));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : results) {
                outcomes.add(f.get(30, TimeUnit.SECONDS));
            }
            assertThat(outcomes).filteredOn(ConversationView.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(ConflictException.class::isInstance).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.fetchCount(ACTIVITIES, ACTIVITIES.OPPORTUNITY_ID.eq(o.id())))
                .isEqualTo(1);
    }
}
