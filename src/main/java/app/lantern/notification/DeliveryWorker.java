package app.lantern.notification;

import static lantern.db.Tables.NOTIFICATIONS;
import static lantern.db.Tables.NOTIFICATION_DELIVERIES;

import app.lantern.identity.Directory;
import app.lantern.identity.UserSummary;
import app.lantern.shared.ValidationException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record4;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;

/**
 * Sends due deliveries. Any number of workers (threads, nodes) may run at once on one database:
 *
 * <ol>
 *   <li><b>Claim.</b> A due delivery is taken with a conditional update on its version, which sets status SENDING, a
 *       lease owner and a lease expiry. Only one worker's update can match a version, so only one worker sends it.
 *   <li><b>Send</b> outside any transaction, with timeouts shorter than the lease.
 *   <li><b>Mark</b> the outcome, again conditional on owner and version: DELIVERED, RETRY with exponential backoff,
 *       or FAILED with the provider's code and message.
 * </ol>
 *
 * A worker that dies between claim and send leaves a lease that expires; the delivery is then claimed again, and sent
 * once. The only at-least-once window is a crash <em>after</em> the provider accepted the message and <em>before</em>
 * the mark committed: the lease expires and the message is sent a second time. No provider here offers an idempotency
 * key that would close that window.
 *
 * <p>Robot channels are paced to their provider's per-minute limit across all workers (counted in the database).
 */
