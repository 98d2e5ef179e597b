package app.lantern.audit;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

/** Signs demo users in for real: a Bearer token for the API, a session cookie for pages. */
final class SignedIn {

    static final String PASSWORD = "lantern-demo";

    private SignedIn() {}

    static String bearer(MockMvcTester mvc, String username) {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/auth/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}")
                .exchange();
        try {
            return "Bearer "
                    + JsonMapper.builder()
                            .build()
                            .readTree(result.getResponse().getContentAsString())
                            .get("token")
                            .asString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Cookie session(MockMvcTester mvc, String username) {
        MvcTestResult result = mvc.post()
                .uri("/login")
                .param("username", username)
                .param("password", PASSWORD)
                .with(csrf())
                .exchange();
        // Spring Session's cookie: LANTERN_SESSION on a server, SESSION under MockMvc
        Cookie cookie = java.util.Arrays.stream(result.getResponse().getCookies())
                .filter(c ->
                        c.getName().equals("LANTERN_SESSION") || c.getName().equals("SESSION"))
                .findFirst()
                .orElse(null);
        if (cookie == null) {
            throw new IllegalStateException("sign-in of " + username + " gave no session: "
                    + result.getResponse().getStatus() + " "
                    + result.getResponse().getHeader("Location"));
        }
        return cookie;
    }
}
