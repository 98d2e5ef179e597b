package app.lantern.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.testing.WebSession;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/** Weak passwords refused in the caller's language; API tokens short-lived, listed and revocable by their owner. */
@SpringBootTest
@AutoConfigureMockMvc
class AccountHardeningTest {

    @Autowired
    MockMvcTester mvc;

    private MvcTestResult createUser(String password, String language) {
        return mvc.post()
                .uri("/api/v1/admin/users?lang=" + language)
                .header("Authorization", WebSession.token(mvc, "admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"weak" + System.nanoTime() % 1_000_000
                        + "\",\"displayName\":\"弱密码\",\"password\":\"" + password + "\",\"roles\":[\"REP\"]}")
                .exchange();
    }

    @ParameterizedTest
    @ValueSource(strings = {"aaaaaaaaaa", "0123456789", "abcdefghij", "9876543210", "abababababab", "Password123"})
    void refusesPasswordsThatAreRepeatedSequentialOrCommon(String password) {
        MvcTestResult result = createUser(password, "en");
        assertThat(result).hasStatus(400);
        assertThat(WebSession.json(result).get("errors").get(0).get("field").asString())
                .isEqualTo("password");
    }

    @Test
    void explainsTheRefusalInTheCallersLanguage() {
        assertThat(WebSession.json(createUser("1111111111", "zh-CN")).toString())
                .contains("同一个字符");
        assertThat(WebSession.json(createUser("1111111111", "en")).toString()).contains("one character");
        assertThat(createUser("青山绿水-2026-春", "zh-CN")).hasStatus(201);
    }

    @Test
    void tokensLiveThirtyDaysAndTheirOwnerListsAndRevokesThem() {
        OffsetDateTime before = OffsetDateTime.now(app.lantern.testing.SuiteClock.get());
        MvcTestResult issued = mvc.post()
                .uri("/api/v1/auth/tokens")
                .with(WebSession.ownAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"rep11\",\"password\":\"lantern-demo\",\"name\":\"脚本\"}")
                .exchange();
        JsonNode token = WebSession.json(issued);
        OffsetDateTime expires = OffsetDateTime.parse(token.get("expiresAt").asString());
        assertThat(Duration.between(before, expires).toDays()).isBetween(29L, 30L);
        String bearer = "Bearer " + token.get("token").asString();

        JsonNode mine = WebSession.json(mvc.get()
                .uri("/api/v1/me/tokens")
                .header("Authorization", bearer)
                .exchange());
        JsonNode listed = null;
        for (JsonNode t : mine) {
            if ("脚本".equals(t.get("name").asString()) && t.get("active").asBoolean()) {
                listed = t;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(mine.toString()).doesNotContain(token.get("token").asString());

        String other = WebSession.token(mvc, "rep12");
        assertThat(mvc.delete()
                        .uri("/api/v1/me/tokens/" + listed.get("id").asString())
                        .header("Authorization", other)
                        .exchange())
                .hasStatus(404);
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", bearer).exchange())
                .hasStatusOk();

        assertThat(mvc.delete()
                        .uri("/api/v1/me/tokens/" + listed.get("id").asString())
                        .header("Authorization", bearer)
                        .exchange())
                .hasStatus(204);
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", bearer).exchange())
                .hasStatus(401);
    }

    @Test
    void theTokensPageListsMyTokensAndRevokesOne() throws Exception {
        String bearer = WebSession.token(mvc, "rep14");
        var session = WebSession.login(mvc, "rep14");
        MvcTestResult home = mvc.get().uri("/").cookie(session).exchange();
        assertThat(home).bodyText().as("the user menu leads to the tokens page").contains("href=\"/me/tokens\"");
        MvcTestResult page = mvc.get().uri("/me/tokens").cookie(session).exchange();
        assertThat(page).hasStatusOk();
        assertThat(page).bodyText().contains("我的 API 令牌").contains("吊销");
        String html = page.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        String id = html.replaceAll("(?s).*?data-token-id=\"(\\d+)\".*", "$1");

        assertThat(
                        mvc.post()
                                .uri("/me/tokens/" + id + "/revoke")
                                .cookie(session)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .exchange())
                .hasRedirectedUrl("/me/tokens");
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", bearer).exchange())
                .hasStatus(401);
    }
}
