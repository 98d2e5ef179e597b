package app.lantern.notification;

import static lantern.db.Tables.NOTIFICATIONS;
import static lantern.db.Tables.NOTIFICATION_ALLOWED_HOSTS;
import static lantern.db.Tables.NOTIFICATION_CHANNELS;
import static lantern.db.Tables.NOTIFICATION_DELIVERIES;

import app.lantern.audit.AuditLog;
import app.lantern.shared.FieldErrors;
import app.lantern.shared.NotFoundException;
import app.lantern.shared.Texts;
import app.lantern.shared.ValidationException;
import app.lantern.shared.net.OutboundGuard;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admin configuration of outbound channels and the SSRF allow-list, and the delivery log admins watch. Channel
 * credentials are environment-variable names; their values are never stored or shown, only whether they are set.
 */
@Service
public class NotificationChannels {

    public record ChannelView(
            long id,
            String name,
            ChannelKind kind,
            String endpoint,
            String appId,
            String agentId,
            String credentialEnv,
            boolean credentialSet,
            String secretEnv,
            boolean secretSet,
            String msgFormat,
            Long teamId,
            boolean defaultOn,
            boolean enabled) {}

    public record ChannelForm(
            String name,
            ChannelKind kind,
            String endpoint,
            String appId,
            String agentId,
            String credentialEnv,
            String secretEnv,
            String msgFormat,
            Long teamId,
            boolean defaultOn,
            boolean enabled) {}

    public record DeliveryView(
            long id,
            long notificationId,
            String title,
            long recipientUserId,
            String channel,
            DeliveryStatus status,
            int attempts,
            OffsetDateTime nextAttemptAt,
            OffsetDateTime deliveredAt,
            String providerCode,
            String providerMessage,
            String failureReason,
            OffsetDateTime createdAt) {}

    private final DSLContext db;
    private final Clock clock;
    private final Secrets secrets;
    private final AllowedHosts allowedHosts;
    private final OutboundGuard guard;
    private final AuditLog audit;

