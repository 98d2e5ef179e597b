package app.lantern.alert;

import app.lantern.notification.Notifications;
import app.lantern.shared.Phrase;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * What a brief says, as phrases put into words in the reader's language: the landing page shows it as HTML, the
 * channels receive it as Markdown (in Chinese). One structure, so that both say the same.
 *
 * @param recipient the rep's or manager's name, which the title is about
 */
public record BriefContent(Phrase title, String recipient, List<Section> sections, Phrase note) {

    public enum Style {
        /** A heading and one value on the same line. */
        INLINE,
        NUMBERED,
        BULLETED
    }

    public record Section(String name, Phrase heading, Style style, List<Phrase> lines) {}

    /** The title with the recipient's name, as channels show it. */
    String title(MessageSource messages, Locale locale) {
        return messages.getMessage(title, locale) + " · " + recipient;
    }

    /** The section of this name, if the brief has it (for the landing page: TOP3, lagging items). */
    public Section section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    /**
     * The brief as Markdown for channels (WeCom, DingTalk, Feishu and e-mail render the bold headings); names and
     * other user text in its lines stay literal, so a deal named like a link never becomes one.
     */
    String markdown(MessageSource messages, Locale locale) {
        StringBuilder md = new StringBuilder();
        for (Section s : sections) {
            String heading = messages.getMessage(s.heading(), locale);
            if (s.style() == Style.INLINE) {
                md.append("**").append(heading).append("**：");
                s.lines().forEach(l -> md.append(messages.getMessage(Notifications.markdownLiteral(l), locale)));
                md.append('\n');
                continue;
            }
            if (!md.isEmpty()) {
                md.append('\n');
            }
            md.append("**").append(heading).append("**\n");
            for (int i = 0; i < s.lines().size(); i++) {
                md.append(s.style() == Style.NUMBERED ? (i + 1) + ". " : "- ")
                        .append(messages.getMessage(
                                Notifications.markdownLiteral(s.lines().get(i)), locale))
                        .append('\n');
            }
        }
        if (note != null) {
            md.append("\n> ").append(messages.getMessage(note, locale));
        }
        return md.toString().strip();
    }
}
