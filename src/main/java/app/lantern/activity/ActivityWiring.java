package app.lantern.activity;

import static lantern.db.Tables.ACTIVITIES;

import app.lantern.customer.CustomersMerged;
import app.lantern.customer.TimelineItem;
import app.lantern.customer.TimelineSource;
import app.lantern.shared.nav.NavItem;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Navigation and reactions to customer events. */
@Configuration
class ActivityWiring {

    @Bean
    NavItem activitiesNav() {
        return new NavItem("nav.activities", "/activities", "journal-check", Set.of(), 25);
    }

    @Bean
    NavItem heatmapNav() {
        return new NavItem("nav.heatmap", "/activities/heatmap", "grid-3x3", Set.of("MANAGER", "EXECUTIVE", "ADMIN"), 26);
    }

    /** Re-points activities of a merged customer inside the merge transaction. */
    @Component
    static class CustomerMergeListener {

        private final DSLContext db;

        CustomerMergeListener(DSLContext db) {
            this.db = db;
        }

        @EventListener
        void on(CustomersMerged e) {
            db.update(ACTIVITIES).set(ACTIVITIES.CUSTOMER_ID, e.survivorId()).where(ACTIVITIES.CUSTOMER_ID.eq(e.mergedId())).execute();
        }
    }

    /** Activities on the customer timeline. */
    @Component
    static class ActivityTimeline implements TimelineSource {

        private final DSLContext db;

        ActivityTimeline(DSLContext db) {
            this.db = db;
        }

        @Override
        public List<TimelineItem> timeline(long customerId, int limit) {
            return db.selectFrom(ACTIVITIES).where(ACTIVITIES.CUSTOMER_ID.eq(customerId)).orderBy(ACTIVITIES.OCCURRED_AT.desc())
                    .limit(Math.max(1, Math.min(limit, 200)))
                    .fetch(r -> {
                        ActivityType type = ActivityType.valueOf(r.getType());
                        StringBuilder body = new StringBuilder();
                        body.append(r.getDurationMinutes()).append(" 分钟");
                        if (r.getParticipants() != null) {
                            body.append(" · ").append(r.getParticipants());
                        }
                        if (r.getOutcome() != null) {
                            body.append(" · ").append(r.getOutcome());
                        }
                        String link = r.getOpportunityId() == null ? "/activities?customerId=" + customerId : "/opportunities/" + r.getOpportunityId();
                        return new TimelineItem("activity", r.getOccurredAt(), type.label(), body.toString(), link, r.getOwnerId());
                    });
        }
    }
}
