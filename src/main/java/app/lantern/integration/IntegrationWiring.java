package app.lantern.integration;

import app.lantern.shared.nav.NavItem;
import app.lantern.shared.net.OutboundGuard;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The webhook dispatcher and its retry policy, the scheduled jobs and the admin menu entries of the module. */
@Configuration(proxyBeanMethods = false)
class IntegrationWiring {

    @Bean
    WebhookDispatcher webhookDispatcher(
            DSLContext db,
            OutboundGuard guard,
            Clock clock,
            @Value("${lantern.webhooks.backoff:30s}") Duration backoff,
            @Value("${lantern.webhooks.max-backoff:6h}") Duration maxBackoff,
            @Value("${lantern.webhooks.max-attempts:8}") int maxAttempts,
            @Value("${lantern.webhooks.timeout:10s}") Duration timeout) {
        return new WebhookDispatcher(
                db, guard, clock, new WebhookDispatcher.Policy(backoff, maxBackoff, maxAttempts, timeout));
    }

    @Bean
    RecurringTask<Void> integrationWebhookDeliveryTask(WebhookDispatcher dispatcher) {
        return Tasks.recurring("integration-webhook-delivery", FixedDelay.ofSeconds(10))
                .execute((instance, ctx) -> {
                    while (dispatcher.deliverDue(50) == 50) {
                        // keep going while there is a backlog
                    }
                });
    }

    @Bean
    RecurringTask<Void> integrationIdempotencyPurgeTask(IdempotencyKeys keys) {
        return Tasks.recurring("integration-idempotency-purge", FixedDelay.ofHours(1))
                .execute((instance, ctx) -> keys.purgeExpired());
    }

    @Bean
    RecurringTask<Void> integrationWeComSyncTask(WeComSync sync, WeComCallbacks callbacks) {
        return Tasks.recurring("integration-wecom-sync", FixedDelay.ofSeconds(10))
                .execute((instance, ctx) -> {
                    while (sync.processDue(20) == 20) {
                        // keep going while there is a backlog
                    }
                    callbacks.purgeNonces();
                });
    }

    @Bean
    NavItem integrationWeComNav() {
        return new NavItem("nav.integration.wecom", "/admin/integrations/wecom", "wechat", Set.of("ADMIN"), 931);
    }

    @Bean
    NavItem integrationWebhooksNav() {
        return new NavItem(
                "nav.integration.webhooks", "/admin/integrations/webhooks", "broadcast", Set.of("ADMIN"), 930);
    }
}
