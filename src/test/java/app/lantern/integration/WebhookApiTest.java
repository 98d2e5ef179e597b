package app.lantern.integration;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.notification.NotificationChannels;
import app.lantern.testing.WebSession;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The webhook API for administrators, with an Idempotency-Key on the subscription, and the English admin page. */
@SpringBootTest
@AutoConfigureMockMvc
class WebhookApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    NotificationChannels channels;

    @Autowired
    UserDetailsService users;

    @Test
    void anAdminSubscribesOnceTestsAndReplaysOverTheApiWhileARepMayNot() throws Exception {
        var principal = users.loadUserByUsername("admin");
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        channels.allowHost("127.0.0.1");
        SecurityContextHolder.clearContext();
        String admin = WebSession.token(mvc, "admin");

        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Map<String, Object> body = Map.of("url", receiver.url(), "events", List.of("quote.signed"));
            String key = UUID.randomUUID().toString();
            MvcTestResult created = post(admin, "/api/v1/admin/webhooks", body, key);
            MvcTestResult again = post(admin, "/api/v1/admin/webhooks", body, key);
            assertThat(created).hasStatus(201);
            assertThat(text(again))
                    .as("the retry gets the same subscription and secret")
                    .isEqualTo(text(created));
            JsonNode sub = JSON.readTree(text(created));
            String id = sub.get("subscription").get("id").asString();
            receiver.secret(sub.get("secret").asString());
            long subscriptions = JSON.readTree(text(get(admin, "/api/v1/admin/webhooks")))
                    .valueStream()
                    .filter(s -> s.get("url").asString().equals(receiver.url()))
                    .count();
            assertThat(subscriptions).isEqualTo(1);

            JsonNode tested =
                    JSON.readTree(text(post(admin, "/api/v1/admin/webhooks/" + id + "/test", Map.of(), null)));
            assertThat(tested.get("status").asString()).isEqualTo("DELIVERED");
            MvcTestResult replay = post(
                    admin,
                    "/api/v1/admin/webhooks/deliveries/" + tested.get("id").asString() + "/replay",
                    Map.of(),
                    null);
            assertThat(replay).hasStatus(201);
            assertThat(JSON.readTree(text(replay)).get("replayOf").asString())
                    .isEqualTo(tested.get("id").asString());
            assertThat(receiver.received()).hasSize(1).allMatch(WebhookReceiver.Received::signatureValid);
        }

        MvcTestResult unknownEvent = post(
                admin, "/api/v1/admin/webhooks", Map.of("url", "http://127.0.0.1:9/x", "events", List.of("x")), null);
        assertThat(unknownEvent.getResponse().getStatus()).isBetween(400, 422);
        assertThat(text(unknownEvent)).contains("\"field\":\"events\"");

        String rep = WebSession.token(mvc, "rep1");
        assertThat(get(rep, "/api/v1/admin/webhooks")).hasStatus(403);
    }

    @Test
    void theAdminPagesSpeakEnglishOnRequest() {
        var session = WebSession.login(mvc, "admin");
        MvcTestResult page = mvc.get()
                .uri("/admin/integrations/webhooks?lang=en")
                .cookie(session)
                .exchange();
        assertThat(page).hasStatusOk();
        assertThat(text(page))
                .contains("New subscription", "Opportunity won", "Send test")
                .doesNotContain("??");
        MvcTestResult wecom = mvc.get()
                .uri("/admin/integrations/wecom?lang=en")
                .cookie(session)
                .exchange();
        assertThat(wecom).hasStatusOk();
        assertThat(text(wecom))
                .contains("Test connection", "User mapping", "Error log")
                .doesNotContain("??");
    }

    private MvcTestResult post(String token, String uri, Object body, String key) {
        var request = mvc.post()
                .uri(uri)
                .header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body));
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.exchange();
    }

    private MvcTestResult get(String token, String uri) {
        return mvc.get().uri(uri).header("Authorization", token).exchange();
    }

    private static String text(MvcTestResult r) {
        try {
            return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
