package app.lantern.pipeline;

import app.lantern.shared.nav.NavItem;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pipeline pages in the main navigation, and the nightly health recompute (time decay). */
@Configuration
class PipelineWiring {

    @Bean
    NavItem opportunitiesNav() {
        return new NavItem("nav.pipeline", "/opportunities/board", "kanban", Set.of(), 20);
    }

    @Bean
    NavItem pipelinesAdminNav() {
        return new NavItem("nav.pipelines.admin", "/admin/pipelines", "sliders", Set.of("ADMIN"), 90);
    }

    /** Nightly at 02:30 business time: time decay of every open opportunity's health score. */
    @Bean
    RecurringTask<Void> healthRecomputeTask(HealthEngine engine, Clock clock) {
        ZoneId zone = clock.getZone();
        return Tasks.recurring("pipeline-health-nightly", Schedules.daily(zone, LocalTime.of(2, 30)))
                .execute((instance, ctx) -> engine.recomputeAll());
    }
}
