package app.lantern.activity;

import static lantern.db.Tables.ACTIVITIES;

import app.lantern.customer.TimelineItem;
import app.lantern.customer.TimelineSource;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Each logged activity is one entry of its customer's timeline, linking to its opportunity when it has one. */
@Component
class ActivityTimeline implements TimelineSource {

    private final DSLContext db;
    private final MessageSource messages;

    ActivityTimeline(DSLContext db, MessageSource messages) {
        this.db = db;
        this.messages = messages;
    }

    @Override
    public List<TimelineItem> timeline(long customerId, int limit) {
        return db.selectFrom(ACTIVITIES)
                .where(ACTIVITIES.CUSTOMER_ID.eq(customerId))
                .orderBy(ACTIVITIES.OCCURRED_AT.desc())
                .limit(Math.max(1, Math.min(limit, 200)))
                .fetch(r -> {
                    Locale locale = LocaleContextHolder.getLocale();
                    StringBuilder body = new StringBuilder(
                            messages.getMessage("activity.minutesOf", new Object[] {r.getDurationMinutes()}, locale));
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
                            "activity",
                            r.getOccurredAt(),
                            messages.getMessage("activity.type." + r.getType(), null, locale),
                            body.toString(),
                            link,
                            r.getOwnerId());
                });
    }
}
