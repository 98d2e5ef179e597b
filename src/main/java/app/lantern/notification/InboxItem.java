package app.lantern.notification;

import java.time.OffsetDateTime;

/** A message in a user's in-app inbox. */
public record InboxItem(
        long id,
        String category,
        String title,
        String body,
        String link,
        OffsetDateTime createdAt,
        OffsetDateTime readAt) {

    public boolean unread() {
        return readAt == null;
    }

    /** The body as safe HTML: escaped, then bold, lists, quotes, line breaks and links to Lantern's own pages. */
    public String bodyHtml() {
        return body == null ? "" : MessageText.inAppHtml(body);
    }
}
