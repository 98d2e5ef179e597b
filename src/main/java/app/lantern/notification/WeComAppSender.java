package app.lantern.notification;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * WeCom application message. {@code GET {endpoint}/cgi-bin/gettoken?corpid=ID&corpsecret=SECRET} gives an
 * {@code access_token} valid {@code expires_in} seconds (7200), cached per application (corp id + agent id) and
 * renewed five minutes early; {@code POST {endpoint}/cgi-bin/message/send?access_token=TOKEN} with {@code touser},
 * {@code msgtype} markdown or text (content ≤ 2048 bytes) and {@code agentid}. When the provider says the token is
 * invalid or expired (40014, 42001, 40001) the cached token is dropped, a new one fetched and the send repeated once.
 */
@Component
class WeComAppSender implements ChannelSender {

    static final Set<Integer> TOKEN_INVALID = Set.of(40014, 42001, 40001);
    private static final Set<Integer> THROTTLED = Set.of(45009, 45033, 45047);
    /** all recipients invalid, invalid agent id, user not in the app's visible range, invalid corp id, no such user. */
    private static final Set<Integer> PERMANENT =
            Set.of(81013, 40056, 60020, 301002, 40013, 60111, 60102, 40008, 44004);

    record Token(String value, Instant expiresAt) {}

    private final ProviderHttp http;
    private final Secrets secrets;
    private final Clock clock;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    WeComAppSender(ProviderHttp http, Secrets secrets, Clock clock) {
        this.http = http;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.WECOM_APP;
    }

    @Override
    public SendResult send(ChannelConfig channel, OutboundMessage message) {
        String user = message.recipient().wecomUserId();
        if (user == null) {
            return SendResult.skipped("recipient has no WeCom user id");
        }
        String secret = secrets.value(channel.secretEnv()).orElse(null);
        if (secret == null || channel.appId() == null || channel.agentId() == null) {
            return SendResult.failed(
                    "config", "corp id, agent id or secret variable " + channel.secretEnv() + " missing");
        }
        try {
            String cacheKey = channel.appId() + "/" + channel.agentId();
            for (int attempt = 0; attempt < 2; attempt++) {
                Token token = tokens.get(cacheKey);
                if (token == null || !clock.instant().isBefore(token.expiresAt())) {
                    SendResult failure = fetchToken(channel, secret, cacheKey);
                    if (failure != null) {
                        return failure;
                    }
                    token = tokens.get(cacheKey);
                }
                URI uri = URI.create(channel.endpoint() + "/cgi-bin/message/send?access_token="
                        + URLEncoder.encode(token.value(), StandardCharsets.UTF_8));
                ProviderHttp.Response response = http.postJson(uri, Json.write(payload(channel, message, user)));
                if (response.status() >= 500 || response.status() == 429) {
                    return SendResult.retry("http " + response.status(), "provider unavailable");
                }
                JsonNode answer = Json.read(response.body());
                int errcode = answer.path("errcode").asInt(-1);
                String errmsg = answer.path("errmsg").asString("");
                if (TOKEN_INVALID.contains(errcode)) {
                    tokens.remove(cacheKey, token);
                    continue;
                }
                if (errcode == 0) {
                    String invalid = answer.path("invaliduser").asString("");
                    if (!invalid.isBlank()) {
                        return SendResult.failed("invaliduser", "WeCom does not know user " + invalid);
                    }
                    return SendResult.delivered(
                            "0", "msgid " + answer.path("msgid").asString(""));
                }
                if (THROTTLED.contains(errcode)) {
                    return SendResult.rateLimited(String.valueOf(errcode), errmsg);
                }
                if (PERMANENT.contains(errcode)) {
                    return SendResult.failed(String.valueOf(errcode), errmsg);
                }
                return SendResult.retry(String.valueOf(errcode), errmsg);
            }
            return SendResult.retry("42001", "access_token rejected twice");
        } catch (IOException e) {
            return SendResult.retry("io", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private SendResult fetchToken(ChannelConfig channel, String secret, String cacheKey) throws IOException {
        URI uri = URI.create(channel.endpoint() + "/cgi-bin/gettoken?corpid="
                + URLEncoder.encode(channel.appId(), StandardCharsets.UTF_8) + "&corpsecret="
                + URLEncoder.encode(secret, StandardCharsets.UTF_8));
        ProviderHttp.Response response = http.get(uri);
        if (response.status() >= 500 || response.status() == 429) {
            return SendResult.retry("http " + response.status(), "gettoken unavailable");
        }
        JsonNode answer = Json.read(response.body());
        int errcode = answer.path("errcode").asInt(-1);
        if (errcode != 0 || !answer.hasNonNull("access_token")) {
            String errmsg = "gettoken: " + answer.path("errmsg").asString("");
            // a wrong corp id or secret never heals by itself
            return errcode == 40001 || errcode == 40013 || errcode == 40091
                    ? SendResult.failed(String.valueOf(errcode), errmsg)
                    : SendResult.retry(String.valueOf(errcode), errmsg);
        }
        long expiresIn = answer.path("expires_in").asLong(7200);
        tokens.put(
                cacheKey,
                new Token(
                        answer.get("access_token").asString(),
                        clock.instant().plusSeconds(Math.max(60, expiresIn - 300))));
        return null;
    }

    static ObjectNode payload(ChannelConfig channel, OutboundMessage message, String user) {
        ObjectNode body = Json.object();
        body.put("touser", user);
        body.put("agentid", Long.parseLong(channel.agentId()));
        if (channel.markdown()) {
            String suffix = message.url() == null ? "" : "\n[" + message.openLabel() + "](" + message.url() + ")";
            body.put("msgtype", "markdown");
            body.putObject("markdown")
                    .put(
                            "content",
                            MessageText.fit(
                                    "**" + MessageText.chatLiteral(message.title()) + "**\n"
                                            + MessageText.chatMarkdown(message.markdown()),
                                    suffix,
                                    ChannelKind.WECOM_APP.maxBytes()));
        } else {
            String suffix = message.url() == null ? "" : "\n" + message.url();
            body.put("msgtype", "text");
            body.putObject("text")
                    .put(
                            "content",
                            MessageText.fit(
                                    message.title() + "\n" + MessageText.plain(message.markdown()),
                                    suffix,
                                    ChannelKind.WECOM_APP.maxBytes()));
            body.put("safe", 0);
        }
        return body;
    }

    /** Tokens held now, for tests and the admin page (values are never shown). */
    int cachedTokens() {
        return tokens.size();
    }
}
