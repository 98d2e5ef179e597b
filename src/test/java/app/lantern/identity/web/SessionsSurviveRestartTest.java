package app.lantern.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.LanternApplication;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Sessions live in the database: a user signed in on one node stays signed in on another node (or the same node
 * after a restart) that shares the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionsSurviveRestartTest {

    @LocalServerPort
    int port;

    @Autowired
    Environment env;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aSessionStartedOnOneNodeIsValidOnASecondNode() throws Exception {
        HttpResponse<String> loginPage = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = sessionCookie(loginPage);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(csrf.find()).isTrue();
        String form = "username=rep11&password=lantern-demo&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookie)
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        String signedIn = sessionCookie(login);

        try (ConfigurableApplicationContext secondNode = new SpringApplicationBuilder(LanternApplication.class)
                .properties(
                        "server.port=0",
                        "spring.datasource.url=" + env.getProperty("spring.datasource.url"),
                        "spring.datasource.username=" + env.getProperty("spring.datasource.username"),
                        "spring.datasource.password=" + env.getProperty("spring.datasource.password", ""))
                .run()) {
            String otherPort = secondNode.getEnvironment().getProperty("local.server.port");
            HttpResponse<String> me = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + otherPort + "/api/v1/me"))
                            .header("Cookie", signedIn)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).contains("\"username\":\"rep11\"");
        }
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("LANTERN_SESSION="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .reduce((a, b) -> b)
                .orElseThrow();
    }
}
