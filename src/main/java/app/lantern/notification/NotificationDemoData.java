package app.lantern.notification;

import static lantern.db.Tables.NOTIFICATION_CHANNELS;
import static lantern.db.Tables.NOTIFICATION_SETTINGS;

import app.lantern.identity.Directory;
import app.lantern.identity.UserSummary;
import app.lantern.shared.demo.DemoContext;
import app.lantern.shared.demo.DemoDataContributor;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Demo addresses for everyone, quiet hours for a few, and one example channel of each provider kind, switched off
 * (the demo has no credentials and no internet), so admins see how channels are configured.
 */
@Component
class NotificationDemoData implements DemoDataContributor {

    private final DSLContext db;
    private final Directory directory;
    private final Notifications notifications;

    NotificationDemoData(DSLContext db, Directory directory, Notifications notifications) {
        this.db = db;
        this.directory = directory;
        this.notifications = notifications;
    }

    @Override
    public int order() {
        return 550;
    }

    @Override
    public void contribute(DemoContext context) {
        OffsetDateTime now = OffsetDateTime.now(context.clock());
        var random = context.random("notification");
        int i = 0;
        for (UserSummary u : directory.users()) {
            boolean quiet = random.nextInt(4) == 0;
            db.insertInto(NOTIFICATION_SETTINGS)
                    .set(NOTIFICATION_SETTINGS.USER_ID, u.id())
                    .set(NOTIFICATION_SETTINGS.LOCALE, "zh-CN")
                    .set(NOTIFICATION_SETTINGS.EMAIL, u.username() + "@demo.lantern.app")
                    .set(NOTIFICATION_SETTINGS.WECOM_USER_ID, u.username())
                    .set(NOTIFICATION_SETTINGS.MOBILE, String.format("1380013%04d", i++))
                    .set(NOTIFICATION_SETTINGS.QUIET_START, quiet ? "22:00" : null)
                    .set(NOTIFICATION_SETTINGS.QUIET_END, quiet ? "08:00" : null)
                    .set(NOTIFICATION_SETTINGS.UPDATED_AT, now)
                    .onConflict(NOTIFICATION_SETTINGS.USER_ID)
                    .doNothing()
                    .execute();
            notifications.send(new Notification(
                    u.id(),
                    "system",
                    "欢迎使用明灯",
                    "预警、每日简报和审批结果会出现在这里。\n在 **通知设置** 中选择接收渠道和免打扰时段。",
                    "/notifications/preferences",
                    "welcome"));
        }
        example("企业微信群机器人（示例）", ChannelKind.WECOM_ROBOT, null, null, "LANTERN_WECOM_ROBOT_KEY", null, now);
        example(
                "企业微信应用消息（示例）",
                ChannelKind.WECOM_APP,
                "ww0000000000000000",
                "1000002",
                null,
                "LANTERN_WECOM_SECRET",
                now);
        example(
                "钉钉机器人（示例）",
                ChannelKind.DINGTALK_ROBOT,
                null,
                null,
                "LANTERN_DINGTALK_TOKEN",
                "LANTERN_DINGTALK_SECRET",
                now);
        example("飞书机器人（示例）", ChannelKind.FEISHU_BOT, null, null, "LANTERN_FEISHU_HOOK", "LANTERN_FEISHU_SECRET", now);
        example(
                "公司邮箱（示例）",
                ChannelKind.EMAIL,
                "lantern@demo.lantern.app",
                null,
                "LANTERN_SMTP_USERNAME",
                "LANTERN_SMTP_PASSWORD",
                now);
    }

    private void example(
            String name,
            ChannelKind kind,
            String appId,
            String agentId,
            String credentialEnv,
            String secretEnv,
            OffsetDateTime now) {
        db.insertInto(NOTIFICATION_CHANNELS)
                .set(NOTIFICATION_CHANNELS.NAME, name)
                .set(NOTIFICATION_CHANNELS.KIND, kind.name())
                .set(
                        NOTIFICATION_CHANNELS.ENDPOINT,
                        kind == ChannelKind.EMAIL ? "smtp://smtp.demo.lantern.app:587" : kind.defaultEndpoint())
                .set(NOTIFICATION_CHANNELS.APP_ID, appId)
                .set(NOTIFICATION_CHANNELS.AGENT_ID, agentId)
                .set(NOTIFICATION_CHANNELS.CREDENTIAL_ENV, credentialEnv)
                .set(NOTIFICATION_CHANNELS.SECRET_ENV, secretEnv)
                .set(NOTIFICATION_CHANNELS.MSG_FORMAT, "markdown")
                .set(NOTIFICATION_CHANNELS.DEFAULT_ON, true)
                .set(NOTIFICATION_CHANNELS.ENABLED, false)
                .set(NOTIFICATION_CHANNELS.CREATED_AT, now)
                .set(NOTIFICATION_CHANNELS.UPDATED_AT, now)
                .onConflict(NOTIFICATION_CHANNELS.NAME)
                .doNothing()
                .execute();
    }
}