    NotificationChannels(
            DSLContext db,
            Clock clock,
            Secrets secrets,
            AllowedHosts allowedHosts,
            OutboundGuard guard,
            AuditLog audit) {
        this.db = db;
        this.clock = clock;
        this.secrets = secrets;
        this.allowedHosts = allowedHosts;
        this.guard = guard;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<ChannelView> list() {
        return db.selectFrom(NOTIFICATION_CHANNELS)
                .orderBy(NOTIFICATION_CHANNELS.ID)
                .fetch(r -> view(ChannelStore.config(r)));
    }

    @Transactional(readOnly = true)
    public ChannelView get(long id) {
        return db.selectFrom(NOTIFICATION_CHANNELS)
                .where(NOTIFICATION_CHANNELS.ID.eq(id))
                .fetchOptional()
                .map(r -> view(ChannelStore.config(r)))
                .orElseThrow(() -> NotFoundException.of("channel", id));
    }

    private ChannelView view(ChannelConfig c) {
        return new ChannelView(
                c.id(),
                c.name(),
                c.kind(),
                c.endpoint(),
                c.appId(),
                c.agentId(),
                c.credentialEnv(),
                secrets.isSet(c.credentialEnv()),
                c.secretEnv(),
                secrets.isSet(c.secretEnv()),
                c.msgFormat(),
                c.teamId(),
                c.defaultOn(),
                c.enabled());
    }

    @Transactional
    public long create(ChannelForm form) {
        ChannelForm f = validate(form, null);
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = db.insertInto(NOTIFICATION_CHANNELS)
                .set(NOTIFICATION_CHANNELS.NAME, f.name())
                .set(NOTIFICATION_CHANNELS.KIND, f.kind().name())
                .set(NOTIFICATION_CHANNELS.ENDPOINT, f.endpoint())
                .set(NOTIFICATION_CHANNELS.APP_ID, f.appId())
                .set(NOTIFICATION_CHANNELS.AGENT_ID, f.agentId())
                .set(NOTIFICATION_CHANNELS.CREDENTIAL_ENV, f.credentialEnv())
                .set(NOTIFICATION_CHANNELS.SECRET_ENV, f.secretEnv())
                .set(NOTIFICATION_CHANNELS.MSG_FORMAT, f.msgFormat())
                .set(NOTIFICATION_CHANNELS.TEAM_ID, f.teamId())
                .set(NOTIFICATION_CHANNELS.DEFAULT_ON, f.defaultOn())
                .set(NOTIFICATION_CHANNELS.ENABLED, f.enabled())
                .set(NOTIFICATION_CHANNELS.CREATED_AT, now)
                .set(NOTIFICATION_CHANNELS.UPDATED_AT, now)
                .returningResult(NOTIFICATION_CHANNELS.ID)
                .fetchOne(NOTIFICATION_CHANNELS.ID);
        audit.created("notification_channel", id, fields(f));
        return id;
    }

    @Transactional
    public void update(long id, ChannelForm form) {
        ChannelView before = get(id);
        ChannelForm f = validate(form, id);
        db.update(NOTIFICATION_CHANNELS)
                .set(NOTIFICATION_CHANNELS.NAME, f.name())
                .set(NOTIFICATION_CHANNELS.KIND, f.kind().name())
                .set(NOTIFICATION_CHANNELS.ENDPOINT, f.endpoint())
                .set(NOTIFICATION_CHANNELS.APP_ID, f.appId())
                .set(NOTIFICATION_CHANNELS.AGENT_ID, f.agentId())
                .set(NOTIFICATION_CHANNELS.CREDENTIAL_ENV, f.credentialEnv())
                .set(NOTIFICATION_CHANNELS.SECRET_ENV, f.secretEnv())
                .set(NOTIFICATION_CHANNELS.MSG_FORMAT, f.msgFormat())
                .set(NOTIFICATION_CHANNELS.TEAM_ID, f.teamId())
                .set(NOTIFICATION_CHANNELS.DEFAULT_ON, f.defaultOn())
                .set(NOTIFICATION_CHANNELS.ENABLED, f.enabled())
                .set(NOTIFICATION_CHANNELS.UPDATED_AT, OffsetDateTime.now(clock))
                .set(NOTIFICATION_CHANNELS.VERSION, NOTIFICATION_CHANNELS.VERSION.plus(1))
                .where(NOTIFICATION_CHANNELS.ID.eq(id))
                .execute();
        audit.updated(
                "notification_channel",
                id,
                fields(new ChannelForm(
                        before.name(),
                        before.kind(),
                        before.endpoint(),
                        before.appId(),
                        before.agentId(),
                        before.credentialEnv(),
                        before.secretEnv(),
                        before.msgFormat(),
                        before.teamId(),
                        before.defaultOn(),
                        before.enabled())),
                fields(f));
    }

    private static Map<String, Object> fields(ChannelForm f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name());
        m.put("kind", f.kind().name());
        m.put("endpoint", f.endpoint());
        m.put("appId", f.appId());
        m.put("agentId", f.agentId());
        m.put("credentialEnv", f.credentialEnv());
        m.put("secretEnv", f.secretEnv());
        m.put("msgFormat", f.msgFormat());
        m.put("teamId", f.teamId());
        m.put("defaultOn", f.defaultOn());
        m.put("enabled", f.enabled());
        return m;
    }

