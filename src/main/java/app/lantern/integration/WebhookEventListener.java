package app.lantern.integration;

import app.lantern.alert.AlertRaised;
import app.lantern.customer.CustomerCreated;
import app.lantern.customer.CustomersMerged;
import app.lantern.pipeline.OpportunityLost;
import app.lantern.pipeline.OpportunityStageChanged;
import app.lantern.pipeline.OpportunityWon;
import app.lantern.quote.QuoteSigned;
import app.lantern.quote.QuoteStamped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the other modules' events into webhook deliveries, after their transaction committed. Each event gets an id
 * derived from the fact itself, so a listener that runs again after a failure queues nothing twice.
 */
@Component
class WebhookEventListener {

    private final Webhooks webhooks;
    private final Clock clock;

    WebhookEventListener(Webhooks webhooks, Clock clock) {
        this.webhooks = webhooks;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(CustomerCreated e) {
        queue(
                WebhookEvent.CUSTOMER_CREATED,
                "customer/" + e.customerId(),
                OffsetDateTime.now(clock),
                data("customerId", e.customerId(), "ownerId", e.ownerId()));
    }

    @ApplicationModuleListener
    void on(CustomersMerged e) {
        queue(
                WebhookEvent.CUSTOMER_MERGED,
                "merge/" + e.survivorId() + "/" + e.mergedId(),
                OffsetDateTime.now(clock),
                data("survivorId", e.survivorId(), "mergedId", e.mergedId()));
    }

    @ApplicationModuleListener
    void on(OpportunityStageChanged e) {
        queue(
                WebhookEvent.OPPORTUNITY_STAGE_CHANGED,
                "stage/" + e.opportunityId() + "/" + e.toStageId() + "/" + e.at().toInstant(),
                e.at(),
                data(
                        "opportunityId", e.opportunityId(),
                        "ownerId", e.ownerId(),
                        "fromStageId", e.fromStageId(),
                        "toStageId", e.toStageId(),
                        "actorId", e.actorId()));
    }

    @ApplicationModuleListener
    void on(OpportunityWon e) {
        Map<String, Object> data =
                data("opportunityId", e.opportunityId(), "ownerId", e.ownerId(), "actorId", e.actorId());
        data.put("amount", e.amount());
        queue(WebhookEvent.OPPORTUNITY_WON, "won/" + e.opportunityId() + "/" + e.at().toInstant(), e.at(), data);
    }

    @ApplicationModuleListener
    void on(OpportunityLost e) {
        Map<String, Object> data =
                data("opportunityId", e.opportunityId(), "ownerId", e.ownerId(), "actorId", e.actorId());
        data.put("reason", e.reason());
        queue(WebhookEvent.OPPORTUNITY_LOST, "lost/" + e.opportunityId() + "/" + e.at().toInstant(), e.at(), data);
    }

    @ApplicationModuleListener
    void on(QuoteSigned e) {
        Map<String, Object> data = data("quoteId", e.quoteId(), "ownerId", e.ownerId());
        data.put("number", e.number());
        data.put("opportunityId", e.opportunityId() == null ? null : String.valueOf(e.opportunityId()));
        data.put("stampDueAt", e.stampDueAt().toString());
        queue(WebhookEvent.QUOTE_SIGNED, "signed/" + e.quoteId(), e.signedAt(), data);
    }

    @ApplicationModuleListener
    void on(QuoteStamped e) {
        Map<String, Object> data = data("quoteId", e.quoteId(), "ownerId", e.ownerId());
        data.put("number", e.number());
        data.put("opportunityId", e.opportunityId() == null ? null : String.valueOf(e.opportunityId()));
        data.put("external", e.external());
        queue(WebhookEvent.QUOTE_STAMPED, "stamped/" + e.quoteId(), e.stampedAt(), data);
    }

    @ApplicationModuleListener
    void on(AlertRaised e) {
        Map<String, Object> data = data("alertId", e.alertId(), "ownerId", e.ownerId(), "subjectId", e.subjectId());
        data.put("rule", e.ruleCode());
        data.put("subjectType", e.subjectType());
        data.put("severity", e.severity());
        data.put("message", e.message());
        queue(WebhookEvent.ALERT_RAISED, "alert/" + e.alertId(), e.openedAt(), data);
    }

    private void queue(WebhookEvent event, String fact, OffsetDateTime at, Map<String, Object> data) {
        String id = UUID.nameUUIDFromBytes((event.wireName() + "|" + fact).getBytes(StandardCharsets.UTF_8))
                .toString();
        webhooks.enqueue(event, id, at, data);
    }

    /** Ids as strings, as everywhere in the API. */
    private static Map<String, Object> data(Object... idPairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < idPairs.length; i += 2) {
            m.put((String) idPairs[i], String.valueOf(idPairs[i + 1]));
        }
        return m;
    }
}
