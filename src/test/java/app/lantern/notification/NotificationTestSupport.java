package app.lantern.notification;

import static lantern.db.Tables.NOTIFICATIONS;
import static lantern.db.Tables.NOTIFICATION_DELIVERIES;

import app.lantern.identity.Directory;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import lantern.db.tables.records.NotificationDeliveriesRecord;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.transaction.support.TransactionTemplate;

/** Shared wiring for notification tests: channels against local fakes, workers with their own clocks and node ids. */
abstract class NotificationTestSupport {

    @Autowired
    NotificationChannels channels;

    @Autowired
    Notifications notifications;

    @Autowired
    NotificationPreferences preferences;

    @Autowired
    ChannelStore store;

    @Autowired
    List<ChannelSender> senders;

    @Autowired
    Directory directory;

    @Autowired
    MessageSource messages;

    @Autowired
    Clock clock;

    @Autowired
    MeterRegistry meters;

    @Autowired
    DSLContext db;

    @Autowired
    TransactionTemplate tx;

    final List<Long> createdChannels = new ArrayList<>();
    final String run = Long.toString(System.nanoTime(), 36);

    @BeforeEach
    void allowLocalServers() {
        channels.allowHost("127.0.0.1");
    }

    @AfterEach
    void disableChannels() {
        for (long id : createdChannels) {
            var c = channels.get(id);
            channels.update(
                    id,
                    new NotificationChannels.ChannelForm(
                            c.name(),
                            c.kind(),
                            c.endpoint(),
                            c.appId(),
                            c.agentId(),
                            c.credentialEnv(),
                            c.secretEnv(),
                            c.msgFormat(),
                            c.teamId(),
                            false,
                            false));
        }
    }

    long userId(String username) {
        return directory.userByUsername(username).orElseThrow().id();
    }

    /** A channel nobody receives unless they opt in, so tests never reach each other's fakes. */
    long channel(
            ChannelKind kind,
            String endpoint,
            String appId,
            String agentId,
            String credentialEnv,
            String secretEnv,
            String format) {
        long id = channels.create(new NotificationChannels.ChannelForm(
                kind + "-" + run + "-" + createdChannels.size(),
                kind,
                endpoint,
                appId,
                agentId,
                credentialEnv,
                secretEnv,
                format,
                null,
                false,
                true));
        createdChannels.add(id);
        return id;
    }

    static String env(String name, String value) {
        System.setProperty(name, value);
        return name;
    }

    void optIn(long userId, long channelId, String email, String wecomUserId, String mobile) {
        preferences.update(
                userId,
                new NotificationPreferences.PreferencesForm(
                        "zh-CN", email, wecomUserId, mobile, null, null, Set.of(channelId)));
    }

    long send(long userId, String title, String body) {
        return tx.execute(s -> notifications.store(
                        new Notification(userId, "test", title, body, "/notifications", "test-" + run + "-" + title)))
                .orElseThrow();
    }

    DeliveryWorker worker(String node, Clock workerClock, DeliveryWorker.Policy policy) {
        return new DeliveryWorker(
                db,
                senders,
                store,
                preferences,
                directory,
                messages,
                workerClock,
                meters,
                "https://lantern.example.com",
                node + "-" + run,
                policy);
    }

    DeliveryWorker worker(String node) {
        return worker(node, clock, DeliveryWorker.Policy.DEFAULT);
    }

    static void drain(DeliveryWorker worker) {
        for (int i = 0; i < 20 && worker.deliverDue(50) > 0; i++) {
            // until nothing is due
        }
    }

    NotificationDeliveriesRecord delivery(long notificationId) {
        return db.selectFrom(NOTIFICATION_DELIVERIES)
                .where(NOTIFICATION_DELIVERIES.NOTIFICATION_ID.eq(notificationId))
                .fetchSingle();
    }

    int notificationsWithKey(long userId, String dedupKey) {
        return db.fetchCount(
                NOTIFICATIONS, NOTIFICATIONS.RECIPIENT_USER_ID.eq(userId).and(NOTIFICATIONS.DEDUP_KEY.eq(dedupKey)));
    }

    static Clock later(Clock base, Duration by) {
        return Clock.offset(base, by);
    }
}
