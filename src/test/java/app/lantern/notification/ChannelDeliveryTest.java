package app.lantern.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lantern.shared.ValidationException;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

@SpringBootTest
class ChannelDeliveryTest extends NotificationTestSupport {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void wecomRobotGetsMarkdownCutToFourKilobytesWithLinkAndMention() throws Exception {
        try (var wecom = new FakeProviders.WeCom("robot-key-" + run, "corp", "s")) {
            long rep = userId("rep13");
            long ch = channel(
                    ChannelKind.WECOM_ROBOT,
                    wecom.endpoint(),
                    null,
                    null,
                    env("LANTERN_T_ROBOT_KEY_" + run.toUpperCase(), "robot-key-" + run),
                    null,
                    "markdown");
            optIn(rep, ch, null, "zhuLin", null);
            long id = send(rep, "商机停滞", "本周新增商机 1/3；".repeat(400));

            drain(worker("a"));

            assertThat(wecom.accepted).hasSize(1);
            String content =
                    wecom.accepted.getFirst().path("markdown").path("content").asString();
            assertThat(content.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(4096);
            assertThat(content)
                    .startsWith("**商机停滞**")
                    .contains("[查看详情](https://lantern.example.com/notifications)")
                    .endsWith("<@zhuLin>");
            var d = delivery(id);
            assertThat(d.getStatus()).isEqualTo("DELIVERED");
            assertThat(d.getProviderCode()).isEqualTo("0");
            assertThat(d.getAttempts()).isEqualTo(1);
        }
    }

    @Test
    void wecomRobotTextMessageMentionsTheRecipientByUserId() throws Exception {
        try (var wecom = new FakeProviders.WeCom("k2-" + run, "corp", "s")) {
            long rep = userId("rep14");
            long ch = channel(
                    ChannelKind.WECOM_ROBOT,
                    wecom.endpoint(),
                    null,
                    null,
                    env("LANTERN_T_ROBOT2_" + run.toUpperCase(), "k2-" + run),
                    null,
                    "text");
            optIn(rep, ch, null, "huBin", null);
            send(rep, "日报未提交", "**昨日**日报未提交");
            drain(worker("a"));
            JsonNode text = wecom.accepted.getFirst().path("text");
            assertThat(text.path("content").asString())
                    .startsWith("日报未提交\n昨日日报未提交")
                    .doesNotContain("**");
            assertThat(text.path("mentioned_list").get(0).asString()).isEqualTo("huBin");
        }
    }

    @Test
    void wecomAppCachesTheTokenAndRefreshesItWhenTheProviderSaysExpired() throws Exception {
        try (var wecom = new FakeProviders.WeCom("unused", "ww" + run, "corp-secret-" + run)) {
            long rep = userId("rep15");
            long ch = channel(
                    ChannelKind.WECOM_APP,
                    wecom.endpoint(),
                    "ww" + run,
                    "1000002",
                    null,
                    env("LANTERN_T_WECOM_SECRET_" + run.toUpperCase(), "corp-secret-" + run),
                    "markdown");
            optIn(rep, ch, null, "guoTao", null);
            DeliveryWorker worker = worker("a");

            long first = send(rep, "第一条", "内容");
            long second = send(rep, "第二条", "内容");
            drain(worker);
            assertThat(wecom.tokensIssued).hasValue(1);

            wecom.expireToken();
            long third = send(rep, "第三条", "内容");
            drain(worker);

            assertThat(wecom.tokensIssued).hasValue(2);
            assertThat(wecom.accepted).hasSize(3);
            assertThat(wecom.accepted).allSatisfy(b -> {
                assertThat(b.path("touser").asString()).isEqualTo("guoTao");
                assertThat(b.path("agentid").asLong()).isEqualTo(1000002L);
                assertThat(b.path("msgtype").asString()).isEqualTo("markdown");
            });
            assertThat(delivery(first).getStatus()).isEqualTo("DELIVERED");
            assertThat(delivery(second).getStatus()).isEqualTo("DELIVERED");
            assertThat(delivery(third).getStatus()).isEqualTo("DELIVERED");
            assertThat(delivery(third).getProviderMessage()).startsWith("msgid ");
        }
    }

