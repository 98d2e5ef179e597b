package app.lantern.notification.web;

import app.lantern.identity.CurrentActor;
import app.lantern.notification.ChannelReach;
import app.lantern.notification.InboxItem;
import app.lantern.notification.Notifications;
import app.lantern.shared.PageQuery;
import app.lantern.shared.PageResult;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's inbox over the API, and reach per channel for admins. */
@RestController
class NotificationApiController {

    record Item(
            String id,
            String category,
            String title,
            String body,
            String link,
            OffsetDateTime createdAt,
            OffsetDateTime readAt) {
        static Item of(InboxItem i) {
            return new Item(
                    String.valueOf(i.id()), i.category(), i.title(), i.body(), i.link(), i.createdAt(), i.readAt());
        }
    }

    record Reach(
            String channelId,
            String channel,
            String kind,
            long sent,
            long delivered,
            long failed,
            long pending,
            long skipped,
            double rate) {
        static Reach of(ChannelReach r) {
            return new Reach(
                    r.channelId() == null ? null : String.valueOf(r.channelId()),
                    r.channel(),
                    r.kind(),
                    r.sent(),
                    r.delivered(),
                    r.failed(),
                    r.pending(),
                    r.skipped(),
                    r.rate());
        }
    }

    private final CurrentActor currentActor;
    private final Notifications notifications;

    NotificationApiController(CurrentActor currentActor, Notifications notifications) {
        this.currentActor = currentActor;
        this.notifications = notifications;
    }

    @GetMapping("/api/v1/notifications")
    PageResult<Item> list(
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        PageQuery query = PageQuery.of(page, size, sort, Set.of("id"), "id,desc");
        return notifications
                .inbox(currentActor.require().userId(), unread, query)
                .map(Item::of);
    }

    @GetMapping("/api/v1/notifications/unread-count")
    Map<String, Long> unreadCount() {
        return Map.of("unread", notifications.unreadCount(currentActor.require().userId()));
    }

    @PostMapping("/api/v1/notifications/{id}/read")
    Map<String, Long> read(@PathVariable long id) {
        long me = currentActor.require().userId();
        notifications.markRead(me, id);
        return Map.of("unread", notifications.unreadCount(me));
    }

    @PostMapping("/api/v1/notifications/read-all")
    Map<String, Integer> readAll() {
        return Map.of("marked", notifications.markAllRead(currentActor.require().userId()));
    }

    @GetMapping("/api/v1/admin/notifications/reach")
    List<Reach> reach(@RequestParam(defaultValue = "30") int days) {
        return notifications.reach(Duration.ofDays(Math.max(1, Math.min(days, 365)))).stream()
                .map(Reach::of)
                .toList();
    }
}
