package app.lantern.integration;

import app.lantern.shared.net.WebhookSignature;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server receiving webhooks as a customer's system would: it checks each request's signature with the
 * subscription's secret and answers with the next scripted reaction (a status code, or {@code -1}: hang for 3 s).
 */
final class WebhookReceiver implements AutoCloseable {

    record Received(String event, String delivery, String body, boolean signatureValid) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile String secret = "";
    private volatile List<Integer> script = List.of(200);

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/hook", exchange -> {
            int n = calls.getAndIncrement();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var h = exchange.getRequestHeaders();
            long ts = Long.parseLong(h.getFirst(WebhookSignature.TIMESTAMP_HEADER));
            boolean valid = WebhookSignature.matches(secret, ts, body, h.getFirst(WebhookSignature.SIGNATURE_HEADER));
            received.add(new Received(h.getFirst("X-Lantern-Event"), h.getFirst("X-Lantern-Delivery"), body, valid));
            int reaction = script.get(Math.min(n, script.size() - 1));
            if (reaction < 0) {
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                reaction = 200;
            }
            exchange.sendResponseHeaders(reaction, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void secret(String secret) {
        this.secret = secret;
    }

    /** The reactions to the 1st, 2nd, … request; the last one repeats. */
    void script(Integer... reactions) {
        this.script = List.of(reactions);
    }

    List<Received> received() {
        return received;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
