package app.lantern.alert;

import app.lantern.identity.Actor;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.Role;
import app.lantern.pipeline.InterventionStatus;
import app.lantern.pipeline.Interventions;
import app.lantern.pipeline.OpportunityCreated;
import app.lantern.pipeline.OpportunityHealthChanged;
import app.lantern.pipeline.OpportunityLost;
import app.lantern.pipeline.OpportunityStageChanged;
import app.lantern.pipeline.OpportunityWon;
import app.lantern.quote.Quotes;
import app.lantern.shared.nav.NavItem;
import app.lantern.shared.web.LandingWidget;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** The evaluation job (every 30 minutes, one node at a time), re-evaluation on pipeline events, and navigation. */
@Configuration(proxyBeanMethods = false)
class AlertWiring {

    @Bean
    RecurringTask<Void> alertEvaluationTask(AlertEngine engine, Clock clock) {
        return Tasks.recurring("alert-evaluation", FixedDelay.ofMinutes(30))
                .execute((instance, context) -> engine.evaluateAll(OffsetDateTime.now(clock)));
    }

    /** The daily brief at {@code lantern.brief.time} (default 08:30) in the business zone; skipped on non-working days. */
    @Bean
    RecurringTask<Void> dailyBriefTask(
            DailyBrief brief,
            Clock clock,
            @org.springframework.beans.factory.annotation.Value("${lantern.brief.time:08:30}") String time) {
        java.time.LocalTime at = java.time.LocalTime.parse(time);
        return Tasks.recurring(
                        "daily-brief",
                        com.github.kagkarlsson.scheduler.task.schedule.Schedules.cron(
                                "0 " + at.getMinute() + " " + at.getHour() + " * * *", clock.getZone()))
                .execute((instance, context) -> brief.sendAll(java.time.LocalDate.now(clock)));
    }

    @Bean
    NavItem alertsNav() {
        return new NavItem(
                "nav.alerts",
                "/alerts",
                "exclamation-triangle",
                Set.of("MANAGER", "EXECUTIVE", "REP"),
                45,
                "nav.menu.alerts");
    }

    @Bean
    NavItem briefNav() {
        return new NavItem("nav.brief", "/briefs", "sunrise", Set.of("MANAGER", "REP"), 46, "nav.menu.alerts");
    }

    /**
     * The signed-in user's to-dos on the rep's and the manager's landing page: tasks opened by alert rules, and for a
     * manager the quotes waiting for their approval and the open interventions, counted exactly as their pages list
     * them.
     */
    @Bean
    LandingWidget alertTasksWidget(
            AlertTasks tasks, CurrentActor currentActor, Quotes quotes, Interventions interventions) {
        return LandingWidget.of(Set.of("REP", "MANAGER"), 5, "alert/tasks :: widget", () -> {
            Actor actor = currentActor.require();
            boolean manager = actor.has(Role.MANAGER);
            return Map.of(
                    "tasks",
                    tasks.of(actor.userId(), 8),
                    "approvals",
                    manager ? quotes.awaitingMyApproval().size() : 0,
                    "interventions",
                    manager
                            ? interventions
                                    .visible(InterventionStatus.OPEN, INTERVENTIONS_PAGE)
                                    .size()
                            : 0);
        });
    }

    /** As many interventions as their page lists. */
    static final int INTERVENTIONS_PAGE = 300;

    @Bean
    NavItem alertRulesNav() {
        return new NavItem("nav.alertRules", "/admin/alert-rules", "sliders", Set.of("ADMIN"), 920);
    }

    /** A pipeline change may start or end an alert for its rep at once, without waiting for the next run. */
    @Component
    static class PipelineListener {
        private final RepEvaluationQueue queue;

        PipelineListener(RepEvaluationQueue queue) {
            this.queue = queue;
        }

        @TransactionalEventListener
        void on(OpportunityCreated e) {
            queue.request(e.ownerId());
        }

        @TransactionalEventListener
        void on(OpportunityStageChanged e) {
            queue.request(e.ownerId());
        }

        @TransactionalEventListener
        void on(OpportunityHealthChanged e) {
            queue.request(e.ownerId());
        }

        @TransactionalEventListener
        void on(OpportunityWon e) {
            queue.request(e.ownerId());
        }

        @TransactionalEventListener
        void on(OpportunityLost e) {
            queue.request(e.ownerId());
        }
    }
}