    @Test
    void wecomAppWithAWrongSecretFailsAtOnceWithTheProvidersAnswer() throws Exception {
        try (var wecom = new FakeProviders.WeCom("unused", "ww" + run, "right")) {
            long rep = userId("rep15");
            long ch = channel(
                    ChannelKind.WECOM_APP,
                    wecom.endpoint(),
                    "ww" + run,
                    "1000002",
                    null,
                    env("LANTERN_T_WRONG_SECRET_" + run.toUpperCase(), "wrong"),
                    "text");
            optIn(rep, ch, null, "guoTao", null);
            long id = send(rep, "密钥错误", "内容");
            drain(worker("a"));
            var d = delivery(id);
            assertThat(d.getStatus()).isEqualTo("FAILED");
            assertThat(d.getProviderCode()).isEqualTo("40001");
            assertThat(channels.deliveries(DeliveryStatus.FAILED, 50)).anySatisfy(v -> {
                assertThat(v.id()).isEqualTo(d.getId());
                assertThat(v.failureReason()).contains("40001").contains("invalid credential");
            });
        }
    }

    @Test
    void dingTalkAcceptsTheSignedRequestAndMentionsByMobile() throws Exception {
        try (var ding = new FakeProviders.DingTalk("ding-token-" + run, "SEC" + run)) {
            long rep = userId("rep16");
            long ch = channel(
                    ChannelKind.DINGTALK_ROBOT,
                    ding.endpoint(),
                    null,
                    null,
                    env("LANTERN_T_DING_TOKEN_" + run.toUpperCase(), "ding-token-" + run),
                    env("LANTERN_T_DING_SECRET_" + run.toUpperCase(), "SEC" + run),
                    "markdown");
            optIn(rep, ch, null, null, "13800138000");
            long id = send(rep, "健康度低于60", "商机 **华为** 健康度 52");
            drain(worker("a"));

            assertThat(delivery(id).getStatus()).isEqualTo("DELIVERED");
            JsonNode body = ding.accepted.getFirst();
            assertThat(body.path("markdown").path("title").asString()).isEqualTo("健康度低于60");
            assertThat(body.path("markdown").path("text").asString())
                    .contains("商机 **华为** 健康度 52")
                    .endsWith("@13800138000");
            assertThat(body.path("at").path("atMobiles").get(0).asString()).isEqualTo("13800138000");
        }
    }

    @Test
    void dingTalkRejectsAWrongSignatureAndTheMessageFailsWithTheReason() throws Exception {
        try (var ding = new FakeProviders.DingTalk("ding-token-" + run, "SECright")) {
            long rep = userId("rep16");
            long ch = channel(
                    ChannelKind.DINGTALK_ROBOT,
                    ding.endpoint(),
                    null,
                    null,
                    env("LANTERN_T_DING_TOKEN2_" + run.toUpperCase(), "ding-token-" + run),
                    env("LANTERN_T_DING_BAD_" + run.toUpperCase(), "SECwrong"),
                    "text");
            optIn(rep, ch, null, null, null);
            long id = send(rep, "签名错误", "内容");
            drain(worker("a"));
            var d = delivery(id);
            assertThat(d.getStatus()).isEqualTo("FAILED");
            assertThat(d.getFailureReason()).startsWith("310000 sign not match");
            assertThat(ding.accepted).isEmpty();
        }
    }

