package app.lantern.notification;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * WeCom group robot: {@code POST {endpoint}/cgi-bin/webhook/send?key=KEY} with {@code msgtype} markdown (content ≤
 * 4096 bytes, {@code <@userid>} mentions) or text (≤ 2048 bytes, {@code mentioned_list}); answers
 * {@code {"errcode":0,"errmsg":"ok"}}. The key comes from the channel's credential variable.
 */
@Component
class WeComRobotSender implements ChannelSender {

    static final int TEXT_MAX_BYTES = 2048;
    /** api freq out of limit, and the system-busy answer. */
    private static final Set<Integer> THROTTLED = Set.of(45009, 45033);
    /** invalid webhook url, invalid message type, empty content, invalid parameter, key has no robot. */
    private static final Set<Integer> PERMANENT = Set.of(93000, 93004, 40008, 44004, 40058, 40063, 41001);

    private final ProviderHttp http;
    private final Secrets secrets;

    WeComRobotSender(ProviderHttp http, Secrets secrets) {
        this.http = http;
        this.secrets = secrets;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.WECOM_ROBOT;
    }

    @Override
    public SendResult send(ChannelConfig channel, OutboundMessage message) {
        String key = secrets.value(channel.credentialEnv()).orElse(null);
        if (key == null) {
            return SendResult.failed("config", "robot key variable " + channel.credentialEnv() + " is not set");
        }
        ObjectNode body = payload(channel, message);
        try {
            URI uri = URI.create(
                    channel.endpoint() + "/cgi-bin/webhook/send?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
            ProviderHttp.Response response = http.postJson(uri, Json.write(body));
            return interpret(response);
        } catch (IOException e) {
            return SendResult.retry("io", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    static ObjectNode payload(ChannelConfig channel, OutboundMessage message) {
        ObjectNode body = Json.object();
        String mention = message.recipient().wecomUserId();
        if (channel.markdown()) {
            String suffix = (message.url() == null ? "" : "\n[" + message.openLabel() + "](" + message.url() + ")")
                    + (mention == null ? "" : "\n<@" + mention + ">");
            String content = MessageText.fit(
                    "**" + MessageText.chatLiteral(message.title()) + "**\n"
                            + MessageText.chatMarkdown(message.markdown()),
                    suffix,
                    ChannelKind.WECOM_ROBOT.maxBytes());
            body.put("msgtype", "markdown");
            body.putObject("markdown").put("content", content);
        } else {
            String suffix = message.url() == null ? "" : "\n" + message.url();
            String content = MessageText.fit(
                    message.title() + "\n" + MessageText.plain(message.markdown()), suffix, TEXT_MAX_BYTES);
            body.put("msgtype", "text");
            ObjectNode text = body.putObject("text");
            text.put("content", content);
            if (mention != null) {
                text.putArray("mentioned_list").add(mention);
            }
        }
        return body;
    }

    static SendResult interpret(ProviderHttp.Response response) {
        if (response.status() >= 500 || response.status() == 429) {
            return SendResult.retry("http " + response.status(), "provider unavailable");
        }
        JsonNode answer = Json.read(response.body());
        if (!answer.has("errcode")) {
            return SendResult.retry("http " + response.status(), "unexpected answer");
        }
        int errcode = answer.path("errcode").asInt();
        String errmsg = answer.path("errmsg").asString("");
        if (errcode == 0) {
            return SendResult.delivered("0", errmsg);
        }
        if (THROTTLED.contains(errcode)) {
            return SendResult.rateLimited(String.valueOf(errcode), errmsg);
        }
        if (PERMANENT.contains(errcode)) {
            return SendResult.failed(String.valueOf(errcode), errmsg);
        }
        return SendResult.retry(String.valueOf(errcode), errmsg);
    }
}
