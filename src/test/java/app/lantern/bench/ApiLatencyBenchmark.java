package app.lantern.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Foundation hot path under load: token authentication, data-scope computation and JSON for {@code GET /api/v1/me}
 * and {@code GET /api/v1/users}, 8 concurrent clients over loopback. Prints throughput and latency percentiles.
 * Run: {@code ./mvnw -Pbench test -Dtest=ApiLatencyBenchmark}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "logging.level.root=warn")
class ApiLatencyBenchmark {

    @LocalServerPort
    int port;

    @Test
    void measure() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String token = http.send(
                        HttpRequest.newBuilder(URI.create(base() + "/api/v1/auth/tokens"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"username\":\"manager1\",\"password\":\"lantern-demo\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body()
                .replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        for (String path : List.of("/api/v1/me", "/api/v1/users")) {
            run(http, token, path, 2_000);
            run(http, token, path, 10_000);
        }
    }

    private void run(HttpClient http, String token, String path, int requests) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Bearer " + token)
                .build();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                futures.add(pool.submit(() -> {
                    long t = System.nanoTime();
                    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("status " + response.statusCode());
                    }
                    latencies.add(System.nanoTime() - t);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = latencies.stream().sorted().toList();
        System.out.printf(
                "%s: %d requests, %.0f req/s, p50 %.2f ms, p99 %.2f ms%n",
                path,
                requests,
                requests / seconds,
                sorted.get(sorted.size() / 2) / 1e6,
                sorted.get((int) (sorted.size() * 0.99)) / 1e6);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