class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    /** Retry policy: backoff {@code base * 2^(attempt-1)} capped at {@code maxBackoff}; FAILED after {@code maxAttempts}. */
    record Policy(Duration base, Duration maxBackoff, int maxAttempts, Duration lease) {
        static final Policy DEFAULT = new Policy(Duration.ofSeconds(30), Duration.ofHours(1), 6, Duration.ofMinutes(2));

        Duration backoff(int attempts) {
            long factor = 1L << Math.min(20, Math.max(0, attempts - 1));
            Duration d = base.multipliedBy(factor);
            return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
        }
    }

    record Claim(long deliveryId, long notificationId, long channelId, int version, int attempts) {}

    private final DSLContext db;
    private final Map<ChannelKind, ChannelSender> senders = new HashMap<>();
    private final ChannelStore channels;
    private final NotificationPreferences preferences;
    private final Directory directory;
    private final MessageSource messages;
    private final Clock clock;
    private final MeterRegistry meters;
    private final String publicUrl;
    private final String node;
    private final Policy policy;

    DeliveryWorker(
            DSLContext db,
            List<ChannelSender> senders,
            ChannelStore channels,
            NotificationPreferences preferences,
            Directory directory,
            MessageSource messages,
            Clock clock,
            MeterRegistry meters,
            String publicUrl,
            String node,
            Policy policy) {
        this.db = db;
        senders.forEach(s -> this.senders.put(s.kind(), s));
        this.channels = channels;
        this.preferences = preferences;
        this.directory = directory;
        this.messages = messages;
        this.clock = clock;
        this.meters = meters;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.node = node;
        this.policy = policy;
    }

    String node() {
        return node;
    }

    /** Claims and sends up to {@code max} due deliveries; returns how many were attempted. */
    int deliverDue(int max) {
        List<Claim> claimed = claim(max);
        for (Claim c : claimed) {
            deliver(c);
        }
        return claimed.size();
    }

    /** Step 1: takes up to {@code max} due deliveries under this worker's lease. */
    List<Claim> claim(int max) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        var d = NOTIFICATION_DELIVERIES;
        List<Record4<Long, Long, Long, Integer>> candidates = db.select(
                        d.ID, d.NOTIFICATION_ID, d.CHANNEL_ID, d.VERSION)
                .from(d)
                .where(d.STATUS
                        .in(DeliveryStatus.PENDING.name(), DeliveryStatus.RETRY.name())
                        .and(d.NEXT_ATTEMPT_AT.le(now))
                        .or(d.STATUS.eq(DeliveryStatus.SENDING.name()).and(d.LEASE_UNTIL.lt(now))))
                .orderBy(d.NEXT_ATTEMPT_AT, d.ID)
                .limit(max * 2)
                .fetch();
        Map<Long, Integer> budget = new HashMap<>();
        List<Claim> claimed = new ArrayList<>();
        for (var c : candidates) {
            if (claimed.size() >= max) {
                break;
            }
            long channelId = c.value3();
            Optional<ChannelConfig> channel = channels.find(channelId);
            int perMinute = channel.map(ch -> ch.kind().perMinute()).orElse(0);
            if (perMinute > 0) {
                int left = budget.computeIfAbsent(
                        channelId,
                        id -> perMinute
                                - db.fetchCount(d, d.CHANNEL_ID.eq(id).and(d.LAST_ATTEMPT_AT.gt(now.minusMinutes(1)))));
                if (left <= 0) {
                    continue;
                }
            }
            int updated;
            try {
                updated = db.update(d)
                        .set(d.STATUS, DeliveryStatus.SENDING.name())
                        .set(d.LEASE_OWNER, node)
                        .set(d.LEASE_UNTIL, now.plus(policy.lease()))
                        .set(d.ATTEMPTS, d.ATTEMPTS.plus(1))
                        .set(d.LAST_ATTEMPT_AT, now)
                        .set(d.SENT_AT, org.jooq.impl.DSL.coalesce(d.SENT_AT, now))
                        .set(d.VERSION, d.VERSION.plus(1))
                        .where(d.ID.eq(c.value1()).and(d.VERSION.eq(c.value4())))
                        .execute();
            } catch (org.springframework.dao.DataAccessException e) {
                // another worker holds or just changed the row: it is theirs
                updated = 0;
            }
            if (updated == 1) {
                budget.computeIfPresent(channelId, (k, v) -> v - 1);
                int attempts =
                        db.select(d.ATTEMPTS).from(d).where(d.ID.eq(c.value1())).fetchOne(d.ATTEMPTS);
                claimed.add(new Claim(c.value1(), c.value2(), channelId, c.value4() + 1, attempts));
            }
        }
        return claimed;
    }

    /** Steps 2 and 3: sends one claimed delivery and records the outcome. */
    void deliver(Claim claim) {
        ChannelConfig channel = channels.find(claim.channelId()).orElse(null);
        SendResult result;
        if (channel == null || !channel.enabled()) {
            result = SendResult.failed("config", "channel disabled or removed");
        } else {
            ChannelSender sender = senders.get(channel.kind());
            try {
                result = sender.send(channel, message(claim.notificationId()));
            } catch (ValidationException e) {
                result = SendResult.failed("ssrf", e.getMessage());
            } catch (RuntimeException e) {
                log.warn("Delivery {} through {} failed unexpectedly", claim.deliveryId(), channel.name(), e);
                result = SendResult.retry("error", e.getClass().getSimpleName());
            }
        }
        mark(claim, channel, result);
    }

    private OutboundMessage message(long notificationId) {
        var n = db.selectFrom(NOTIFICATIONS)
                .where(NOTIFICATIONS.ID.eq(notificationId))
                .fetchSingle();
        NotificationPreferences.Settings s = preferences.of(n.getRecipientUserId());
        String name = directory
                .user(n.getRecipientUserId())
                .map(UserSummary::displayName)
                .orElse("");
        String url = n.getLink() == null ? null : publicUrl + n.getLink();
        String open = messages.getMessage("notification.open", null, "查看详情", s.locale());
        return new OutboundMessage(
                n.getId(),
                n.getTitle(),
                n.getBody(),
                url,
                open,
                s.locale(),
                new OutboundMessage.Recipient(n.getRecipientUserId(), name, s.email(), s.wecomUserId(), s.mobile()));
    }

    private void mark(Claim claim, ChannelConfig channel, SendResult result) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        var d = NOTIFICATION_DELIVERIES;
        var update = db.update(d)
                .set(d.PROVIDER_CODE, truncate(result.code(), 40))
                .set(d.PROVIDER_MESSAGE, truncate(result.message(), 1000))
                .setNull(d.LEASE_OWNER)
                .setNull(d.LEASE_UNTIL)
                .set(d.VERSION, d.VERSION.plus(1));
        DeliveryStatus status;
        switch (result.outcome()) {
            case DELIVERED -> {
                status = DeliveryStatus.DELIVERED;
                update = update.set(d.DELIVERED_AT, now).setNull(d.FAILURE_REASON);
            }
            case SKIPPED -> {
                status = DeliveryStatus.SKIPPED;
                update = update.set(d.FAILURE_REASON, truncate(result.message(), 1000));
            }
            case FAILED -> {
                status = DeliveryStatus.FAILED;
                update = update.set(d.FAILURE_REASON, truncate(reason(result), 1000));
            }
            default -> {
                if (claim.attempts() >= policy.maxAttempts()) {
                    status = DeliveryStatus.FAILED;
                    update = update.set(
                            d.FAILURE_REASON,
                            truncate("gave up after " + claim.attempts() + " attempts; last: " + reason(result), 1000));
                } else {
                    status = DeliveryStatus.RETRY;
                    Duration wait = policy.backoff(claim.attempts());
                    if (result.outcome() == SendResult.Outcome.RATE_LIMITED) {
                        // DingTalk blocks a robot for ten minutes once it exceeded 20 per minute
                        Duration floor =
                                "410100".equals(result.code()) ? Duration.ofMinutes(10) : Duration.ofMinutes(1);
                        wait = wait.compareTo(floor) < 0 ? floor : wait;
                    }
                    update = update.set(d.NEXT_ATTEMPT_AT, now.plus(wait))
                            .set(d.FAILURE_REASON, truncate(reason(result), 1000));
                }
            }
        }
        int n = update.set(d.STATUS, status.name())
                .where(d.ID.eq(claim.deliveryId()).and(d.LEASE_OWNER.eq(node)).and(d.VERSION.eq(claim.version())))
                .execute();
        if (n == 0) {
            log.warn("Delivery {} lost its lease before the outcome {} was recorded", claim.deliveryId(), status);
        }
        meters.counter(
                        "lantern.notifications.attempts",
                        "kind",
                        channel == null ? "unknown" : channel.kind().name(),
                        "outcome",
                        result.outcome().name())
                .increment();
    }

    private static String reason(SendResult r) {
        return (r.code() == null ? "" : r.code() + " ") + (r.message() == null ? "" : r.message());
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
