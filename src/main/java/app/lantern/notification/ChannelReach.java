package app.lantern.notification;

/**
 * Reach of one channel over a window: {@code rate = delivered / sent}, where "sent" counts deliveries handed to the
 * provider at least once (skipped ones — no address — are not sent).
 *
 * @param channelId null for the in-app inbox
 */
public record ChannelReach(
        Long channelId,
        String channel,
        String kind,
        long sent,
        long delivered,
        long failed,
        long pending,
        long skipped) {

    /** delivered / sent, or 1.0 when nothing was sent. */
    public double rate() {
        return sent == 0 ? 1.0 : (double) delivered / sent;
    }

    public long ratePercent() {
        return Math.round(rate() * 100);
    }
}
