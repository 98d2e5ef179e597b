package app.lantern.notification;

import java.util.Locale;

/**
 * What a sender delivers: the stored message with its absolute link, in the recipient's language.
 *
 * @param openLabel the localised label of the link ("查看详情" / "Open in Lantern")
 */
record OutboundMessage(
        long notificationId,
        String title,
        String markdown,
        String url,
        String openLabel,
        Locale locale,
        Recipient recipient) {

    record Recipient(long userId, String displayName, String email, String wecomUserId, String mobile) {}

    /** The markdown body followed by the link line, as robots show it. */
    String markdownWithLink() {
        return url == null ? markdown : markdown + "\n\n[" + openLabel + "](" + url + ")";
    }
}
