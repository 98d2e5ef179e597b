package app.lantern.activity;

import static lantern.db.Tables.ACTIVITIES;

import app.lantern.customer.TimelineItem;
import app.lantern.customer.TimelineSource;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Each logged activity is one entry of its customer's timeline, linking to its opportunity when it has one. */
@Component
class ActivityTimeline implements TimelineSource {

    private final DSLContext db;

    ActivityTimeline(DSLContext db) {
        this.db = db;
    }

    @Override
    public List<TimelineItem> timeline(long customerId, int limit) {
        return db.selectFrom(ACTIVITIES)
                .where(ACTIVITIES.CUSTOMER_ID.eq(customerId))
                .orderBy(ACTIVITIES.OCCURRED_AT.desc())
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
                    String link = r.getOpportunityId() == null
                            ? "/activities?customerId=" + customerId
                            : "/opportunities/" + r.getOpportunityId();
                    return new TimelineItem(
                            "activity", r.getOccurredAt(), type.label(), body.toString(), link, r.getOwnerId());
                });
    }
}
