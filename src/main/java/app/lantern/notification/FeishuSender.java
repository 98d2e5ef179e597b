package app.lantern.notification;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Feishu custom bot: {@code POST {endpoint}/open-apis/bot/v2/hook/TOKEN} with body fields {@code timestamp}
 * (seconds, as a string) and {@code sign = base64(HmacSHA256(key = timestamp + "\n" + secret, data = empty))} when
 * signing is on, then {@code msg_type} post (rich text with title and paragraphs) or text. Answers
 * {@code {"code":0,"msg":"success"}}; 19021 is a signature or timestamp mismatch; 11232 or HTTP 429 mean
 * throttled (100 per minute, 5 per second per bot). The request body must stay below 20 KB.
 */
@Component
class FeishuSender implements ChannelSender {

    static final int MAX_BODY_BYTES = 20 * 1024;
    private static final Set<Integer> THROTTLED = Set.of(11232, 230020);
    /** bad signature/timestamp, keyword missing, IP not allowed, bot gone/disabled, bad request body. */
    private static final Set<Integer> PERMANENT = Set.of(19021, 19024, 19022, 19001, 19002, 19007);

    private final ProviderHttp http;
    private final Secrets secrets;
    private final Clock clock;

    FeishuSender(ProviderHttp http, Secrets secrets, Clock clock) {
        this.http = http;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.FEISHU_BOT;
    }

    static String sign(long timestampSeconds, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(
                    (timestampSeconds + "\n" + secret).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(new byte[0]));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public SendResult send(ChannelConfig channel, OutboundMessage message) {
        String hook = secrets.value(channel.credentialEnv()).orElse(null);
        if (hook == null) {
            return SendResult.failed("config", "bot hook token variable " + channel.credentialEnv() + " is not set");
        }
        ObjectNode body = Json.object();
        if (channel.secretEnv() != null) {
            String secret = secrets.value(channel.secretEnv()).orElse(null);
            if (secret == null) {
                return SendResult.failed("config", "signing secret variable " + channel.secretEnv() + " is not set");
            }
            long ts = clock.instant().getEpochSecond();
            body.put("timestamp", String.valueOf(ts));
            body.put("sign", sign(ts, secret));
        }
        content(body, channel, message);
        try {
            URI uri = URI.create(
                    channel.endpoint() + "/open-apis/bot/v2/hook/" + URLEncoder.encode(hook, StandardCharsets.UTF_8));
            ProviderHttp.Response response = http.postJson(uri, Json.write(body));
            if (response.status() == 429) {
                return SendResult.rateLimited("http 429", "throttled");
            }
            if (response.status() >= 500) {
                return SendResult.retry("http " + response.status(), "provider unavailable");
            }
            JsonNode answer = Json.read(response.body());
            int code = answer.has("code")
                    ? answer.path("code").asInt(-1)
                    : answer.path("StatusCode").asInt(-1);
            String msg = answer.has("msg")
                    ? answer.path("msg").asString("")
                    : answer.path("StatusMessage").asString("");
            if (code == 0) {
                return SendResult.delivered("0", msg);
            }
            if (THROTTLED.contains(code)) {
                return SendResult.rateLimited(String.valueOf(code), msg);
            }
            if (PERMANENT.contains(code)) {
                return SendResult.failed(String.valueOf(code), msg);
            }
            return SendResult.retry(String.valueOf(code), msg);
        } catch (IOException e) {
            return SendResult.retry("io", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Fills msg_type and content, shortening the body text until the whole request fits in 20 KB. */
    static void content(ObjectNode body, ChannelConfig channel, OutboundMessage message) {
        String markdown = message.markdown();
        for (int budget = ChannelKind.FEISHU_BOT.maxBytes(); ; budget = budget * 3 / 4) {
            String text = MessageText.fit(markdown, "", budget);
            body.remove("content");
            if (channel.markdown()) {
                body.put("msg_type", "post");
                ObjectNode lang = body.putObject("content")
                        .putObject("post")
                        .putObject(message.locale().getLanguage().equals("en") ? "en_us" : "zh_cn");
                lang.put("title", message.title());
                ArrayNode paragraphs = lang.putArray("content");
                for (List<String[]> paragraph : MessageText.postParagraphs(text)) {
                    ArrayNode p = paragraphs.addArray();
                    for (String[] e : paragraph) {
                        ObjectNode element = p.addObject().put("tag", e[0]).put("text", e[1]);
                        if (e[2] != null) {
                            element.put("href", e[2]);
                        }
                    }
                }
                if (message.url() != null) {
                    paragraphs
                            .addArray()
                            .addObject()
                            .put("tag", "a")
                            .put("text", message.openLabel())
                            .put("href", message.url());
                }
            } else {
                body.put("msg_type", "text");
                body.putObject("content")
                        .put(
                                "text",
                                message.title() + "\n" + MessageText.plain(text)
                                        + (message.url() == null ? "" : "\n" + message.url()));
            }
            if (MessageText.utf8Length(Json.write(body)) < MAX_BODY_BYTES || budget < 64) {
                return;
            }
        }
    }
}
