package app.lantern.notification;

/**
 * A message for one user.
 *
 * @param category     short machine name of the cause, e.g. {@code alert}, {@code brief}, {@code quote}
 * @param markdownBody body in the Markdown subset every channel understands: paragraphs, {@code **bold**},
 *                     {@code - } lists, {@code [text](url)} links
 * @param link         relative path in Lantern ({@code /alerts/12}) the message points to, or null
 * @param dedupKey     the same key for the same recipient is stored and sent once
 */
public record Notification(
        long recipientUserId, String category, String title, String markdownBody, String link, String dedupKey) {}
