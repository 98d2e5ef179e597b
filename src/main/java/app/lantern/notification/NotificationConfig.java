package app.lantern.notification;

import app.lantern.identity.Directory;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delivery worker of this node, its db-scheduler job (every 5 s, one node at a time) and the reach gauges. */
@Configuration(proxyBeanMethods = false)
class NotificationConfig {

    @Bean
    DeliveryWorker deliveryWorker(
            DSLContext db,
            List<ChannelSender> senders,
            ChannelStore channels,
            NotificationPreferences preferences,
            Directory directory,
            MessageSource messages,
            Clock clock,
            MeterRegistry meters,
            @Value("${lantern.public-url:http://localhost:${server.port:8080}}") String publicUrl) {
        return new DeliveryWorker(
                db,
                senders,
                channels,
                preferences,
                directory,
                messages,
                clock,
                meters,
                publicUrl,
                nodeName(),
                DeliveryWorker.Policy.DEFAULT);
    }

    @Bean
    ReachGauges reachGauges(Notifications notifications, MeterRegistry meters) {
        return new ReachGauges(notifications, meters);
    }

    @Bean
    RecurringTask<Void> notificationDeliveryTask(DeliveryWorker worker, ReachGauges gauges) {
        return Tasks.recurring("notification-delivery", FixedDelay.ofSeconds(5)).execute((instance, context) -> {
            while (worker.deliverDue(50) == 50) {
                // keep going while there is a backlog
            }
            gauges.refresh();
        });
    }

    private static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "node";
        }
        return (host.length() > 40 ? host.substring(0, 40) : host) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /** {@code lantern.notifications.reach{channel,kind}} = delivered / sent over the last 30 days. */
    static class ReachGauges {
        private final Notifications notifications;
        private final MultiGauge gauge;

        ReachGauges(Notifications notifications, MeterRegistry meters) {
            this.notifications = notifications;
            this.gauge = MultiGauge.builder("lantern.notifications.reach")
                    .description("delivered / sent per channel, last 30 days")
                    .register(meters);
        }

        void refresh() {
            gauge.register(
                    notifications.reach(Duration.ofDays(30)).stream()
                            .map(r -> MultiGauge.Row.of(Tags.of("channel", r.channel(), "kind", r.kind()), r.rate()))
                            .toList(),
                    true);
        }
    }
}