    private ChannelForm validate(ChannelForm form, Long id) {
        FieldErrors errors = new FieldErrors();
        String name = Texts.clean(form.name());
        Texts.require(errors, "name", name, 100);
        if (form.kind() == null) {
            errors.add("kind", "must be one of EMAIL, WECOM_ROBOT, WECOM_APP, DINGTALK_ROBOT, FEISHU_BOT");
            errors.throwIfAny();
        }
        ChannelKind kind = form.kind();
        String endpoint = Texts.clean(form.endpoint());
        if (endpoint == null) {
            endpoint = kind.defaultEndpoint();
        }
        endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        Texts.maxLength(errors, "endpoint", endpoint, 500);
        String appId = Texts.clean(form.appId());
        String agentId = Texts.clean(form.agentId());
        String credentialEnv = Texts.clean(form.credentialEnv());
        String secretEnv = Texts.clean(form.secretEnv());
        String format = Texts.isBlank(form.msgFormat())
                ? "markdown"
                : form.msgFormat().strip().toLowerCase(Locale.ROOT);
        errors.addIf(!format.equals("markdown") && !format.equals("text"), "msgFormat", "must be markdown or text");
        errors.addIf(
                credentialEnv != null && !Secrets.acceptableName(credentialEnv),
                "credentialEnv",
                "must be the name of an environment variable LANTERN_… (not the database or admin password)");
        errors.addIf(
                secretEnv != null && !Secrets.acceptableName(secretEnv),
                "secretEnv",
                "must be the name of an environment variable LANTERN_… (not the database or admin password)");
        switch (kind) {
            case WECOM_ROBOT, DINGTALK_ROBOT, FEISHU_BOT ->
                errors.addIf(
                        credentialEnv == null,
                        "credentialEnv",
                        "name the variable holding the robot's key / access_token / hook token");
            case WECOM_APP -> {
                errors.addIf(
                        appId == null || !appId.matches("[A-Za-z0-9]{1,64}"), "appId", "corp id (corpid) is required");
                errors.addIf(
                        agentId == null || !agentId.matches("[0-9]{1,12}"), "agentId", "agent id must be a number");
                errors.addIf(
                        secretEnv == null,
                        "secretEnv",
                        "name the variable holding the application secret (corpsecret)");
            }
            case EMAIL ->
                errors.addIf(
                        appId == null || !appId.matches("[^@\\s]+@[^@\\s]+"), "appId", "sender address is required");
        }
        URI uri = null;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            errors.add("endpoint", "is not a URL");
        }
        if (uri != null) {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean allowed = uri.getHost() != null
                    && allowedHosts.hosts().contains(uri.getHost().toLowerCase(Locale.ROOT));
            if (kind == ChannelKind.EMAIL) {
                errors.addIf(
                        !scheme.equals("smtp") && !scheme.equals("smtps"),
                        "endpoint",
                        "must be smtp://host:port or smtps://host:port");
            } else {
                errors.addIf(
                        !scheme.equals("https") && !(scheme.equals("http") && allowed),
                        "endpoint",
                        "must be https (plain http only for an allow-listed host)");
            }
            errors.addIf(
                    uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null,
                    "endpoint",
                    "give only scheme, host and port (credentials belong in variables)");
            if (errors.isEmpty()) {
                guard.refusal(uri).ifPresent(reason -> errors.add("endpoint", reason));
            }
        }
        if (name != null) {
            var same = db.select(NOTIFICATION_CHANNELS.ID)
                    .from(NOTIFICATION_CHANNELS)
                    .where(NOTIFICATION_CHANNELS.NAME.eq(name))
                    .fetchOptional(NOTIFICATION_CHANNELS.ID);
            errors.addIf(same.isPresent() && !same.get().equals(id), "name", "another channel has this name");
        }
        errors.throwIfAny();
        return new ChannelForm(
                name,
                kind,
                endpoint,
                appId,
                agentId,
                credentialEnv,
                secretEnv,
                format,
                form.teamId(),
                form.defaultOn(),
                form.enabled());
    }

    @Transactional(readOnly = true)
    public List<String> allowedHosts() {
        return db.select(NOTIFICATION_ALLOWED_HOSTS.HOST)
                .from(NOTIFICATION_ALLOWED_HOSTS)
                .orderBy(NOTIFICATION_ALLOWED_HOSTS.HOST)
                .fetch(NOTIFICATION_ALLOWED_HOSTS.HOST);
    }

    /** Lets requests reach {@code host} although it is internal; an explicit, audited admin decision. */
    @Transactional
    public void allowHost(String host) {
        String h = Texts.clean(host);
        if (h == null || h.length() > 255 || !h.matches("[A-Za-z0-9.:\\-\\[\\]]+")) {
            throw ValidationException.field("host", "must be a host name or IP address");
        }
        h = h.toLowerCase(Locale.ROOT).replace("[", "").replace("]", "");
        if (!allowedHosts.hosts().contains(h)) {
            db.insertInto(NOTIFICATION_ALLOWED_HOSTS)
                    .set(NOTIFICATION_ALLOWED_HOSTS.HOST, h)
                    .set(NOTIFICATION_ALLOWED_HOSTS.CREATED_AT, OffsetDateTime.now(clock))
                    .execute();
            audit.recorded("notification_allowed_host", h, "allowed", Map.of("host", h));
        }
    }

    @Transactional
    public void removeHost(String host) {
        if (db.deleteFrom(NOTIFICATION_ALLOWED_HOSTS)
                        .where(NOTIFICATION_ALLOWED_HOSTS.HOST.eq(host))
                        .execute()
                > 0) {
            audit.recorded("notification_allowed_host", host, "removed", Map.of("host", host));
        }
    }

    /** The newest deliveries, optionally of one status, for the admin's delivery log. */
    @Transactional(readOnly = true)
    public List<DeliveryView> deliveries(DeliveryStatus status, int limit) {
        var d = NOTIFICATION_DELIVERIES;
        var condition = status == null ? org.jooq.impl.DSL.trueCondition() : d.STATUS.eq(status.name());
        return db.select(
                        d.ID,
                        d.NOTIFICATION_ID,
                        NOTIFICATIONS.TITLE,
                        NOTIFICATIONS.RECIPIENT_USER_ID,
                        NOTIFICATION_CHANNELS.NAME,
                        d.STATUS,
                        d.ATTEMPTS,
                        d.NEXT_ATTEMPT_AT,
                        d.DELIVERED_AT,
                        d.PROVIDER_CODE,
                        d.PROVIDER_MESSAGE,
                        d.FAILURE_REASON,
                        d.CREATED_AT)
                .from(d)
                .join(NOTIFICATIONS)
                .on(NOTIFICATIONS.ID.eq(d.NOTIFICATION_ID))
                .join(NOTIFICATION_CHANNELS)
                .on(NOTIFICATION_CHANNELS.ID.eq(d.CHANNEL_ID))
                .where(condition)
                .orderBy(d.ID.desc())
                .limit(Math.min(Math.max(limit, 1), 500))
                .fetch(r -> new DeliveryView(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        r.value5(),
                        DeliveryStatus.valueOf(r.value6()),
                        r.value7(),
                        r.value8(),
                        r.value9(),
                        r.value10(),
                        r.value11(),
                        r.value12(),
                        r.value13()));
    }

    /** Sends a failed delivery again from scratch (after the admin fixed the channel). */
    @Transactional
    public void retry(long deliveryId) {
        var d = NOTIFICATION_DELIVERIES;
        int n = db.update(d)
                .set(d.STATUS, DeliveryStatus.PENDING.name())
                .set(d.ATTEMPTS, 0)
                .set(d.NEXT_ATTEMPT_AT, OffsetDateTime.now(clock))
                .setNull(d.FAILURE_REASON)
                .set(d.VERSION, d.VERSION.plus(1))
                .where(d.ID.eq(deliveryId).and(d.STATUS.eq(DeliveryStatus.FAILED.name())))
                .execute();
        if (n == 0) {
            throw NotFoundException.of("failed delivery", deliveryId);
        }
        audit.recorded("notification_delivery", deliveryId, "retried", Map.of());
    }
}
