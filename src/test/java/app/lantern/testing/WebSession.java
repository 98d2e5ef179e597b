package app.lantern.testing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Signs in for web tests: an API bearer token, or a form login whose session cookie later requests reuse. */
public final class WebSession {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private WebSession() {}

    public static String token(MockMvcTester mvc, String username) {
        return token(mvc, username, "lantern-demo");
    }

    /** The {@code Authorization} header value for the user's new API token. */
    public static String token(MockMvcTester mvc, String username, String password) {
        MvcTestResult r = mvc.post()
                .uri("/api/v1/auth/tokens")
                .with(ownAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")
                .exchange();
        return "Bearer " + json(r).get("token").asText();
    }

    public static Cookie login(MockMvcTester mvc, String username) {
        return login(mvc, username, "lantern-demo");
    }

    public static Cookie login(MockMvcTester mvc, String username, String password) {
        MvcTestResult r = mvc.post()
                .uri("/login")
                .with(csrf())
                .with(ownAddress())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("username", username)
                .param("password", password)
                .exchange();
        return r.getResponse().getHeaders("Set-Cookie").stream()
                .filter(h -> h.startsWith("LANTERN_SESSION="))
                .map(h -> new Cookie("LANTERN_SESSION", h.substring("LANTERN_SESSION=".length(), h.indexOf(';'))))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    /**
     * A client address of our own: other test classes in the same context deliberately fail sign-ins from 127.0.0.1,
     * which empties that address's throttle bucket.
     */
    public static org.springframework.test.web.servlet.request.RequestPostProcessor ownAddress() {
        String address =
                "10.44." + java.util.concurrent.ThreadLocalRandom.current().nextInt(256) + "."
                        + java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 255);
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    public static JsonNode json(MvcTestResult r) {
        try {
            return JSON.readTree(r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
