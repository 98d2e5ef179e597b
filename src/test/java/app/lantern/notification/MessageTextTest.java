package app.lantern.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageTextTest {

    @Test
    void cutsLongChineseTextAtACharacterBoundaryAndKeepsTheLink() {
        String text = "本周新增商机不足，".repeat(500);
        String suffix = "\n[查看详情](https://lantern.example.com/alerts/1)";
        String fitted = MessageText.fit(text, suffix, 4096);
        assertThat(MessageText.utf8Length(fitted)).isLessThanOrEqualTo(4096);
        assertThat(fitted).endsWith("…" + suffix);
        assertThat(fitted).doesNotContain("\uFFFD");
    }

    @Test
    void leavesShortTextAlone() {
        assertThat(MessageText.fit("你好", "!", 4096)).isEqualTo("你好!");
    }

    @Test
    void emailHtmlEscapesEverythingButTheMarkdownSubset() {
        String html = MessageText.html(
                "**重要** <script>alert(1)</script>\n- [商机](https://x.example/o/1)\n- [坏链接](javascript:alert(1))");
        assertThat(html)
                .contains("<strong>重要</strong>")
                .contains("&lt;script&gt;")
                .doesNotContain("<script>")
                .contains("<a href=\"https://x.example/o/1\">商机</a>")
                .doesNotContain("javascript:")
                .contains("<ul><li>");
    }

    @Test
    void plainTextSpellsOutLinks() {
        assertThat(MessageText.plain("**注意** [打开](https://x.example)")).isEqualTo("注意 打开 (https://x.example)");
    }

    @Test
    void inAppHtmlRendersTheSubsetAndLinksOnlyToLanternsOwnPages() {
        String html = MessageText.inAppHtml(
                "**昨日完成**：80%\n**今日 TOP3**\n1. 跟进 [商机](/opportunities/7)\n2. 回访\n\n- 外链 [钓鱼](https://evil.example/x)\n"
                        + "- 协议相对 [钓鱼](//evil.example/x)\n- 脚本 [点我](javascript:alert(1))\n> 你目前被标记为潜在掉队");
        assertThat(html)
                .contains("<p><strong>昨日完成</strong>：80%</p>")
                .contains("<ol><li>跟进 <a href=\"/opportunities/7\">商机</a></li><li>回访</li></ol>")
                .contains("<ul><li>外链 钓鱼</li><li>协议相对 钓鱼</li><li>脚本 点我)</li></ul>")
                .contains("<blockquote>你目前被标记为潜在掉队</blockquote>")
                .doesNotContain("evil.example")
                .doesNotContain("javascript:");
    }

    @Test
    void inAppHtmlEscapesMarkupHiddenInTextLinkLabelsAndUrls() {
        String html = MessageText.inAppHtml("<img src=x onerror=alert(1)> **<script>alert(2)</script>**\n"
                + "[<svg onload=alert(3)>](/alerts/1\"onmouseover=\"alert(4))\n- [x](/\\evil.example)");
        assertThat(html)
                .doesNotContain("<img")
                .doesNotContain("<script")
                .doesNotContain("<svg")
                .doesNotContain("\"onmouseover")
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("<strong>&lt;script&gt;alert(2)&lt;/script&gt;</strong>")
                .contains("<a href=\"/alerts/1&quot;onmouseover=&quot;alert(4\">&lt;svg onload=alert(3)&gt;</a>")
                .doesNotContain("href=\"/\\");
    }
}
