package app.lantern.pipeline;

import static lantern.db.Tables.OPPORTUNITIES;

import app.lantern.customer.CustomersMerged;
import app.lantern.customer.TimelineItem;
import app.lantern.customer.TimelineSource;
import app.lantern.identity.Directory;
import app.lantern.identity.UserSummary;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import app.lantern.shared.nav.NavItem;

/** Navigation, the nightly health recompute, and reactions to customer events. */
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
    RecurringTask<Void> healthRecomputeTask(HealthEngine engine, java.time.Clock clock) {
        ZoneId zone = clock.getZone();
        return Tasks.recurring("pipeline-health-nightly", Schedules.daily(zone, LocalTime.of(2, 30)))
                .execute((instance, ctx) -> engine.recomputeAll());
    }

    /** Re-points opportunities of a merged customer inside the merge transaction. */
    @Component
    static class CustomerMergeListener {

        private final DSLContext db;

        CustomerMergeListener(DSLContext db) {
            this.db = db;
        }

        @EventListener
        void on(CustomersMerged e) {
            db.update(OPPORTUNITIES).set(OPPORTUNITIES.CUSTOMER_ID, e.survivorId()).where(OPPORTUNITIES.CUSTOMER_ID.eq(e.mergedId())).execute();
        }
    }

    /** Opportunities on the customer timeline: created, and won or lost. */
    @Component
    static class OpportunityTimeline implements TimelineSource {

        private final DSLContext db;
        private final Directory directory;

        OpportunityTimeline(DSLContext db, Directory directory) {
            this.db = db;
            this.directory = directory;
        }

        @Override
        public List<TimelineItem> timeline(long customerId, int limit) {
            List<TimelineItem> items = new java.util.ArrayList<>();
            db.selectFrom(OPPORTUNITIES).where(OPPORTUNITIES.CUSTOMER_ID.eq(customerId)).orderBy(OPPORTUNITIES.CREATED_AT.desc())
                    .limit(Math.max(1, Math.min(limit, 200))).forEach(r -> {
                        String owner = directory.user(r.getOwnerId()).map(UserSummary::displayName).orElse("");
                        String link = "/opportunities/" + r.getId();
                        items.add(new TimelineItem("opportunity", r.getCreatedAt(), "新建商机：" + r.getName(),
                                (r.getAmount() == null ? "" : "金额 ¥" + r.getAmount().toPlainString() + " · ") + "负责人 " + owner,
                                link, r.getOwnerId()));
                        if (r.getClosedAt() != null) {
                            boolean won = "WON".equals(r.getStatus());
                            items.add(new TimelineItem("opportunity", r.getClosedAt(), (won ? "赢单：" : "输单：") + r.getName(),
                                    won ? "成交金额 ¥" + (r.getAmount() == null ? "—" : r.getAmount().toPlainString())
                                            : "原因：" + (r.getLossReason() == null ? "—" : r.getLossReason()),
                                    link, r.getOwnerId()));
                        }
                    });
            items.sort((a, b) -> b.occurredAt().compareTo(a.occurredAt()));
            return items.size() > limit ? items.subList(0, limit) : items;
        }
    }
}
