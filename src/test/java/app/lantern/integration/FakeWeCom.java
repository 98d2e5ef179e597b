package app.lantern.integration;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for WeCom's server API with the documented JSON shapes and error codes: {@code cgi-bin/gettoken}
 * (40001 for a wrong secret) and {@code cgi-bin/externalcontact/get} (42001 for an expired token, 40014 for an unknown
 * one, 84061 for an unknown external contact).
 */
final class FakeWeCom implements AutoCloseable {

    static final String SECRET = "fake-wecom-secret";

    private final HttpServer server;
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final Map<String, String> contacts = new ConcurrentHashMap<>();
    private volatile String validToken = "";

    FakeWeCom() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/cgi-bin/gettoken", ex -> {
            Map<String, String> q = query(ex);
            if (!SECRET.equals(q.get("corpsecret"))) {
                json(ex, "{\"errcode\":40001,\"errmsg\":\"invalid credential\"}");
                return;
            }
            validToken = "ACCESS_TOKEN_" + tokensIssued.incrementAndGet();
            json(ex, "{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"" + validToken + "\",\"expires_in\":7200}");
        });
        server.createContext("/cgi-bin/externalcontact/get", ex -> {
            Map<String, String> q = query(ex);
            String token = q.getOrDefault("access_token", "");
            if (!token.equals(validToken)) {
                json(
                        ex,
                        token.startsWith("ACCESS_TOKEN_")
                                ? "{\"errcode\":42001,\"errmsg\":\"access_token expired\"}"
                                : "{\"errcode\":40014,\"errmsg\":\"invalid access_token\"}");
                return;
            }
            String contact = contacts.get(q.getOrDefault("external_userid", ""));
            json(ex, contact != null ? contact : "{\"errcode\":84061,\"errmsg\":\"not external contact\"}");
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int tokensIssued() {
        return tokensIssued.get();
    }

    /** WeCom expires the token it issued last (as it does after 7200 s). */
    void expireToken() {
        validToken = "expired";
    }

    /** An external contact of a WeCom user (type 2: a WeCom user of another company), as externalcontact/get returns it. */
    void addContact(
            String externalUserId,
            String name,
            String corpName,
            String corpFullName,
            String followUserId,
            String remarkMobile) {
        contacts.put(externalUserId, """
                {"errcode":0,"errmsg":"ok",
                 "external_contact":{"external_userid":"%s","name":"%s","position":"采购经理",
                   "avatar":"https://wework.qpic.cn/wwhead/%s/0","corp_name":"%s","corp_full_name":"%s",
                   "type":2,"gender":1,"unionid":"ozynqsulJFCZ2z1aYeS8h-nuasdAAA"},
                 "follow_user":[{"userid":"%s","remark":"%s-采购","description":"展会上认识，关注数据中台",
                   "createtime":1525779812,"tags":[],"remark_corp_name":"%s","remark_mobiles":["%s"],
                   "oper_userid":"%s","add_way":1,"state":"展会二维码"}],
                 "next_cursor":""}
                """.formatted(
                        externalUserId,
                        name,
                        externalUserId,
                        corpName,
                        corpFullName,
                        followUserId,
                        name,
                        corpName,
                        remarkMobile,
                        followUserId));
    }

    private static Map<String, String> query(HttpExchange ex) {
        Map<String, String> q = new HashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

    private static void json(HttpExchange ex, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
