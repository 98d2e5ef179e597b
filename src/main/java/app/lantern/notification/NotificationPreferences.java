package app.lantern.notification;

import static lantern.db.Tables.NOTIFICATION_OPT;
import static lantern.db.Tables.NOTIFICATION_SETTINGS;

import app.lantern.audit.AuditLog;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.Texts;
import java.time.Clock;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each user's addresses, language, quiet hours and choice of channels. */
@Service
public class NotificationPreferences {

    /** What a user chose; {@code channels} lists the channels that may reach them and whether they receive each. */
    public record Preferences(
            String locale,
            String email,
            String wecomUserId,
            String mobile,
            String quietStart,
            String quietEnd,
            List<ChannelChoice> channels) {}

    public record ChannelChoice(long channelId, String name, ChannelKind kind, boolean enabled) {}

    public record PreferencesForm(
            String locale,
            String email,
            String wecomUserId,
            String mobile,
            String quietStart,
            String quietEnd,
            Set<Long> enabledChannels) {}

    record Settings(
            long userId,
            Locale locale,
            String email,
            String wecomUserId,
            String mobile,
            Optional<QuietHours> quietHours) {}

    private final DSLContext db;
    private final Clock clock;
    private final ChannelStore channels;
    private final AuditLog audit;

    NotificationPreferences(DSLContext db, Clock clock, ChannelStore channels, AuditLog audit) {
        this.db = db;
        this.clock = clock;
        this.channels = channels;
        this.audit = audit;
    }

    Settings of(long userId) {
        return db.selectFrom(NOTIFICATION_SETTINGS)
                .where(NOTIFICATION_SETTINGS.USER_ID.eq(userId))
                .fetchOptional()
                .map(r -> new Settings(
                        userId,
                        Locale.forLanguageTag(r.getLocale()),
                        r.getEmail(),
                        r.getWecomUserId(),
                        r.getMobile(),
                        quiet(r.getQuietStart(), r.getQuietEnd())))
                .orElse(new Settings(userId, Locale.SIMPLIFIED_CHINESE, null, null, null, Optional.empty()));
    }

    private static Optional<QuietHours> quiet(String start, String end) {
        if (start == null || end == null || start.equals(end)) {
            return Optional.empty();
        }
        return Optional.of(new QuietHours(LocalTime.parse(start), LocalTime.parse(end)));
    }

    @Transactional(readOnly = true)
    public Preferences view(long userId) {
        var row = db.selectFrom(NOTIFICATION_SETTINGS)
                .where(NOTIFICATION_SETTINGS.USER_ID.eq(userId))
                .fetchOptional();
        List<ChannelChoice> choices = channels.channelsFor(userId).stream()
                .map(c -> new ChannelChoice(
                        c.config().id(), c.config().name(), c.config().kind(), c.receives()))
                .toList();
        return row.map(r -> new Preferences(
                        r.getLocale(),
                        r.getEmail(),
                        r.getWecomUserId(),
                        r.getMobile(),
                        r.getQuietStart(),
                        r.getQuietEnd(),
                        choices))
                .orElse(new Preferences("zh-CN", null, null, null, null, null, choices));
    }

    @Transactional
    public void update(long userId, PreferencesForm form) {
        FieldErrors errors = new FieldErrors();
        String locale = Texts.isBlank(form.locale()) ? "zh-CN" : form.locale().strip();
        errors.addIf(!locale.equals("zh-CN") && !locale.equals("en"), "locale", "must be zh-CN or en");
        String email = Texts.clean(form.email());
        Texts.maxLength(errors, "email", email, 200);
        errors.addIf(
                email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"), "email", "is not an email address");
        String wecom = Texts.clean(form.wecomUserId());
        errors.addIf(
                wecom != null && !wecom.matches("[A-Za-z0-9_.@-]{1,64}"),
                "wecomUserId",
                "letters, digits, _ . @ - only, at most 64");
        String mobile = Texts.clean(form.mobile());
        errors.addIf(
                mobile != null && !mobile.matches("1[3-9][0-9]{9}"),
                "mobile",
                "must be an 11-digit mainland mobile number");
        String start = Texts.clean(form.quietStart());
        String end = Texts.clean(form.quietEnd());
        errors.addIf(
                (start == null) != (end == null), "quietEnd", "give both start and end of the quiet hours, or neither");
        errors.addIf(start != null && !validTime(start), "quietStart", "must be HH:mm");
        errors.addIf(end != null && !validTime(end), "quietEnd", "must be HH:mm");
        errors.addIf(start != null && start.equals(end), "quietEnd", "must differ from the start");
        errors.throwIfAny();

        Map<String, Object> before = snapshot(userId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        int updated = db.update(NOTIFICATION_SETTINGS)
                .set(NOTIFICATION_SETTINGS.LOCALE, locale)
                .set(NOTIFICATION_SETTINGS.EMAIL, email)
                .set(NOTIFICATION_SETTINGS.WECOM_USER_ID, wecom)
                .set(NOTIFICATION_SETTINGS.MOBILE, mobile)
                .set(NOTIFICATION_SETTINGS.QUIET_START, start)
                .set(NOTIFICATION_SETTINGS.QUIET_END, end)
                .set(NOTIFICATION_SETTINGS.UPDATED_AT, now)
                .where(NOTIFICATION_SETTINGS.USER_ID.eq(userId))
                .execute();
        if (updated == 0) {
            db.insertInto(NOTIFICATION_SETTINGS)
                    .set(NOTIFICATION_SETTINGS.USER_ID, userId)
                    .set(NOTIFICATION_SETTINGS.LOCALE, locale)
                    .set(NOTIFICATION_SETTINGS.EMAIL, email)
                    .set(NOTIFICATION_SETTINGS.WECOM_USER_ID, wecom)
                    .set(NOTIFICATION_SETTINGS.MOBILE, mobile)
                    .set(NOTIFICATION_SETTINGS.QUIET_START, start)
                    .set(NOTIFICATION_SETTINGS.QUIET_END, end)
                    .set(NOTIFICATION_SETTINGS.UPDATED_AT, now)
                    .execute();
        }
        if (form.enabledChannels() != null) {
            for (ChannelStore.Reachable c : channels.channelsFor(userId)) {
                boolean on = form.enabledChannels().contains(c.config().id());
                db.deleteFrom(NOTIFICATION_OPT)
                        .where(NOTIFICATION_OPT
                                .USER_ID
                                .eq(userId)
                                .and(NOTIFICATION_OPT.CHANNEL_ID.eq(c.config().id())))
                        .execute();
                db.insertInto(NOTIFICATION_OPT)
                        .set(NOTIFICATION_OPT.USER_ID, userId)
                        .set(NOTIFICATION_OPT.CHANNEL_ID, c.config().id())
                        .set(NOTIFICATION_OPT.ENABLED, on)
                        .execute();
            }
        }
        audit.updated("notification_settings", userId, before, snapshot(userId));
    }

    private Map<String, Object> snapshot(long userId) {
        Preferences p = view(userId);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("locale", p.locale());
        m.put("email", p.email());
        m.put("wecomUserId", p.wecomUserId());
        m.put("mobile", p.mobile());
        m.put("quietStart", p.quietStart());
        m.put("quietEnd", p.quietEnd());
        m.put(
                "channels",
                p.channels().stream()
                        .filter(ChannelChoice::enabled)
                        .map(ChannelChoice::name)
                        .toList());
        return m;
    }

    private static boolean validTime(String s) {
        if (!s.matches("[0-2][0-9]:[0-5][0-9]")) {
            return false;
        }
        try {
            LocalTime.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
