package app.lantern.notification;

import static lantern.db.Tables.NOTIFICATIONS;
import static lantern.db.Tables.NOTIFICATION_CHANNELS;
import static lantern.db.Tables.NOTIFICATION_DELIVERIES;

import app.lantern.shared.FieldErrors;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.PageQuery;
import app.lantern.shared.PageResult;
import app.lantern.shared.Phrase;
import app.lantern.shared.Texts;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends notifications to users. {@link #send} stores the message and one delivery per channel of the recipient in
 * the caller's transaction (a transactional outbox): if the cause rolls back, nothing is sent; once it commits, the
 * delivery worker sends it within seconds, retrying with backoff. The in-app inbox has it at once.
 */
@Service
public class Notifications {

    static final int MAX_BODY = 20_000;

    private final DSLContext db;
    private final Clock clock;
    private final NotificationPreferences settings;
    private final ChannelStore channels;
    private final MessageSource messages;

    Notifications(
            DSLContext db,
            Clock clock,
            NotificationPreferences settings,
            ChannelStore channels,
            MessageSource messages) {
        this.db = db;
        this.clock = clock;
        this.settings = settings;
        this.channels = channels;
        this.messages = messages;
    }

    /**
     * Stores the message for its recipient unless one with the same {@code dedupKey} exists for them, and queues a
     * delivery through each channel the recipient receives (respecting quiet hours). Joins the caller's transaction.
     */
    @Transactional
    public void send(Notification n) {
        store(n);
    }

    /**
     * As {@link #send}, with title and body taken from the messages {@code notification.template.<key>.title} and
     * {@code .body} in the recipient's language (zh-CN or en), formatted with {@code args}.
     */
    @Transactional
    public void sendTemplated(
            long recipientUserId, String category, String templateKey, Object[] args, String link, String dedupKey) {
        Locale locale = settings.of(recipientUserId).locale();
        String title = messages.getMessage("notification.template." + templateKey + ".title", args, locale);
        String body = messages.getMessage("notification.template." + templateKey + ".body", literal(args), locale);
        store(new Notification(recipientUserId, category, title, body, link, dedupKey));
    }

    /**
     * User text (a name, a note) made literal for a Markdown body that a caller builds itself for {@link #send}:
     * it shows as typed in every channel and never becomes a link, bold text or a heading. Templated bodies
     * ({@link #sendTemplated}) get this for their text arguments automatically.
     */
    public static String markdownLiteral(String text) {
        return MessageText.literal(text);
    }

    /**
     * The phrase with its text arguments made literal, for a Markdown body built from phrases (a brief): names and
     * notes inside it show as typed and never become links or bold text, as in {@link #sendTemplated}.
     */
    public static Phrase markdownLiteral(Phrase phrase) {
        return new Phrase(phrase.key(), literal(phrase.args()));
    }

    /**
     * Text arguments are user data (names, notes), also inside phrases: they go into the Markdown body as literal
     * text, never as markup. A plain Lantern path ({@code /alerts/12?tab=evidence}) is left as it is, since it is
     * often a link target and holds no character that could start markup.
     */
    private static Object[] literal(Object[] args) {
        if (args == null) {
            return null;
        }
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof Phrase phrase) {
                out[i] = new Phrase(phrase.key(), literal(phrase.args()));
            } else if (out[i] instanceof CharSequence text
                    && !LANTERN_PATH.matcher(text).matches()) {
                out[i] = MessageText.literal(text.toString());
            }
        }
        return out;
    }

    private static final java.util.regex.Pattern LANTERN_PATH = java.util.regex.Pattern.compile("/[\\w/?=&.%#-]*");

    /** The id of the stored message, or empty when the dedup key was used before for this recipient. */
    Optional<Long> store(Notification n) {
        validate(n);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<Long> id = db.insertInto(NOTIFICATIONS)
                .set(NOTIFICATIONS.RECIPIENT_USER_ID, n.recipientUserId())
                .set(NOTIFICATIONS.CATEGORY, n.category().strip())
                .set(NOTIFICATIONS.TITLE, n.title().strip())
                .set(NOTIFICATIONS.BODY, n.markdownBody() == null ? "" : n.markdownBody())
                .set(NOTIFICATIONS.LINK, Texts.clean(n.link()))
                .set(NOTIFICATIONS.DEDUP_KEY, n.dedupKey())
                .set(NOTIFICATIONS.CREATED_AT, now)
                .onConflict(NOTIFICATIONS.RECIPIENT_USER_ID, NOTIFICATIONS.DEDUP_KEY)
                .doNothing()
                .returningResult(NOTIFICATIONS.ID)
                .fetchOptional(NOTIFICATIONS.ID);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        NotificationPreferences.Settings recipient = settings.of(n.recipientUserId());
        OffsetDateTime due = recipient.quietHours().map(q -> q.endOfQuiet(now)).orElse(now);
        for (ChannelConfig channel : channels.channelsOf(n.recipientUserId())) {
            db.insertInto(NOTIFICATION_DELIVERIES)
                    .set(NOTIFICATION_DELIVERIES.NOTIFICATION_ID, id.get())
                    .set(NOTIFICATION_DELIVERIES.CHANNEL_ID, channel.id())
                    .set(NOTIFICATION_DELIVERIES.STATUS, DeliveryStatus.PENDING.name())
                    .set(NOTIFICATION_DELIVERIES.NEXT_ATTEMPT_AT, due)
                    .set(NOTIFICATION_DELIVERIES.CREATED_AT, now)
                    .execute();
        }
        return id;
    }

    private static void validate(Notification n) {
        FieldErrors errors = new FieldErrors();
        errors.addIf(n.recipientUserId() <= 0, "recipientUserId", "must be a user id");
        Texts.require(errors, "category", n.category(), 40);
        Texts.require(errors, "title", n.title(), 200);
        Texts.maxLength(errors, "markdownBody", n.markdownBody(), MAX_BODY);
        Texts.maxLength(errors, "link", n.link(), 500);
        if (!Texts.isBlank(n.link()) && (!n.link().startsWith("/") || n.link().startsWith("//"))) {
            errors.add("link", "must be a path inside Lantern, starting with /");
        }
        Texts.require(errors, "dedupKey", n.dedupKey(), 200);
        errors.throwIfAny();
    }

    @Transactional(readOnly = true)
    public long unreadCount(long userId) {
        return db.fetchCount(
                NOTIFICATIONS, NOTIFICATIONS.RECIPIENT_USER_ID.eq(userId).and(NOTIFICATIONS.READ_AT.isNull()));
    }

    @Transactional(readOnly = true)
    public PageResult<InboxItem> inbox(long userId, boolean unreadOnly, PageQuery page) {
        var condition = NOTIFICATIONS.RECIPIENT_USER_ID.eq(userId);
        if (unreadOnly) {
            condition = condition.and(NOTIFICATIONS.READ_AT.isNull());
        }
        long total = db.fetchCount(NOTIFICATIONS, condition);
        List<InboxItem> items = db.selectFrom(NOTIFICATIONS)
                .where(condition)
                .orderBy(NOTIFICATIONS.ID.desc())
                .limit(page.size())
                .offset(page.offset())
                .fetch(r -> new InboxItem(
                        r.getId(),
                        r.getCategory(),
                        r.getTitle(),
                        r.getBody(),
                        r.getLink(),
                        r.getCreatedAt(),
                        r.getReadAt()));
        return PageResult.of(items, page, total);
    }

    /** Marks the user's message read and returns where it points; 404 for someone else's message. */
    @Transactional
    public Optional<String> markRead(long userId, long notificationId) {
        var row = db.selectFrom(NOTIFICATIONS)
                .where(NOTIFICATIONS.ID.eq(notificationId).and(NOTIFICATIONS.RECIPIENT_USER_ID.eq(userId)))
                .fetchOptional()
                .orElseThrow(() -> NotFoundException.of("notification", notificationId));
        if (row.getReadAt() == null) {
            db.update(NOTIFICATIONS)
                    .set(NOTIFICATIONS.READ_AT, OffsetDateTime.now(clock))
                    .where(NOTIFICATIONS.ID.eq(notificationId))
                    .execute();
        }
        return Optional.ofNullable(row.getLink());
    }

    @Transactional
    public int markAllRead(long userId) {
        return db.update(NOTIFICATIONS)
                .set(NOTIFICATIONS.READ_AT, OffsetDateTime.now(clock))
                .where(NOTIFICATIONS.RECIPIENT_USER_ID.eq(userId).and(NOTIFICATIONS.READ_AT.isNull()))
                .execute();
    }

    /**
     * Reach per channel for messages created within {@code window}: the in-app inbox first (every stored message is
     * delivered there), then each external channel.
     */
    @Transactional(readOnly = true)
    public List<ChannelReach> reach(Duration window) {
        OffsetDateTime since = OffsetDateTime.now(clock).minus(window);
        List<ChannelReach> result = new ArrayList<>();
        long inApp = db.fetchCount(NOTIFICATIONS, NOTIFICATIONS.CREATED_AT.ge(since));
        result.add(new ChannelReach(null, "in-app", "IN_APP", inApp, inApp, 0, 0, 0));
        var d = NOTIFICATION_DELIVERIES;
        Map<Long, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (Record r : db.select(d.CHANNEL_ID, d.STATUS, DSL.count())
                .from(d)
                .where(d.CREATED_AT.ge(since))
                .groupBy(d.CHANNEL_ID, d.STATUS)
                .fetch()) {
            counts.computeIfAbsent(r.get(d.CHANNEL_ID), k -> new LinkedHashMap<>())
                    .merge(r.get(d.STATUS), r.get(2, Integer.class), Integer::sum);
        }
        // deliveries still waiting that were attempted at least once count as sent
        Map<Long, Integer> attemptedPending = new LinkedHashMap<>();
        for (Record r : db.select(d.CHANNEL_ID, DSL.count())
                .from(d)
                .where(d.CREATED_AT.ge(since).and(d.ATTEMPTS.gt(0)).and(d.STATUS.in("RETRY", "SENDING")))
                .groupBy(d.CHANNEL_ID)
                .fetch()) {
            attemptedPending.put(r.get(d.CHANNEL_ID), r.get(1, Integer.class));
        }
        for (var c : db.selectFrom(NOTIFICATION_CHANNELS)
                .orderBy(NOTIFICATION_CHANNELS.ID)
                .fetch()) {
            Map<String, Integer> byStatus = counts.getOrDefault(c.getId(), Map.of());
            long delivered = byStatus.getOrDefault("DELIVERED", 0);
            long failed = byStatus.getOrDefault("FAILED", 0);
            long skipped = byStatus.getOrDefault("SKIPPED", 0);
            long pending = byStatus.getOrDefault("PENDING", 0)
                    + byStatus.getOrDefault("RETRY", 0)
                    + byStatus.getOrDefault("SENDING", 0);
            long sent = delivered + failed + attemptedPending.getOrDefault(c.getId(), 0);
            result.add(
                    new ChannelReach(c.getId(), c.getName(), c.getKind(), sent, delivered, failed, pending, skipped));
        }
        return result;
    }
}
