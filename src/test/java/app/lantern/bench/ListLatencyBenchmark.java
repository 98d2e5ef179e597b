package app.lantern.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * List and search APIs against a running Lantern (the scale data set of docs/perf/scale.md): signs in with a token,
 * warms up, then sends {@code requests} GETs per path from {@code clients} concurrent clients and prints p50 / p95 /
 * p99, throughput and non-200 answers. Run against a started server:
 * {@code java -cp target/test-classes:target/classes:$(cat target/scale-classpath.txt)
 * app.lantern.bench.ListLatencyBenchmark http://localhost:18080 sexec 1 200 /api/v1/opportunities?size=50 …}.
 */
public final class ListLatencyBenchmark {

    private ListLatencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String user = args[1];
        int clients = Integer.parseInt(args[2]);
        int requests = Integer.parseInt(args[3]);
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String token = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/tokens"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"username\":\"" + user + "\",\"password\":\"lantern-demo\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body()
                .replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        for (int i = 4; i < args.length; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + args[i]))
                    .header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(60))
                    .build();
            run(http, request, Math.max(clients, 5), clients);
            run(http, request, requests, clients);
        }
    }

    private static void run(HttpClient http, HttpRequest request, int requests, int clients) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                futures.add(pool.submit(() -> {
                    long t = System.nanoTime();
                    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                    latencies.add(System.nanoTime() - t);
                    if (response.statusCode() != 200) {
                        errors.incrementAndGet();
                    }
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
                "%s clients=%d n=%d: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %.1f req/s, errors %d%n",
                request.uri().getRawPath() + "?" + request.uri().getRawQuery(),
                clients,
                requests,
                sorted.get(sorted.size() / 2) / 1e6,
                sorted.get((int) (sorted.size() * 0.95)) / 1e6,
                sorted.get((int) (sorted.size() * 0.99)) / 1e6,
                requests / seconds,
                errors.get());
    }
}
