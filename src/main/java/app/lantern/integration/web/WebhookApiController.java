package app.lantern.integration.web;

import app.lantern.integration.Webhooks;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Outbound webhooks over the API (administrators): subscribe, switch on/off, test, the delivery log and replay. */
@RestController
@RequestMapping("/api/v1/admin/webhooks")
class WebhookApiController {

    private final Webhooks webhooks;

    WebhookApiController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    record SubscribeRequest(String url, List<String> events, String description) {}

    record ActiveRequest(Boolean active) {}

    @GetMapping
    List<Webhooks.Subscription> list() {
        return webhooks.subscriptions();
    }

    @PostMapping
    ResponseEntity<Webhooks.NewSubscription> subscribe(@RequestBody SubscribeRequest body) {
        var created = webhooks.subscribe(body.url(), body.events(), body.description());
        return ResponseEntity.created(URI.create(
                        "/api/v1/admin/webhooks/" + created.subscription().id()))
                .body(created);
    }

    @PostMapping("/{id}/active")
    Map<String, Object> setActive(@PathVariable long id, @RequestBody ActiveRequest body) {
        if (body.active() == null) {
            throw app.lantern.shared.ValidationException.field("active", "is required");
        }
        webhooks.setActive(id, body.active());
        return Map.of("id", String.valueOf(id), "active", body.active());
    }

    @PostMapping("/{id}/test")
    Webhooks.Delivery test(@PathVariable long id) {
        return webhooks.test(id);
    }

    @GetMapping("/deliveries")
    List<Webhooks.Delivery> deliveries(
            @RequestParam(required = false) Long webhookId,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "50") int limit) {
        return webhooks.deliveries(webhookId, status, limit);
    }

    @GetMapping("/deliveries/{id}/attempts")
    List<Webhooks.Attempt> attempts(@PathVariable long id) {
        webhooks.delivery(id);
        return webhooks.attempts(id);
    }

    @PostMapping("/deliveries/{id}/replay")
    ResponseEntity<Webhooks.Delivery> replay(@PathVariable long id) {
        long replay = webhooks.replay(id);
        return ResponseEntity.created(URI.create("/api/v1/admin/webhooks/deliveries/" + replay))
                .body(webhooks.delivery(replay));
    }
}
