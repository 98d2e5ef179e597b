package app.lantern.alert;

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

    @Autowired AlertEngine engine;
    @Autowired PipelineFixtures fx;
    @Autowired ActivityService activities;
    @Autowired DSLContext db;
    @Autowired Clock clock;

    @AfterEach
    void signOut() {
        fx.signOut();
    }

    private boolean staleAlertOpen(long opportunityId) {
        return db.fetchOne("select id from alerts where open_key = ?", Alerts.openKey(AlertEngine.STAGE_STALE, "opportunity", opportunityId)) != null;
    }

    @Test
    void aWorkedDealLeftInItsStageIsAlertedAndADealNobodyWorksIsNot() {
        fx.signIn("rep16");
        long rep = fx.userId("rep16");
        long customer = fx.customer("rep16");
        long worked = fx.opportunity(customer).create().id();
        long idle = fx.opportunity(customer).create().id();
        OffsetDateTime now = OffsetDateTime.now(clock);
        activities.log(new ActivityInput(ActivityType.VISIT, now.minusHours(3).withNano(0), null, customer, worked, List.of(), null,
                "客户在比较两家方案", "下周再约", null));

        // a week and a half later: both deals are still in their first stage
        engine.evaluateRep(rep, now.plusDays(10));
        assertThat(staleAlertOpen(worked)).as("visited 10 days ago, stage untouched").isTrue();
        assertThat(staleAlertOpen(idle)).as("nothing logged: the health alert's business").isFalse();

        // once the visit is older than 14 days the deal is no longer active and the alert clears itself
        engine.evaluateRep(rep, now.plusDays(20));
        assertThat(staleAlertOpen(worked)).isFalse();
    }
}
