package app.lantern.customer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Signs demo users in for real (bearer tokens) and sends JSON requests. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private final MockMvcTester mvc;

    Api(MockMvcTester mvc) {
        this.mvc = mvc;
    }

    String token(String username) {
        return TOKENS.computeIfAbsent(username, u -> {
            MvcTestResult r = mvc.post()
                    .uri("/api/v1/auth/tokens")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"username\":\"" + u + "\",\"password\":\"lantern-demo\"}")
                    .exchange();
            return json(r).get("token").asString();
        });
    }

    MvcTestResult get(String user, String uri) {
        return mvc.get()
                .uri(uri)
                .header("Authorization", "Bearer " + token(user))
                .exchange();
    }

    MvcTestResult post(String user, String uri, Object body) {
        return mvc.post()
                .uri(uri)
                .header("Authorization", "Bearer " + token(user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body instanceof String s ? s : JSON.writeValueAsString(body))
                .exchange();
    }

    MvcTestResult patch(String user, String uri, Object body) {
        return mvc.patch()
                .uri(uri)
                .header("Authorization", "Bearer " + token(user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body instanceof String s ? s : JSON.writeValueAsString(body))
                .exchange();
    }

    static JsonNode json(MvcTestResult r) {
        try {
            return JSON.readTree(r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
