package app.lantern.notification;

import app.lantern.testing.SuiteClock;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/**
 * Local stand-ins for the providers, checking requests the way the providers do (signature, timestamp window,
 * message shape, size limits) and answering in their format and error codes.
 */
final class FakeProviders {

    private FakeProviders() {}

    /** Base of all fakes: one HttpServer on 127.0.0.1 with a random port, recording accepted payloads. */
    abstract static class Fake implements AutoCloseable {
        final HttpServer server;
        final List<JsonNode> accepted = new CopyOnWriteArrayList<>();
        final AtomicInteger requests = new AtomicInteger();
        volatile int failWithStatus;

        Fake() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        }

        String endpoint() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }

        static Map<String, String> query(HttpExchange ex) {
            Map<String, String> q = new HashMap<>();
            String raw = ex.getRequestURI().getRawQuery();
            if (raw != null) {
                for (String pair : raw.split("&")) {
                    int i = pair.indexOf('=');
                    q.put(
                            URLDecoder.decode(pair.substring(0, i), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(i + 1), StandardCharsets.UTF_8));
                }
            }
            return q;
        }

        static String body(HttpExchange ex) throws IOException {
            return new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        }

        static void answer(HttpExchange ex, int status, String json) throws IOException {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            ex.sendResponseHeaders(status, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        }

        static int bytes(String s) {
            return s.getBytes(StandardCharsets.UTF_8).length;
        }
    }

    static String hmacBase64(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** WeCom: group robot webhook, gettoken and application message/send with expiring tokens. */
    static final class WeCom extends Fake {
        final String robotKey;
        final String corpId;
        final String corpSecret;
        final AtomicInteger tokensIssued = new AtomicInteger();
        volatile String currentToken;
        volatile boolean tokenExpired;

        WeCom(String robotKey, String corpId, String corpSecret) throws IOException {
            this.robotKey = robotKey;
            this.corpId = corpId;
            this.corpSecret = corpSecret;
            server.createContext("/cgi-bin/webhook/send", this::robot);
            server.createContext("/cgi-bin/gettoken", this::gettoken);
            server.createContext("/cgi-bin/message/send", this::appSend);
            server.start();
        }

        /** The provider expires the current token: the next send answers 42001. */
        void expireToken() {
            tokenExpired = true;
        }

        private void robot(HttpExchange ex) throws IOException {
            requests.incrementAndGet();
            if (failWithStatus > 0) {
                answer(ex, failWithStatus, "{}");
                return;
            }
            if (!"POST".equals(ex.getRequestMethod())
                    || !robotKey.equals(query(ex).get("key"))) {
                answer(ex, 200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}");
                return;
            }
            JsonNode body = Json.read(body(ex));
            String type = body.path("msgtype").asString("");
            String content = body.path(type).path("content").asString("");
            if (type.equals("markdown") && bytes(content) > 4096 || type.equals("text") && bytes(content) > 2048) {
                answer(ex, 200, "{\"errcode\":40058,\"errmsg\":\"markdown.content exceed max length 4096\"}");
                return;
            }
            if (!type.equals("markdown") && !type.equals("text") || content.isEmpty()) {
                answer(ex, 200, "{\"errcode\":40008,\"errmsg\":\"invalid message type\"}");
                return;
            }
            accepted.add(body);
            answer(ex, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
        }

        private void gettoken(HttpExchange ex) throws IOException {
            Map<String, String> q = query(ex);
            if (!corpId.equals(q.get("corpid")) || !corpSecret.equals(q.get("corpsecret"))) {
                answer(ex, 200, "{\"errcode\":40001,\"errmsg\":\"invalid credential\"}");
                return;
            }
            // like WeCom: while a token is valid, gettoken answers the same token
            synchronized (this) {
                if (currentToken == null || tokenExpired) {
                    currentToken = "tok-" + tokensIssued.incrementAndGet();
                    tokenExpired = false;
                }
            }
            answer(
                    ex,
                    200,
                    "{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"" + currentToken + "\",\"expires_in\":7200}");
        }

        private void appSend(HttpExchange ex) throws IOException {
            requests.incrementAndGet();
            String token = query(ex).get("access_token");
            if (token == null || !token.equals(currentToken)) {
                answer(ex, 200, "{\"errcode\":40014,\"errmsg\":\"invalid access_token\"}");
                return;
            }
            if (tokenExpired) {
                answer(ex, 200, "{\"errcode\":42001,\"errmsg\":\"access_token expired\"}");
                return;
            }
            JsonNode body = Json.read(body(ex));
            String type = body.path("msgtype").asString("");
            String content = body.path(type).path("content").asString("");
            if (body.path("agentid").asLong(0) == 0
                    || body.path("touser").asString("").isEmpty()) {
                answer(ex, 200, "{\"errcode\":40056,\"errmsg\":\"invalid agentid\"}");
                return;
            }
            if (bytes(content) > 2048 || content.isEmpty()) {
                answer(ex, 200, "{\"errcode\":44004,\"errmsg\":\"content size out of limit\"}");
                return;
            }
            accepted.add(body);
            answer(
                    ex,
                    200,
                    "{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"\",\"invalidparty\":\"\",\"invalidtag\":\"\",\"unlicenseduser\":\"\",\"msgid\":\"m"
                            + accepted.size() + "\",\"response_code\":\"\"}");
        }
    }

    /** DingTalk custom robot with signing: sign = urlEncode(base64(HmacSHA256(secret, timestamp + "\n" + secret))). */
    static final class DingTalk extends Fake {
        final String accessToken;
        final String secret;
        final List<Long> sentAt = new CopyOnWriteArrayList<>();

        DingTalk(String accessToken, String secret) throws IOException {
            this.accessToken = accessToken;
            this.secret = secret;
            server.createContext("/robot/send", this::send);
            server.start();
        }

        private void send(HttpExchange ex) throws IOException {
            requests.incrementAndGet();
            Map<String, String> q = query(ex);
            if (!accessToken.equals(q.get("access_token"))) {
                answer(ex, 200, "{\"errcode\":300001,\"errmsg\":\"token is not exist\"}");
                return;
            }
            long ts;
            try {
                ts = Long.parseLong(q.getOrDefault("timestamp", ""));
            } catch (NumberFormatException e) {
                answer(ex, 200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}");
                return;
            }
            String expected = hmacBase64(
                    secret.getBytes(StandardCharsets.UTF_8), (ts + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            if (Math.abs(SuiteClock.get().millis() - ts) > 3_600_000 || !expected.equals(q.get("sign"))) {
                answer(
                        ex,
                        200,
                        "{\"errcode\":310000,\"errmsg\":\"sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]\"}");
                return;
            }
            long now = SuiteClock.get().millis();
            if (sentAt.stream().filter(t -> now - t < 60_000).count() >= 20) {
                answer(ex, 200, "{\"errcode\":410100,\"errmsg\":\"send too fast, exceed 20 times per minute\"}");
                return;
            }
            JsonNode body = Json.read(body(ex));
            String type = body.path("msgtype").asString("");
            boolean ok = type.equals("markdown")
                    ? !body.path("markdown").path("title").asString("").isEmpty()
                            && !body.path("markdown").path("text").asString("").isEmpty()
                    : type.equals("text")
                            && !body.path("text").path("content").asString("").isEmpty();
            if (!ok) {
                answer(ex, 200, "{\"errcode\":40035,\"errmsg\":\"缺少参数 json\"}");
                return;
            }
            sentAt.add(now);
            accepted.add(body);
            answer(ex, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
        }
    }

    /** Feishu custom bot with signing: sign = base64(HmacSHA256(key = timestamp + "\n" + secret, data = "")). */
    static final class Feishu extends Fake {
        final String hook;
        final String secret;

        Feishu(String hook, String secret) throws IOException {
            this.hook = hook;
            this.secret = secret;
            server.createContext("/open-apis/bot/v2/hook/", this::send);
            server.start();
        }

        private void send(HttpExchange ex) throws IOException {
            requests.incrementAndGet();
            if (!ex.getRequestURI().getPath().equals("/open-apis/bot/v2/hook/" + hook)) {
                answer(
                        ex,
                        404,
                        "{\"code\":19001,\"msg\":\"param invalid: incoming webhook access token invalid\",\"data\":{}}");
                return;
            }
            String raw = body(ex);
            if (bytes(raw) > 20 * 1024) {
                answer(ex, 400, "{\"code\":9499,\"msg\":\"request body too large\",\"data\":{}}");
                return;
            }
            JsonNode body = Json.read(raw);
            String ts = body.path("timestamp").asString("");
            String expected;
            try {
                long seconds = Long.parseLong(ts);
                if (Math.abs(SuiteClock.get().millis() / 1000 - seconds) > 3600) {
                    throw new NumberFormatException();
                }
                expected = hmacBase64((ts + "\n" + secret).getBytes(StandardCharsets.UTF_8), new byte[0]);
            } catch (NumberFormatException e) {
                expected = null;
            }
            if (expected == null || !expected.equals(body.path("sign").asString(""))) {
                answer(
                        ex,
                        200,
                        "{\"code\":19021,\"msg\":\"sign match fail or timestamp is not within one hour from current time\",\"data\":{}}");
                return;
            }
            String type = body.path("msg_type").asString("");
            boolean ok = type.equals("post")
                    ? body.path("content").path("post").properties().iterator().hasNext()
                    : type.equals("text")
                            && !body.path("content").path("text").asString("").isEmpty();
            if (!ok) {
                answer(ex, 200, "{\"code\":9499,\"msg\":\"Bad Request\",\"data\":{}}");
                return;
            }
            accepted.add(body);
            answer(
                    ex,
                    200,
                    "{\"StatusCode\":0,\"StatusMessage\":\"success\",\"code\":0,\"data\":{},\"msg\":\"success\"}");
        }
    }
}
