package app.lantern.pipeline;

import static lantern.db.Tables.OPPORTUNITIES;

import app.lantern.customer.TimelineItem;
import app.lantern.customer.TimelineSource;
import app.lantern.identity.Directory;
import app.lantern.identity.UserSummary;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Two moments of an opportunity on its customer's timeline: when it was created, and when it was won or lost. */
@Component
class OpportunityTimeline implements TimelineSource {

    private final DSLContext db;
    private final Directory directory;

    OpportunityTimeline(DSLContext db, Directory directory) {
        this.db = db;
        this.directory = directory;
    }

    @Override
    public List<TimelineItem> timeline(long customerId, int limit) {
        List<TimelineItem> items = new ArrayList<>();
        db.selectFrom(OPPORTUNITIES)
                .where(OPPORTUNITIES.CUSTOMER_ID.eq(customerId))
                .orderBy(OPPORTUNITIES.CREATED_AT.desc())
                .limit(Math.max(1, Math.min(limit, 200)))
                .forEach(r -> {
                    String owner = directory
                            .user(r.getOwnerId())
                            .map(UserSummary::displayName)
                            .orElse("");
                    String link = "/opportunities/" + r.getId();
                    items.add(new TimelineItem(
                            "opportunity",
                            r.getCreatedAt(),
                            "新建商机：" + r.getName(),
                            (r.getAmount() == null ? "" : "金额 ¥" + r.getAmount().toPlainString() + " · ") + "负责人 "
                                    + owner,
                            link,
                            r.getOwnerId()));
                    if (r.getClosedAt() != null) {
                        boolean won = OpportunityStatus.WON.name().equals(r.getStatus());
                        items.add(new TimelineItem(
                                "opportunity",
                                r.getClosedAt(),
                                (won ? "赢单：" : "输单：") + r.getName(),
                                won
                                        ? "成交金额 ¥"
                                                + (r.getAmount() == null
                                                        ? "—"
                                                        : r.getAmount().toPlainString())
                                        : "原因：" + (r.getLossReason() == null ? "—" : r.getLossReason()),
                                link,
                                r.getOwnerId()));
                    }
                });
        items.sort((a, b) -> b.occurredAt().compareTo(a.occurredAt()));
        return items.size() > limit ? items.subList(0, limit) : items;
    }
}
