package app.lantern.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * H5: an opportunity named with Markdown in it must show as typed, not as a link or bold text, in every channel.
 * The body is built as {@code Notifications.sendTemplated} builds it: the template's own Markdown around the name
 * made literal.
 */
class MarkdownInjectionTest {

    static final String NAME = "年度采购 [点此复核](/customers/616) **加急** [外链](https://evil.example/phish)";
    static final String BODY = "商机 **" + Notifications.markdownLiteral(NAME) + "** 的健康度降到 35。\n\n"
            + "[查看干预任务](/opportunities/interventions)";

    private static ChannelConfig channel(ChannelKind kind) {
        return new ChannelConfig(1, "团队群", kind, "", "corp", "1000002", null, null, "markdown", null, true, true);
    }

    private static OutboundMessage message() {
        return new OutboundMessage(
                7,
                "需要干预：" + NAME,
                BODY,
                "https://lantern.example.com/opportunities/interventions",
                "查看详情",
                Locale.SIMPLIFIED_CHINESE,
                new OutboundMessage.Recipient(3, "王经理", "wang@example.com", "wangjl", "13800000000"));
    }

    @Test
    void inAppAndEmailShowTheNameAsTextWithOnlyTheTemplatesOwnLink() {
        for (String html : new String[] {MessageText.inAppHtml(BODY), MessageText.html(BODY)}) {
            assertThat(html)
                    .contains("[点此复核](/customers/616) **加急** [外链](https://evil.example/phish)")
                    .doesNotContain("href=\"/customers/616\"")
                    .doesNotContain("href=\"https://evil.example")
                    .doesNotContain("<strong>加急</strong>")
                    .contains("<strong>年度采购 [点此复核]")
                    .contains("<a href=\"/opportunities/interventions\">查看干预任务</a>");
        }
        assertThat(MessageText.plain(BODY)).contains(NAME).doesNotContain("\\");
    }

    @Test
    void weComAndDingTalkMarkdownCarryNoLinkOrBoldFromTheName() {
        String[] contents = {
            WeComRobotSender.payload(channel(ChannelKind.WECOM_ROBOT), message())
                    .get("markdown")
                    .get("content")
                    .asString(),
            WeComAppSender.payload(channel(ChannelKind.WECOM_APP), message(), "wangjl")
                    .get("markdown")
                    .get("content")
                    .asString(),
            DingTalkSender.payload(channel(ChannelKind.DINGTALK_ROBOT), message())
                    .get("markdown")
                    .get("text")
                    .asString()
        };
        for (String content : contents) {
            assertThat(content)
                    .doesNotContain("[点此复核](")
                    .doesNotContain("[外链](")
                    .doesNotContain("**加急**")
                    .doesNotContain("https://evil.example")
                    .contains("［点此复核］（/customers/616）")
                    .contains("＊＊加急＊＊")
                    .contains("[查看干预任务](/opportunities/interventions)");
        }
    }

    @Test
    void feishuPostHasNoLinkElementForTheName() {
        var body = Json.object();
        FeishuSender.content(body, channel(ChannelKind.FEISHU_BOT), message());
        String json = Json.write(body);
        assertThat(json)
                .doesNotContain("\"href\":\"/customers/616\"")
                .doesNotContain("\"href\":\"https://evil.example")
                .contains("[点此复核](/customers/616) **加急** [外链](https://evil.example/phish)")
                .contains("\"href\":\"/opportunities/interventions\"");
    }

    @Test
    void aNameCannotBreakOutOfItsLineIntoAHeadingOrQuote() {
        String body = "客户：" + Notifications.markdownLiteral("甲\n# 大标题\n> 引用") + "\n下一行";
        assertThat(MessageText.inAppHtml(body)).doesNotContain("<h3>").doesNotContain("<blockquote>");
    }
}
