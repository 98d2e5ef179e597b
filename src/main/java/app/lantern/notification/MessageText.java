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

    private MessageText() {}

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
        String s = LINK.matcher(markdown).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " (" + m.group(2) + ")"));
        s = BOLD.matcher(s).replaceAll("$1");
        return s.replaceAll("(?m)^#{1,6}\\s*", "");
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
        StringBuilder out = new StringBuilder();
        boolean inList = false;
        for (String line : markdown.split("\n", -1)) {
            String trimmed = line.strip();
            boolean item = trimmed.startsWith("- ") || trimmed.startsWith("* ");
            if (item && !inList) {
                out.append("<ul>");
                inList = true;
            } else if (!item && inList) {
                out.append("</ul>");
                inList = false;
            }
            if (trimmed.isEmpty()) {
                continue;
            }
            if (item) {
                out.append("<li>").append(inline(trimmed.substring(2))).append("</li>");
            } else if (trimmed.startsWith("#")) {
                out.append("<h3>").append(inline(trimmed.replaceFirst("^#+\\s*", ""))).append("</h3>");
            } else if (trimmed.startsWith(">")) {
                out.append("<blockquote>").append(inline(trimmed.substring(1).strip())).append("</blockquote>");
            } else {
                out.append("<p>").append(inline(trimmed)).append("</p>");
            }
        }
        if (inList) {
            out.append("</ul>");
        }
        return out.toString();
    }

    private static String inline(String text) {
        StringBuilder out = new StringBuilder();
        Matcher m = LINK.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(bold(escapeHtml(text.substring(last, m.start()))));
            String url = m.group(2);
            if (url.startsWith("https://") || url.startsWith("http://") || url.startsWith("/")) {
                out.append("<a href=\"").append(escapeHtml(url)).append("\">").append(escapeHtml(m.group(1))).append("</a>");
            } else {
                out.append(escapeHtml(m.group(1)));
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
        for (String line : markdown.split("\n")) {
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
                elements.add(new String[] {"a", m.group(1), m.group(2)});
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
