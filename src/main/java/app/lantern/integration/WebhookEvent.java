package app.lantern.integration;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The events an admin can subscribe a URL to, by their wire name ({@code X-Lantern-Event}). */
public enum WebhookEvent {
    CUSTOMER_CREATED("customer.created"),
    CUSTOMER_MERGED("customer.merged"),
    OPPORTUNITY_STAGE_CHANGED("opportunity.stage_changed"),
    OPPORTUNITY_WON("opportunity.won"),
    OPPORTUNITY_LOST("opportunity.lost"),
    QUOTE_SIGNED("quote.signed"),
    QUOTE_STAMPED("quote.stamped"),
    ALERT_RAISED("alert.raised");

    /** The test event the admin page sends to one subscription; nobody subscribes to it. */
    public static final String PING = "ping";

    private final String wireName;

    WebhookEvent(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEvent> byWireName(String name) {
        return Arrays.stream(values()).filter(e -> e.wireName.equals(name)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(WebhookEvent::wireName).toList();
    }
}
