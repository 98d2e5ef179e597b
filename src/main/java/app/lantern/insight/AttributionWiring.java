package app.lantern.insight;

import app.lantern.shared.nav.NavItem;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 归因分析 and 过程诊断 for managers and executives, under the decisions menu; the monthly attribution push. */
@Configuration(proxyBeanMethods = false)
class AttributionWiring {

    /** Daily at 09:00 business time; sends only on the 2nd–5th working day, once per recipient and month. */
    @Bean
    RecurringTask<Void> attributionPushTask(AttributionPush push, Clock clock) {
        return Tasks.recurring("attribution-push", Schedules.cron("0 0 9 * * *", clock.getZone()))
                .execute((instance, context) -> push.pushIfDue(LocalDate.now(clock)));
    }

    @Bean
    NavItem attributionNav() {
        return new NavItem(
                "nav.attribution",
                "/attribution",
                "bar-chart-steps",
                Set.of("MANAGER", "EXECUTIVE"),
                70,
                "nav.menu.goals");
    }

    @Bean
    NavItem diagnosticsNav() {
        return new NavItem(
                "nav.diagnostics", "/diagnostics", "activity", Set.of("MANAGER", "EXECUTIVE"), 71, "nav.menu.goals");
    }
}
