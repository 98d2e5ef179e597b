package app.lantern.alert;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.shared.Phrase;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** A brief pushed to channels keeps user text literal: a deal named like a link or bold text stays plain text. */
class BriefMarkdownTest {

    static final String NAME = "年度采购 [点此复核](/customers/616) **加急** [外链](https://evil.example/phish)";

    @Test
    void aDealNamedLikeMarkdownNeitherLinksNorBoldsInTheChannelBrief() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("t.title", Locale.CHINA, "今日简报");
        messages.addMessage("t.top3", Locale.CHINA, "今日 TOP3");
        messages.addMessage("t.follow", Locale.CHINA, "跟进商机「{0}」");
        BriefContent brief = new BriefContent(
                new Phrase("t.title"),
                "张伟",
                List.of(new BriefContent.Section(
                        "top3",
                        new Phrase("t.top3"),
                        BriefContent.Style.NUMBERED,
                        List.of(new Phrase("t.follow", NAME)))),
                null);

        String markdown = brief.markdown(messages, Locale.CHINA);

        assertThat(markdown).startsWith("**今日 TOP3**").contains("1. 跟进商机「");
        assertThat(markdown)
                .as("the brief's own bold heading stays; the name's markup does not")
                .doesNotContain("**加急**")
                .doesNotContain("](https://evil.example")
                .doesNotContain("](/customers/616)")
                .doesNotContain("https://");
    }
}
