package app.lantern.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** Renders a message for every channel kind exactly as the senders would, for preview pages. */
@Service
public class Previews {

    private final NotificationPreferences preferences;
    private final MessageSource messages;
    private final String publicUrl;

    Previews(
            NotificationPreferences preferences,
            MessageSource messages,
            @Value("${lantern.public-url:http://localhost:${server.port:8080}}") String publicUrl) {
        this.preferences = preferences;
        this.messages = messages;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public List<ChannelPreview> render(long recipientUserId, String title, String markdown, String link) {
        NotificationPreferences.Settings s = preferences.of(recipientUserId);
        Locale locale = s.locale();
        OutboundMessage m = new OutboundMessage(
                0,
                title,
                markdown,
                link == null ? null : publicUrl + link,
                messages.getMessage("notification.open", null, "查看详情", locale),
                locale,
                new OutboundMessage.Recipient(recipientUserId, "", s.email(), s.wecomUserId(), s.mobile()));
        List<ChannelPreview> result = new ArrayList<>();
        result.add(new ChannelPreview("IN_APP", "markdown", markdown));
        ChannelConfig markdownChannel = new ChannelConfig(
                0, "preview", ChannelKind.WECOM_ROBOT, "", "corp", "1000002", null, null, "markdown", null, true, true);
        result.add(new ChannelPreview(
                "EMAIL", "html", "<h2>" + MessageText.escapeHtml(title) + "</h2>" + MessageText.html(markdown)));
        result.add(new ChannelPreview(
                "WECOM_ROBOT", "json", pretty(Json.write(WeComRobotSender.payload(markdownChannel, m)))));
        result.add(new ChannelPreview(
                "WECOM_APP",
                "json",
                pretty(Json.write(WeComAppSender.payload(
                        markdownChannel, m, s.wecomUserId() == null ? "UserID" : s.wecomUserId())))));
        result.add(new ChannelPreview(
                "DINGTALK_ROBOT", "json", pretty(Json.write(DingTalkSender.payload(markdownChannel, m)))));
        var feishu = Json.object();
        FeishuSender.content(feishu, markdownChannel, m);
        result.add(new ChannelPreview("FEISHU_BOT", "json", pretty(Json.write(feishu))));
        return result;
    }

    private static String pretty(String json) {
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(Json.read(json));
    }
}
