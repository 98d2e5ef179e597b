package app.lantern.audit;

import app.lantern.shared.nav.NavItem;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    NavItem auditNav() {
        return new NavItem("nav.audit", "/admin/audit", "shield-check", Set.of("ADMIN"), 910);
    }

    @Bean
    NavItem securityEventsNav() {
        return new NavItem("nav.securityEvents", "/admin/security-events", "shield-exclamation", Set.of("ADMIN"), 911);
    }

    /** Checkpoints the chain head regularly (once across all nodes); {@code lantern.audit.checkpoint-interval}, default 1 h. */
    @Bean
    RecurringTask<Void> auditCheckpointTask(
            AuditCheckpoints checkpoints, @Value("${lantern.audit.checkpoint-interval:PT1H}") Duration interval) {
        return Tasks.recurring("audit-checkpoint", FixedDelay.of(interval))
                .execute((instance, context) -> checkpoints.checkpoint("scheduled"));
    }
}
