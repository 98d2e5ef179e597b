package app.lantern.alert;

import static lantern.db.Tables.OPPORTUNITIES;
import static lantern.db.Tables.OPPORTUNITY_STAGE_HISTORY;
import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.activity.ActivityInput;
import app.lantern.activity.ActivityService;
import app.lantern.activity.ActivityType;
import app.lantern.pipeline.PipelineFixtures;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** 商机阶段停滞 is about active deals: worked on (something logged in the last 14 days) yet left in their stage. */
@SpringBootTest
class StageStaleRuleTest {

    @Autowired
    AlertEngine engine;

    @Autowired
    RepEvaluationQueue queue;

    @Autowired
    PipelineFixtures fx;

    @Autowired
    ActivityService activities;

    @Autowired
    DSLContext db;

    @Autowired
    Clock clock;

    @AfterEach
    void signOut() {
        fx.signOut();
    }

    private boolean staleAlertOpen(long opportunityId) {
        return db.fetchOne(
                        "select id from alerts where open_key = ?",
                        Alerts.openKey(AlertEngine.STAGE_STALE, "opportunity", opportunityId))
                != null;
    }

    private void awaitIdle() throws InterruptedException {
        for (int i = 0; i < 300 && !queue.idle(); i++) {
            Thread.sleep(100);
        }
        assertThat(queue.idle()).as("pending rule evaluations finished").isTrue();
    }

    @Test
    void aWorkedDealLeftInItsStageIsAlertedAndADealNobodyWorksIsNot() throws InterruptedException {
        fx.signIn("rep16");
        long rep = fx.userId("rep16");
        long customer = fx.customer("rep16");
        long worked = fx.opportunity(customer).create().id();
        long idle = fx.opportunity(customer).create().id();
        // both deals entered their first stage three weeks ago and have stayed there
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (long deal : new long[] {worked, idle}) {
            db.update(OPPORTUNITIES)
                    .set(OPPORTUNITIES.CREATED_AT, now.minusDays(21))
                    .where(OPPORTUNITIES.ID.eq(deal))
                    .execute();
            db.update(OPPORTUNITY_STAGE_HISTORY)
                    .set(OPPORTUNITY_STAGE_HISTORY.ENTERED_AT, now.minusDays(21))
                    .where(OPPORTUNITY_STAGE_HISTORY.OPPORTUNITY_ID.eq(deal))
                    .execute();
        }
        activities.log(new ActivityInput(
                ActivityType.VISIT,
                now.minusHours(3).withNano(0),
                null,
                customer,
                worked,
                List.of(),
                null,
                "客户在比较两家方案",
                "下周再约",
                null));
        // the re-evaluations the changes asked for run in the background at today's time too; let them finish
        awaitIdle();

        engine.evaluateRep(rep, now);
        assertThat(staleAlertOpen(worked))
                .as("visited today, stage untouched for three weeks")
                .isTrue();
        assertThat(staleAlertOpen(idle))
                .as("nothing logged: the health alert's business")
                .isFalse();

        // once the visit is older than 14 days the deal is no longer active and the alert clears itself
        engine.evaluateRep(rep, now.plusDays(15));
        assertThat(staleAlertOpen(worked)).isFalse();
    }
}
