package app.lantern.notification;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * DingTalk custom robot: {@code POST {endpoint}/robot/send?access_token=T&timestamp=MS&sign=S} where
 * {@code S = urlEncode(base64(HmacSHA256(key = secret, data = timestamp + "\n" + secret)))} and the timestamp is in
 * milliseconds (within an hour of DingTalk's clock). Payload {@code msgtype} markdown ({@code title}, {@code text}) or
 * text, with {@code at.atMobiles}. Each robot takes 20 messages a minute; beyond that DingTalk throttles it for ten
 * minutes (errcode 410100).
 */
@Component
class DingTalkSender implements ChannelSender {

    /** sign mismatch / keyword missing / IP not allowed; robot token does not exist; robot disabled or group gone. */
    private static final Set<Integer> PERMANENT = Set.of(310000, 300001, 300005, 400013, 400101, 400102, 40035);

    private final ProviderHttp http;
    private final Secrets secrets;
    private final Clock clock;

    DingTalkSender(ProviderHttp http, Secrets secrets, Clock clock) {
        this.http = http;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.DINGTALK_ROBOT;
    }

    static String sign(long timestamp, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public SendResult send(ChannelConfig channel, OutboundMessage message) {
        String token = secrets.value(channel.credentialEnv()).orElse(null);
        if (token == null) {
            return SendResult.failed(
                    "config", "robot access_token variable " + channel.credentialEnv() + " is not set");
        }
        StringBuilder url = new StringBuilder(channel.endpoint())
                .append("/robot/send?access_token=")
                .append(URLEncoder.encode(token, StandardCharsets.UTF_8));
        if (channel.secretEnv() != null) {
            String secret = secrets.value(channel.secretEnv()).orElse(null);
            if (secret == null) {
                return SendResult.failed("config", "signing secret variable " + channel.secretEnv() + " is not set");
            }
            long timestamp = clock.millis();
            url.append("&timestamp=")
                    .append(timestamp)
                    .append("&sign=")
                    .append(URLEncoder.encode(sign(timestamp, secret), StandardCharsets.UTF_8));
        }
        try {
            ProviderHttp.Response response =
                    http.postJson(URI.create(url.toString()), Json.write(payload(channel, message)));
            if (response.status() >= 500 || response.status() == 429) {
                return SendResult.retry("http " + response.status(), "provider unavailable");
            }
            JsonNode answer = Json.read(response.body());
            int errcode = answer.path("errcode").asInt(-1);
            String errmsg = answer.path("errmsg").asString("");
            if (errcode == 0) {
                return SendResult.delivered("0", errmsg);
            }
            if (errcode == 410100) {
                return SendResult.rateLimited(String.valueOf(errcode), errmsg);
            }
            if (PERMANENT.contains(errcode)) {
                return SendResult.failed(String.valueOf(errcode), errmsg);
            }
            return SendResult.retry(String.valueOf(errcode), errmsg);
        } catch (IOException e) {
            return SendResult.retry("io", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    static ObjectNode payload(ChannelConfig channel, OutboundMessage message) {
        ObjectNode body = Json.object();
        String mobile = message.recipient().mobile();
        // DingTalk only notifies an @-mentioned member when the content also contains "@mobile"
        String mention = mobile == null ? "" : "\n@" + mobile;
        if (channel.markdown()) {
            String suffix =
                    (message.url() == null ? "" : "\n\n[" + message.openLabel() + "](" + message.url() + ")") + mention;
            body.put("msgtype", "markdown");
            ObjectNode md = body.putObject("markdown");
            md.put("title", message.title());
            md.put(
                    "text",
                    MessageText.fit(
                            "### " + MessageText.chatLiteral(message.title()) + "\n"
                                    + MessageText.chatMarkdown(message.markdown()),
                            suffix,
                            ChannelKind.DINGTALK_ROBOT.maxBytes()));
        } else {
            String suffix = (message.url() == null ? "" : "\n" + message.url()) + mention;
            body.put("msgtype", "text");
            body.putObject("text")
                    .put(
                            "content",
                            MessageText.fit(
                                    message.title() + "\n" + MessageText.plain(message.markdown()),
                                    suffix,
                                    ChannelKind.DINGTALK_ROBOT.maxBytes()));
        }
        ObjectNode at = body.putObject("at");
        var mobiles = at.putArray("atMobiles");
        if (mobile != null) {
            mobiles.add(mobile);
        }
        at.put("isAtAll", false);
        return body;
    }
}
