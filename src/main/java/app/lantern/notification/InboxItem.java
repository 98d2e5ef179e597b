package app.lantern.notification;

import java.time.OffsetDateTime;

/** A message in a user's in-app inbox. */
public record InboxItem(long id, String category, String title, String body, String link, OffsetDateTime createdAt, OffsetDateTime readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
