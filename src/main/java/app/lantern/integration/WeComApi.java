package app.lantern.integration;

import static lantern.db.Tables.INTEGRATION_WECOM_TOKENS;

import app.lantern.shared.net.OutboundGuard;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two WeCom server APIs Lantern calls: {@code cgi-bin/gettoken} and {@code cgi-bin/externalcontact/get}. The access
 * token is cached in the database (shared by all nodes) until shortly before it expires, and fetched anew when WeCom
 * answers 40014 (invalid) or 42001 (expired). Calls go through the outbound guard.
 */
@Component
class WeComApi {

    /** WeCom's error: {@code errcode} and {@code errmsg} from the JSON answer, or a transport failure (code -1). */
    static final class Failure extends RuntimeException {
        final int errcode;

        Failure(int errcode, String message) {
            super(message);
            this.errcode = errcode;
        }
    }

    static final Set<Integer> TOKEN_ERRORS = Set.of(40014, 42001);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DSLContext db;
    private final WeComSettings settings;
    private final OutboundGuard guard;
    private final Clock clock;

    WeComApi(DSLContext db, WeComSettings settings, OutboundGuard guard, Clock clock) {
        this.db = db;
        this.settings = settings;
        this.guard = guard;
        this.clock = clock;
    }

    /** The external contact and the follow_user entries (JSON as WeCom sends it). */
    JsonNode externalContact(String externalUserId) {
        JsonNode answer = call("/cgi-bin/externalcontact/get?external_userid=" + encode(externalUserId), false);
        if (TOKEN_ERRORS.contains(answer.path("errcode").asInt())) {
            answer = call("/cgi-bin/externalcontact/get?external_userid=" + encode(externalUserId), true);
        }
        requireOk(answer, "externalcontact/get");
        return answer;
    }

    /** Fetches a new access token (the admin's "test connection"); returns its lifetime in seconds. */
    long refreshToken() {
        return fetchToken().expiresIn;
    }

    private JsonNode call(String pathAndQuery, boolean freshToken) {
        String token = freshToken ? fetchToken().token : cachedToken();
        return get(settings.apiBaseUrl() + pathAndQuery + "&access_token=" + encode(token));
    }

    private String cachedToken() {
        var cached = db.selectFrom(INTEGRATION_WECOM_TOKENS)
                .where(INTEGRATION_WECOM_TOKENS.CORP_ID.eq(settings.corpId()))
                .fetchOne();
        if (cached != null && cached.getExpiresAt().isAfter(OffsetDateTime.now(clock))) {
            return cached.getAccessToken();
        }
        return fetchToken().token;
    }

    private record Token(String token, long expiresIn) {}

    private Token fetchToken() {
        if (!settings.apiConfigured()) {
            throw new Failure(-1, "the corp id or secret is not configured");
        }
        JsonNode answer = get(settings.apiBaseUrl() + "/cgi-bin/gettoken?corpid=" + encode(settings.corpId())
                + "&corpsecret=" + encode(settings.secret()));
        requireOk(answer, "gettoken");
        String token = answer.path("access_token").asString("");
        long expiresIn = answer.path("expires_in").asLong(7200);
        if (token.isEmpty() || token.length() > 600) {
            throw new Failure(-1, "gettoken answered without a usable access_token");
        }
        // renew five minutes early, so that a token is never used in its last moments
        OffsetDateTime expires = OffsetDateTime.now(clock).plusSeconds(Math.max(0, expiresIn - 300));
        var t = INTEGRATION_WECOM_TOKENS;
        int updated = db.update(t)
                .set(t.ACCESS_TOKEN, token)
                .set(t.EXPIRES_AT, expires)
                .where(t.CORP_ID.eq(settings.corpId()))
                .execute();
        if (updated == 0) {
            db.insertInto(t)
                    .set(t.CORP_ID, settings.corpId())
                    .set(t.ACCESS_TOKEN, token)
                    .set(t.EXPIRES_AT, expires)
                    .onConflict(t.CORP_ID)
                    .doUpdate()
                    .set(t.ACCESS_TOKEN, token)
                    .set(t.EXPIRES_AT, expires)
                    .execute();
        }
        return new Token(token, expiresIn);
    }

    private JsonNode get(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .header("Accept", "application/json")
                    .GET()
                    .build();
            HttpResponse<String> response = guard.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new Failure(-1, "HTTP " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            // the message may name the host, never the URL with its secret or token
            throw new Failure(-1, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(-1, "interrupted");
        } catch (tools.jackson.core.JacksonException e) {
            throw new Failure(-1, "the answer is not JSON");
        }
    }

    private static void requireOk(JsonNode answer, String api) {
        int errcode = answer.path("errcode").asInt(0);
        if (errcode != 0) {
            throw new Failure(
                    errcode,
                    api + ": errcode " + errcode + " " + answer.path("errmsg").asString(""));
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
