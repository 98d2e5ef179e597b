package app.lantern.notification;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the Markdown subset of a notification into what each channel shows, within its size limit. */
final class MessageText {

    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\(([^)\\s]+)\\)");
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*]+)\\*\\*");

    /** Characters that mean something in the Markdown subset or in a channel's own Markdown; escaped in user text. */
    private static final String ESCAPABLE = "\\[]()*_`#>!<|~:";
    /** What each escaped character becomes in a channel that renders its own Markdown (WeCom, DingTalk). */
    private static final String FULL_WIDTH = "＼［］（）＊＿｀＃＞！＜｜～：";

    private static final Pattern ESCAPED = Pattern.compile("\\\\([\\\\\\[\\]()*_`#>!<|~:])");
    private static final char SHIELD = '\uE000';

    private MessageText() {}

    /**
     * User text (a customer or opportunity name, a note) made literal for a Markdown body: every character that
     * could make a link, bold text, a heading or a quote is backslash-escaped, {@code ://} loses its power to become
     * a bare link in chat clients, and line breaks become spaces, so the text stays inside the line it was put in.
     */
    static String literal(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("[\\r\\n]+", " ");
        StringBuilder out = new StringBuilder(oneLine.length() + 8);
        for (int i = 0; i < oneLine.length(); i++) {
            char c = oneLine.charAt(i);
            boolean escape = c == ':' ? oneLine.startsWith("//", i + 1) : ESCAPABLE.indexOf(c) >= 0;
            if (escape) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Hides escaped characters from the Markdown patterns: each becomes a private-use character until restored. */
    private static String shield(String markdown) {
        return ESCAPED.matcher(markdown)
                .replaceAll(m -> Matcher.quoteReplacement(
                        String.valueOf((char) (SHIELD + m.group(1).charAt(0)))));
    }

    /** Puts shielded characters back: as themselves, HTML-escaped, or as full-width look-alikes. */
    private static String unshield(String text, Mode mode) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            char original = (char) (c - SHIELD);
            if (c < SHIELD || c > SHIELD + 0x7f || ESCAPABLE.indexOf(original) < 0) {
                out.append(c);
            } else if (mode == Mode.HTML) {
                out.append(escapeHtml(String.valueOf(original)));
            } else if (mode == Mode.CHAT) {
                out.append(FULL_WIDTH.charAt(ESCAPABLE.indexOf(original)));
            } else {
                out.append(original);
            }
        }
        return out.toString();
    }

    private enum Mode {
        PLAIN,
        HTML,
        CHAT
    }

    /**
     * The body for a channel that renders Markdown itself (WeCom, DingTalk): the subset is passed on, while escaped
     * user text is shown with full-width look-alikes, which no chat client turns into a link or bold text.
     */
    static String chatMarkdown(String markdown) {
        return unshield(shield(markdown), Mode.CHAT);
    }

    /** A plain-text line (a title) placed into a channel's Markdown. */
    static String chatLiteral(String text) {
        return chatMarkdown(literal(text));
    }

    static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * Cuts {@code text} so that it and {@code suffix} fit in {@code maxBytes} UTF-8 bytes, never splitting a
     * character; appends {@code …} where it cut. {@code suffix} is kept whole (it carries the link).
     */
    static String fit(String text, String suffix, int maxBytes) {
        String whole = text + suffix;
        if (maxBytes <= 0 || utf8Length(whole) <= maxBytes) {
            return whole;
        }
        int budget = maxBytes - utf8Length(suffix) - utf8Length("…");
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int len = utf8Length(new String(Character.toChars(cp)));
            if (used + len > budget) {
                break;
            }
            out.appendCodePoint(cp);
            used += len;
            i += Character.charCount(cp);
        }
        return out + "…" + suffix;
    }

    /** Plain text: bold markers dropped, links as "text (url)". */
    static String plain(String markdown) {
        String s = LINK.matcher(shield(markdown))
                .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " (" + m.group(2) + ")"));
        s = BOLD.matcher(s).replaceAll("$1");
        return unshield(s.replaceAll("(?m)^#{1,6}\\s*", ""), Mode.PLAIN);
    }

    static String escapeHtml(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** HTML for email: everything escaped first, then the subset turned into tags; only http(s) and relative links. */
    static String html(String markdown) {
        return html(markdown, true);
    }

    /**
     * HTML for the in-app inbox: everything escaped first, then bold, bullet and numbered lists, quotes and line
     * breaks; links only to relative paths inside Lantern (anything else stays plain text).
     */
    static String inAppHtml(String markdown) {
        return html(markdown, false);
    }

    private static final Pattern NUMBERED = Pattern.compile("^\\d{1,3}[.)]\\s+(.*)$");

    private static String html(String markdown, boolean external) {
        StringBuilder out = new StringBuilder();
        String list = null;
        for (String line : shield(markdown).split("\n", -1)) {
            String trimmed = line.strip();
            Matcher numbered = NUMBERED.matcher(trimmed);
            String kind =
                    trimmed.startsWith("- ") || trimmed.startsWith("* ") ? "ul" : numbered.matches() ? "ol" : null;
            if (list != null && !list.equals(kind)) {
                out.append("</").append(list).append('>');
                list = null;
            }
            if (kind != null && list == null) {
                out.append('<').append(kind).append('>');
                list = kind;
            }
            if (trimmed.isEmpty()) {
                continue;
            }
            if (kind != null) {
                out.append("<li>")
                        .append(inline(kind.equals("ul") ? trimmed.substring(2) : numbered.group(1), external))
                        .append("</li>");
            } else if (trimmed.startsWith("#")) {
                out.append("<h3>")
                        .append(inline(trimmed.replaceFirst("^#+\\s*", ""), external))
                        .append("</h3>");
            } else if (trimmed.startsWith(">")) {
                out.append("<blockquote>")
                        .append(inline(trimmed.substring(1).strip(), external))
                        .append("</blockquote>");
            } else {
                out.append("<p>").append(inline(trimmed, external)).append("</p>");
            }
        }
        if (list != null) {
            out.append("</").append(list).append('>');
        }
        return unshield(out.toString(), Mode.HTML);
    }

    /** A path inside Lantern: starts with one slash, not two ({@code //host}) nor a backslash trick. */
    static boolean relative(String url) {
        return url.startsWith("/")
                && !url.startsWith("//")
                && !url.startsWith("/\\")
                && url.chars().noneMatch(c -> c < 0x20);
    }

    private static String inline(String text, boolean external) {
        StringBuilder out = new StringBuilder();
        Matcher m = LINK.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(bold(escapeHtml(text.substring(last, m.start()))));
            String url = m.group(2);
            if (relative(url) || external && (url.startsWith("https://") || url.startsWith("http://"))) {
                out.append("<a href=\"")
                        .append(escapeHtml(url))
                        .append("\">")
                        .append(bold(escapeHtml(m.group(1))))
                        .append("</a>");
            } else {
                out.append(bold(escapeHtml(m.group(1))));
            }
            last = m.end();
        }
        out.append(bold(escapeHtml(text.substring(last))));
        return out.toString();
    }

    private static String bold(String escaped) {
        return BOLD.matcher(escaped).replaceAll("<strong>$1</strong>");
    }

    /** Feishu "post" rich text: one paragraph per line, links as {@code a} elements. */
    static List<List<String[]>> postParagraphs(String markdown) {
        List<List<String[]>> paragraphs = new ArrayList<>();
        for (String line : shield(markdown).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            List<String[]> elements = new ArrayList<>();
            Matcher m = LINK.matcher(line);
            int last = 0;
            while (m.find()) {
                if (m.start() > last) {
                    elements.add(new String[] {"text", plain(line.substring(last, m.start())), null});
                }
                elements.add(new String[] {"a", unshield(m.group(1), Mode.PLAIN), m.group(2)});
                last = m.end();
            }
            if (last < line.length()) {
                elements.add(new String[] {"text", plain(line.substring(last)), null});
            }
            paragraphs.add(elements);
        }
        return paragraphs;
    }
}
