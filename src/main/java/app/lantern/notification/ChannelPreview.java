package app.lantern.notification;

/** How a message looks on one channel: the exact payload Lantern would send (JSON for robots, HTML for email). */
public record ChannelPreview(String kind, String format, String payload) {}
