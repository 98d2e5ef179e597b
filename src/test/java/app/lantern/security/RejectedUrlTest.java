package app.lantern.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A URL the firewall refuses (a doubled slash, an encoded dot segment) is answered 400 in the API's own error shape,
 * or with a plain message for a page link, never with the servlet container's default error body. Only a real server
 * shows this: the firewall's refusal happens before any controller.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RejectedUrlTest {

    @LocalServerPort
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aDoubledSlashInAnApiPathIsAProblemNotAContainerErrorPage() throws Exception {
        HttpResponse<String> response = get("/api/v1/imports//rows");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("rejected-url").doesNotContain("Exception", "firewall");
    }

    @Test
    void anEncodedDotSegmentInAPageLinkIsABadRequestTooNotAServerError() throws Exception {
        HttpResponse<String> response = get("/customers/%2e%2e/admin");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("链接格式不正确").doesNotContain("Exception");
    }
}
