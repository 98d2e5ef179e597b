package app.lantern.customer;

import app.lantern.shared.nav.NavItem;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Navigation and the monthly value-scoring job. */
@Configuration(proxyBeanMethods = false)
class CustomerWiring {

    @Bean
    NavItem customersNav() {
        return new NavItem(
                "nav.customers",
                "/customers",
                "buildings",
                Set.of("REP", "MANAGER", "EXECUTIVE", "ADMIN"),
                100,
                "nav.menu.customers");
    }

    @Bean
    NavItem customerImportsNav() {
        return new NavItem(
                "nav.customerImports",
                "/customers/imports",
                "cloud-upload",
                Set.of("REP", "MANAGER", "EXECUTIVE", "ADMIN"),
                105,
                "nav.menu.customers");
    }

    @Bean
    NavItem customerValueNav() {
        return new NavItem("nav.customerValue", "/customers/value", "sliders", Set.of("ADMIN"), 106);
    }

    /** Value scores and tiers, on the 1st of every month at 03:00 business time (runs once across nodes). */
    @Bean
    RecurringTask<Void> customerValueTask(CustomerValue value, Clock clock) {
        return Tasks.recurring("customer-value-monthly", Schedules.cron("0 0 3 1 * ?", clock.getZone()))
                .execute((instance, ctx) -> value.recompute());
    }
}
