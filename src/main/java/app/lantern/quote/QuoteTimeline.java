package app.lantern.quote;

import static lantern.db.Tables.QUOTES;

import app.lantern.customer.TimelineItem;
import app.lantern.customer.TimelineSource;
import app.lantern.identity.CurrentActor;
import app.lantern.identity.DataScopes;
import app.lantern.identity.RecordKind;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** Quotes on the customer timeline: the latest event of each quote the reader may see. */
@Component
class QuoteTimeline implements TimelineSource {

    private static final Map<QuoteStatus, String> LABELS = Map.of(
            QuoteStatus.DRAFT,
            "草稿",
            QuoteStatus.PENDING_APPROVAL,
            "待审批",
            QuoteStatus.APPROVED,
            "已审批",
            QuoteStatus.REJECTED,
            "已驳回",
            QuoteStatus.SENT,
            "已发送",
            QuoteStatus.SIGNED,
            "客户已签署",
            QuoteStatus.STAMPED,
            "已盖章",
            QuoteStatus.SUPERSEDED,
            "已被新版本取代");

    private final DSLContext db;
    private final CurrentActor currentActor;
    private final DataScopes scopes;

    QuoteTimeline(DSLContext db, CurrentActor currentActor, DataScopes scopes) {
        this.db = db;
        this.currentActor = currentActor;
        this.scopes = scopes;
    }

    @Override
    public List<TimelineItem> timeline(long customerId, int limit) {
        Condition scope = currentActor
                .current()
                .map(a -> scopes.of(a, RecordKind.QUOTE).condition(QUOTES.OWNER_ID))
                .orElse(DSL.trueCondition());
        return db.selectFrom(QUOTES)
                .where(QUOTES.CUSTOMER_ID.eq(customerId))
                .and(scope)
                .orderBy(QUOTES.UPDATED_AT.desc())
                .limit(Math.max(1, Math.min(limit, 200)))
                .fetch(r -> {
                    OffsetDateTime at = r.getStampedAt() != null
                            ? r.getStampedAt()
                            : r.getSignedAt() != null
                                    ? r.getSignedAt()
                                    : r.getSentAt() != null ? r.getSentAt() : r.getCreatedAt();
                    String title = "报价 " + QuoteViews.displayNumber(r.getNumber(), r.getRevision()) + " · "
                            + LABELS.getOrDefault(QuoteStatus.valueOf(r.getStatus()), r.getStatus());
                    String body = "价税合计 ¥" + QuotePdf.money(r.getTotal()) + "，有效期至 " + r.getValidUntil()
                            + (r.getFeedbackTag() != null ? "，反馈：" + r.getFeedbackTag() : "");
                    return new TimelineItem("quote", at, title, body, "/quotes/" + r.getId(), r.getOwnerId());
                });
    }
}