    @Test
    void dingTalkRobotIsPacedToTwentyMessagesPerMinute() throws Exception {
        try (var ding = new FakeProviders.DingTalk("pace-" + run, "SECpace")) {
            long rep = userId("rep17");
            long ch = channel(
                    ChannelKind.DINGTALK_ROBOT,
                    ding.endpoint(),
                    null,
                    null,
                    env("LANTERN_T_PACE_" + run.toUpperCase(), "pace-" + run),
                    env("LANTERN_T_PACE_SECRET_" + run.toUpperCase(), "SECpace"),
                    "markdown");
            optIn(rep, ch, null, null, null);
            for (int i = 0; i < 25; i++) {
                send(rep, "消息" + i, "内容");
            }
            drain(worker("a"));
            assertThat(ding.accepted).hasSize(20);
            assertThat(ding.requests).hasValue(20);
        }
    }

    @Test
    void feishuAcceptsTheSignedPostWithTitleParagraphsAndLink() throws Exception {
        try (var feishu = new FakeProviders.Feishu("hook-" + run, "fs-secret")) {
            long rep = userId("rep18");
            long ch = channel(
                    ChannelKind.FEISHU_BOT,
                    feishu.endpoint(),
                    null,
                    null,
                    env("LANTERN_T_FEISHU_HOOK_" + run.toUpperCase(), "hook-" + run),
                    env("LANTERN_T_FEISHU_SECRET_" + run.toUpperCase(), "fs-secret"),
                    "markdown");
            optIn(rep, ch, null, null, null);
            long id = send(rep, "每日简报", "昨日完成率 80%\n[商机列表](https://lantern.example.com/opportunities)");
            drain(worker("a"));

            assertThat(delivery(id).getStatus()).isEqualTo("DELIVERED");
            JsonNode post =
                    feishu.accepted.getFirst().path("content").path("post").path("zh_cn");
            assertThat(post.path("title").asString()).isEqualTo("每日简报");
            assertThat(post.path("content").get(0).get(0).path("text").asString())
                    .isEqualTo("昨日完成率 80%");
            assertThat(post.path("content").get(1).get(0).path("tag").asString())
                    .isEqualTo("a");
            JsonNode last =
                    post.path("content").get(post.path("content").size() - 1).get(0);
            assertThat(last.path("href").asString()).isEqualTo("https://lantern.example.com/notifications");
        }
    }

    @Test
    void feishuWithAWrongSecretFailsWith19021() throws Exception {
        try (var feishu = new FakeProviders.Feishu("hook2-" + run, "right")) {
            long rep = userId("rep18");
            long ch = channel(
                    ChannelKind.FEISHU_BOT,
                    feishu.endpoint(),
                    null,
                    null,
                    env("LANTERN_T_FEISHU_HOOK2_" + run.toUpperCase(), "hook2-" + run),
                    env("LANTERN_T_FEISHU_BAD_" + run.toUpperCase(), "wrong"),
                    "text");
            optIn(rep, ch, null, null, null);
            long id = send(rep, "飞书签名错误", "内容");
            drain(worker("a"));
            assertThat(delivery(id).getStatus()).isEqualTo("FAILED");
            assertThat(delivery(id).getProviderCode()).isEqualTo("19021");
        }
    }

