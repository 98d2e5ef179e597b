package app.lantern.notification;

import app.lantern.shared.net.OutboundGuard;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The one way this module talks HTTP to providers: every URI passes the SSRF guard first, redirects are never
 * followed, and slow providers time out so that a worker's lease outlives every attempt.
 */
@Component
class ProviderHttp {

    record Response(int status, String body) {}

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final OutboundGuard guard;

    ProviderHttp(OutboundGuard guard) {
        this.guard = guard;
    }

    Response postJson(URI uri, String json) throws IOException {
        guard(uri);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        return exchange(request);
    }

    Response get(URI uri) throws IOException {
        guard(uri);
        return exchange(HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build());
    }

    private void guard(URI uri) {
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("only http(s) endpoints are called");
        }
        guard.check(uri, "endpoint");
    }

    private Response exchange(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response =
                    client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
