package app.lantern.activity;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.pipeline.PipelineFixtures;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

/** The activity module with the modules below it: logging publishes {@link ActivityLogged}, observed with {@link Scenario}. */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "pipeline")
class ActivityModuleTest {

    @Autowired
    PipelineFixtures fx;

    @Autowired
    ActivityService activities;

    @Autowired
    Clock clock;

    @AfterEach
    void signOut() {
        fx.signOut();
    }

    @Test
    void loggingAVisitPublishesItWithItsOwnerAndCustomer(Scenario scenario) {
        fx.signIn("rep11");
        long customer = fx.customer("rep11");
        long rep = fx.userId("rep11");
        OffsetDateTime at = OffsetDateTime.now(clock).minusHours(2);
        scenario.stimulate(() ->
                        activities.log(ActivityMother.aVisit(customer).at(at).input()))
                .andWaitForEventOfType(ActivityLogged.class)
                .matching(e -> e.customerId() != null && e.customerId() == customer)
                .toArriveAndVerify(e -> {
                    assertThat(e.ownerId()).isEqualTo(rep);
                    assertThat(e.type()).isEqualTo(ActivityType.VISIT);
                    assertThat(e.occurredAt()).isEqualTo(at);
                });
    }
}