    @Test
    void emailIsSentOverSmtpWithEscapedHtml() throws Exception {
        long rep = userId("rep12");
        long ch = channel(
                ChannelKind.EMAIL,
                "smtp://127.0.0.1:" + smtp.getSmtp().getPort(),
                "lantern@demo.lantern.app",
                null,
                null,
                null,
                "markdown");
        optIn(rep, ch, "rep12-" + run + "@demo.lantern.app", null, null);
        long id = send(rep, "报价审批超时", "**华润** 报价等待 3 个工作日 <script>x</script>");
        drain(worker("a"));

        assertThat(delivery(id).getStatus()).isEqualTo("DELIVERED");
        MimeMessage[] received = smtp.getReceivedMessages();
        MimeMessage mail = java.util.Arrays.stream(received)
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals("rep12-" + run + "@demo.lantern.app");
                    } catch (Exception e) {
                        return false;
                    }
                })
                .findFirst()
                .orElseThrow();
        assertThat(mail.getSubject()).isEqualTo("报价审批超时");
        String raw = GreenMailUtil.getWholeMessage(mail);
        assertThat(raw).contains("text/html").contains("text/plain");
    }

    @Test
    void aChannelThatIsDownIsRetriedWithBackoffAndFinallyFailedWithTheReason() throws Exception {
        try (var wecom = new FakeProviders.WeCom("down-" + run, "c", "s")) {
            wecom.failWithStatus = 503;
            long rep = userId("rep11");
            long ch = channel(
                    ChannelKind.WECOM_ROBOT,
                    wecom.endpoint(),
                    null,
                    null,
                    env("LANTERN_T_DOWN_" + run.toUpperCase(), "down-" + run),
                    null,
                    "markdown");
            optIn(rep, ch, null, null, null);
            long id = send(rep, "服务不可用", "内容");
            var policy =
                    new DeliveryWorker.Policy(Duration.ofSeconds(30), Duration.ofHours(1), 3, Duration.ofMinutes(2));

            drain(worker("a", clock, policy));
            var first = delivery(id);
            assertThat(first.getStatus()).isEqualTo("RETRY");
            assertThat(first.getAttempts()).isEqualTo(1);
            assertThat(first.getNextAttemptAt())
                    .isAfter(OffsetDateTime.now(clock).plusSeconds(20));

            drain(worker("a", later(clock, Duration.ofSeconds(31)), policy));
            var second = delivery(id);
            assertThat(second.getAttempts()).isEqualTo(2);
            // the second wait doubles the first: 30 s → 60 s after the attempt
            assertThat(Duration.between(second.getLastAttemptAt(), second.getNextAttemptAt()))
                    .isBetween(Duration.ofSeconds(60), Duration.ofSeconds(65));

            drain(worker("a", later(clock, Duration.ofMinutes(5)), policy));
            var last = delivery(id);
            assertThat(last.getStatus()).isEqualTo("FAILED");
            assertThat(last.getFailureReason())
                    .startsWith("gave up after 3 attempts")
                    .contains("http 503");
            assertThat(wecom.requests).hasValue(3);

            wecom.failWithStatus = 0;
            channels.retry(last.getId());
            drain(worker("a"));
            assertThat(delivery(id).getStatus()).isEqualTo("DELIVERED");
        }
    }

    @Test
    void quietHoursHoldExternalChannelsButTheInboxHasTheMessageAtOnce() throws Exception {
        try (var wecom = new FakeProviders.WeCom("quiet-" + run, "c", "s")) {
            long rep = userId("rep10");
            long ch = channel(
                    ChannelKind.WECOM_ROBOT,
                    wecom.endpoint(),
                    null,
                    null,
                    env("LANTERN_T_QUIET_" + run.toUpperCase(), "quiet-" + run),
                    null,
                    "markdown");
            LocalTime now = LocalTime.now(clock);
            DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
            String start = now.minusMinutes(30).format(hhmm);
            String end = now.plusMinutes(90).format(hhmm);
            preferences.update(
                    rep,
                    new NotificationPreferences.PreferencesForm("zh-CN", null, null, null, start, end, Set.of(ch)));
            long id = send(rep, "夜间消息", "内容");

            drain(worker("a"));
            assertThat(wecom.accepted).isEmpty();
            assertThat(delivery(id).getStatus()).isEqualTo("PENDING");
            assertThat(notifications
                            .inbox(rep, true, app.lantern.shared.PageQuery.of(0, 50, null, Set.of("id"), "id,desc"))
                            .items())
                    .anySatisfy(i -> assertThat(i.id()).isEqualTo(id));

            drain(worker("a", later(clock, Duration.ofMinutes(91)), DeliveryWorker.Policy.DEFAULT));
            assertThat(wecom.accepted).hasSize(1);
        }
    }

    @Test
    void theSameDedupKeyIsStoredAndSentOnce() {
        long rep = userId("rep9");
        String key = "alert-" + run;
        tx.executeWithoutResult(s -> {
            notifications.send(new Notification(rep, "alert", "预警", "内容", "/alerts/1", key));
            notifications.send(new Notification(rep, "alert", "预警", "内容", "/alerts/1", key));
        });
        notifications.send(new Notification(rep, "alert", "预警", "内容", "/alerts/1", key));
        assertThat(notificationsWithKey(rep, key)).isEqualTo(1);
    }

    @Test
    void aRolledBackCauseSendsNothing() {
        long rep = userId("rep9");
        String key = "rollback-" + run;
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
                    notifications.send(new Notification(rep, "alert", "预警", "内容", null, key));
                    throw new IllegalStateException("the cause failed");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(notificationsWithKey(rep, key)).isZero();
    }

    @Test
    void rejectsLinksOutsideLanternAndBlankTitles() {
        long rep = userId("rep9");
        assertThatThrownBy(() -> notifications.send(
                        new Notification(rep, "alert", " ", "x", "https://evil.example", "k-" + run)))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors())
                        .extracting(f -> f.field())
                        .contains("title", "link"));
    }

    @Test
    void adminCannotPointAChannelAtAnInternalAddressOrStoreASecretInPlainText() {
        assertThatThrownBy(() -> channels.create(new NotificationChannels.ChannelForm(
                        "ssrf-" + run,
                        ChannelKind.WECOM_ROBOT,
                        "http://2130706433",
                        null,
                        null,
                        "LANTERN_X",
                        null,
                        "markdown",
                        null,
                        false,
                        true)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("endpoint");
        assertThatThrownBy(() -> channels.create(new NotificationChannels.ChannelForm(
                        "ssrf2-" + run,
                        ChannelKind.DINGTALK_ROBOT,
                        "https://169.254.169.254",
                        null,
                        null,
                        "LANTERN_X",
                        null,
                        "markdown",
                        null,
                        false,
                        true)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> channels.create(new NotificationChannels.ChannelForm(
                        "env-" + run,
                        ChannelKind.DINGTALK_ROBOT,
                        null,
                        null,
                        null,
                        "LANTERN_DB_PASSWORD",
                        null,
                        "markdown",
                        null,
                        false,
                        true)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("credentialEnv");
        assertThatThrownBy(() -> channels.create(new NotificationChannels.ChannelForm(
                        "plain-" + run,
                        ChannelKind.DINGTALK_ROBOT,
                        "https://oapi.dingtalk.com/robot/send?access_token=abc",
                        null,
                        null,
                        "LANTERN_X",
                        null,
                        "markdown",
                        null,
                        false,
                        true)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void reachCountsDeliveredOverSentPerChannel() throws Exception {
        try (var wecom = new FakeProviders.WeCom("reach-" + run, "c", "s")) {
            long rep = userId("rep8");
            long ch = channel(
                    ChannelKind.WECOM_ROBOT,
                    wecom.endpoint(),
                    null,
                    null,
                    env("LANTERN_T_REACH_" + run.toUpperCase(), "reach-" + run),
                    null,
                    "markdown");
            optIn(rep, ch, null, null, null);
            send(rep, "一", "内容");
            send(rep, "二", "内容");
            drain(worker("a"));
            wecom.failWithStatus = 500;
            send(rep, "三", "内容");
            drain(worker(
                    "a",
                    clock,
                    new DeliveryWorker.Policy(Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Duration.ofMinutes(1))));
            ChannelReach reach = notifications.reach(Duration.ofDays(1)).stream()
                    .filter(r -> Long.valueOf(ch).equals(r.channelId()))
                    .findFirst()
                    .orElseThrow();
            assertThat(reach.sent()).isEqualTo(3);
            assertThat(reach.delivered()).isEqualTo(2);
            assertThat(reach.failed()).isEqualTo(1);
            assertThat(reach.ratePercent()).isEqualTo(67);
            assertThat(meters.find("lantern.notifications.attempts")
                            .tag("kind", "WECOM_ROBOT")
                            .tag("outcome", "DELIVERED")
                            .counter())
                    .isNotNull();
        }
    }
}
