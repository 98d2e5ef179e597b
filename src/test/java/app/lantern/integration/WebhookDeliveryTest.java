package app.lantern.integration;

import static lantern.db.Tables.INTEGRATION_WEBHOOK_DELIVERIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.lantern.alert.AlertRaised;
import app.lantern.customer.CustomerForm;
import app.lantern.customer.CustomerManagement;
import app.lantern.notification.NotificationChannels;
import app.lantern.pipeline.OpportunityWon;
import app.lantern.shared.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Outbound webhooks against a real local HTTP server that checks every signature. */
@SpringBootTest(properties = "lantern.webhooks.timeout=1s")
class WebhookDeliveryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Webhooks webhooks;

    @Autowired
    WebhookDispatcher dispatcher;

    @Autowired
    CustomerManagement customers;

    @Autowired
    NotificationChannels channels;

    @Autowired
    UserDetailsService users;

    @Autowired
    DSLContext db;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void deliversASignedCustomerCreatedEventToTheSubscriber() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            long hook = subscribe(receiver, "customer.created");

            signIn("rep1");
            String customerId = customers
                    .create(CustomerForm.named("维护测试" + unique() + "有限公司"), true)
                    .id();
            signIn("admin");
            var delivery = awaitDelivery(hook);
            deliver(hook);

            assertThat(receiver.received()).hasSize(1);
            var got = receiver.received().getFirst();
            assertThat(got.signatureValid())
                    .as("signature verifies with the secret")
                    .isTrue();
            assertThat(got.event()).isEqualTo("customer.created");
            assertThat(got.delivery()).isEqualTo(String.valueOf(delivery));
            var body = JSON.readTree(got.body());
            assertThat(body.get("type").asString()).isEqualTo("customer.created");
            assertThat(body.get("data").get("customerId").asString()).isEqualTo(customerId);

            var logged = webhooks.delivery(delivery);
            assertThat(logged.status()).isEqualTo("DELIVERED");
            assertThat(logged.lastStatus()).isEqualTo(200);
            assertThat(webhooks.attempts(delivery)).singleElement().satisfies(a -> {
                assertThat(a.statusCode()).isEqualTo(200);
                assertThat(a.latencyMs()).isNotNegative();
            });
        }
    }

    @Test
    void queuesEachSubscribedEventOnceAndOnlyForItsSubscribers() throws Exception {
        try (WebhookReceiver wins = new WebhookReceiver();
                WebhookReceiver alerts = new WebhookReceiver()) {
            long winsHook = subscribe(wins, "opportunity.won");
            long alertsHook = subscribe(alerts, "alert.raised");
            OffsetDateTime at = OffsetDateTime.now(clock);
            long opportunity = System.nanoTime();
            var won = new OpportunityWon(opportunity, 7L, new java.math.BigDecimal("128000.00"), at, 7L);
            // published twice, as a listener re-run after a failure would see it: queued once
            tx.executeWithoutResult(s -> events.publishEvent(won));
            tx.executeWithoutResult(s -> events.publishEvent(won));
            tx.executeWithoutResult(s -> events.publishEvent(
                    new AlertRaised(opportunity, "STALE_STAGE", "opportunity", 9L, 7L, "HIGH", "阶段停滞 21 天", at)));

            awaitDelivery(winsHook);
            awaitDelivery(alertsHook);
            deliver(winsHook);
            deliver(alertsHook);

            assertThat(wins.received()).singleElement().satisfies(r -> {
                assertThat(r.event()).isEqualTo("opportunity.won");
                var data = JSON.readTree(r.body()).get("data");
                assertThat(data.get("opportunityId").asString()).isEqualTo(String.valueOf(opportunity));
                assertThat(data.get("amount").decimalValue()).isEqualByComparingTo("128000.00");
            });
            // the alert engine may raise real alerts for rep 7 meanwhile; ours is the one with our id
            assertThat(alerts.received())
                    .allMatch(r -> r.event().equals("alert.raised"))
                    .filteredOn(r -> JSON.readTree(r.body())
                            .get("data")
                            .get("alertId")
                            .asString()
                            .equals(String.valueOf(opportunity)))
                    .singleElement()
                    .satisfies(r -> assertThat(JSON.readTree(r.body())
                                    .get("data")
                                    .get("message")
                                    .asString())
                            .isEqualTo("阶段停滞 21 天"));
        }
    }

    @Test
    void retriesAfterAServerErrorAndATimeoutUntilTheReceiverAccepts() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.script(500, -1, 200);
            long hook = subscribe(receiver, "customer.created");

            var first = webhooks.test(hook);
            assertThat(first.status()).isEqualTo("PENDING");
            assertThat(first.lastStatus()).isEqualTo(500);
            assertThat(first.nextAttemptAt()).isAfter(OffsetDateTime.now(clock));

            makeDue(hook);
            deliver(hook);
            var second = webhooks.delivery(first.id());
            assertThat(second.status()).isEqualTo("PENDING");
            assertThat(second.lastStatus()).as("no answer within the timeout").isNull();
            assertThat(second.lastError()).containsIgnoringCase("timed out");

            makeDue(hook);
            deliver(hook);
            assertThat(webhooks.delivery(first.id()).status()).isEqualTo("DELIVERED");
            assertThat(webhooks.attempts(first.id()))
                    .extracting(Webhooks.Attempt::statusCode)
                    .containsExactly(500, null, 200);
            assertThat(receiver.received()).allMatch(WebhookReceiver.Received::signatureValid);
        }
    }

    @Test
    void switchingASubscriptionOffStopsItsRetries() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.script(503);
            long hook = subscribe(receiver, "alert.raised");
            var first = webhooks.test(hook);
            assertThat(first.status()).isEqualTo("PENDING");

            webhooks.setActive(hook, false);
            makeDue(hook);
            deliver(hook);

            assertThat(receiver.received()).as("no retry after switching off").hasSize(1);
            assertThat(webhooks.delivery(first.id()).status()).isEqualTo("CANCELLED");
        }
    }

    @Test
    void replaySendsTheSameEventAgainAsANewDelivery() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            long hook = subscribe(receiver, "customer.created");
            var first = webhooks.test(hook);
            assertThat(first.status()).isEqualTo("DELIVERED");

            long replay = webhooks.replay(first.id());
            deliver(hook);

            assertThat(replay).isNotEqualTo(first.id());
            assertThat(webhooks.delivery(replay).replayOf()).isEqualTo(first.id());
            assertThat(webhooks.delivery(replay).status()).isEqualTo("DELIVERED");
            assertThat(receiver.received()).hasSize(2);
            assertThat(receiver.received().get(1).delivery()).isEqualTo(String.valueOf(replay));
            assertThat(receiver.received().get(1).body())
                    .as("the same event, so that the receiver can deduplicate it")
                    .isEqualTo(receiver.received().get(0).body());
        }
    }

    @Test
    void refusesAnInternalUrlAndAnUnknownEvent() {
        signIn("admin");
        assertThatThrownBy(() -> webhooks.subscribe("http://169.254.169.254/latest", List.of("customer.created"), null))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors())
                        .anyMatch(f -> f.field().equals("url")));
        assertThatThrownBy(() -> webhooks.subscribe("http://127.0.0.1:9/hook", List.of("customer.deleted"), null))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors())
                        .anyMatch(f -> f.field().equals("events")));
    }

    private long subscribe(WebhookReceiver receiver, String event) {
        signIn("admin");
        channels.allowHost("127.0.0.1");
        var created = webhooks.subscribe(receiver.url(), List.of(event), "测试接收方");
        receiver.secret(created.secret());
        return created.subscription().id();
    }

    /** The hook's first delivery, once there is one (other events of the same kind may queue more meanwhile). */
    private long awaitDelivery(long hook) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> db.select(INTEGRATION_WEBHOOK_DELIVERIES.ID)
                                .from(INTEGRATION_WEBHOOK_DELIVERIES)
                                .where(INTEGRATION_WEBHOOK_DELIVERIES.WEBHOOK_ID.eq(hook))
                                .orderBy(INTEGRATION_WEBHOOK_DELIVERIES.ID)
                                .limit(1)
                                .fetchOptional(INTEGRATION_WEBHOOK_DELIVERIES.ID),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    /** Runs the dispatcher and waits until no delivery of the hook is due or being sent (the scheduler may help). */
    private void deliver(long hook) {
        dispatcher.deliverDue(50);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !db.fetchExists(
                        INTEGRATION_WEBHOOK_DELIVERIES,
                        INTEGRATION_WEBHOOK_DELIVERIES
                                .WEBHOOK_ID
                                .eq(hook)
                                .and(INTEGRATION_WEBHOOK_DELIVERIES
                                        .STATUS
                                        .eq("SENDING")
                                        .or(INTEGRATION_WEBHOOK_DELIVERIES
                                                .STATUS
                                                .eq("PENDING")
                                                .and(INTEGRATION_WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT.le(
                                                        OffsetDateTime.now(clock)))))));
    }

    private void makeDue(long hook) {
        db.update(INTEGRATION_WEBHOOK_DELIVERIES)
                .set(
                        INTEGRATION_WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT,
                        OffsetDateTime.now(clock).minusSeconds(1))
                .where(INTEGRATION_WEBHOOK_DELIVERIES.WEBHOOK_ID.eq(hook))
                .and(INTEGRATION_WEBHOOK_DELIVERIES.STATUS.eq("PENDING"))
                .execute();
    }

    private void signIn(String username) {
        var principal = users.loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
