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
        String html = MessageText.html("**重要** <script>alert(1)</script>\n- [商机](https://x.example/o/1)\n- [坏链接](javascript:alert(1))");
        assertThat(html).contains("<strong>重要</strong>").contains("&lt;script&gt;").doesNotContain("<script>")
                .contains("<a href=\"https://x.example/o/1\">商机</a>").doesNotContain("javascript:").contains("<ul><li>");
    }

    @Test
    void plainTextSpellsOutLinks() {
        assertThat(MessageText.plain("**注意** [打开](https://x.example)")).isEqualTo("注意 打开 (https://x.example)");
    }
}
