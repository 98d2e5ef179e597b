package app.lantern.customer;

import app.lantern.customer.matching.CreditCodes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/** Imports through the REST API as a test user: upload with parameters, wait for the end, read every row's outcome. */
final class ImportClient {

    private final MockMvcTester mvc;
    private final Api api;

    ImportClient(MockMvcTester mvc) {
        this.mvc = mvc;
        this.api = new Api(mvc);
    }

    Api api() {
        return api;
    }

    /** POST /api/v1/imports with the file and the parameters given as name, value pairs. */
    MvcTestResult upload(String user, String fileName, byte[] content, String... params) {
        var request = mvc.post()
                .uri("/api/v1/imports")
                .header("Authorization", "Bearer " + api.token(user))
                .multipart()
                .file(new MockMultipartFile("file", fileName, "application/octet-stream", content));
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }

    JsonNode awaitDone(String user, String id) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            JsonNode job = Api.json(api.get(user, "/api/v1/imports/" + id));
            String status = job.get("status").asString();
            if (status.equals("DONE") || status.equals("FAILED")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import did not finish");
    }

    /** Uploads, expects 202 and waits for the end. */
    JsonNode run(String user, String fileName, byte[] content, String... params) throws InterruptedException {
        MvcTestResult started = upload(user, fileName, content, params);
        if (started.getResponse().getStatus() != 202) {
            throw new AssertionError("import refused: " + Api.json(started));
        }
        return awaitDone(user, Api.json(started).get("id").asString());
    }

    /** Every row's outcome by file line (2 is the first data row). */
    Map<Integer, JsonNode> rows(String user, JsonNode job) {
        Map<Integer, JsonNode> rows = new LinkedHashMap<>();
        for (JsonNode r :
                Api.json(api.get(user, "/api/v1/imports/" + job.get("id").asString() + "/rows"))) {
            rows.put(r.get("row").asInt(), r);
        }
        return rows;
    }

    /** Sum of the five outcome counters: every row is in exactly one. */
    static int accounted(JsonNode job) {
        return job.get("imported").asInt()
                + job.get("review").asInt()
                + job.get("merged").asInt()
                + job.get("skipped").asInt()
                + job.get("rejected").asInt();
    }

    /** A made-up Latin word no other test uses, capitalised. */
    static String latin(Random random) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            sb.append((char) ('a' + random.nextInt(26)));
        }
        return Character.toUpperCase(sb.charAt(0)) + sb.substring(1);
    }

    /** A valid unified social credit code no other test uses. */
    static String creditCode(Random random) {
        StringBuilder sb = new StringBuilder("91310000");
        for (int i = 0; i < 9; i++) {
            sb.append(random.nextInt(10));
        }
        return sb.toString() + CreditCodes.checkDigit(sb.toString());
    }

    /** A mobile number no other test uses. */
    static String mobile(Random random) {
        return "139" + String.format("%08d", random.nextInt(100_000_000));
    }
}
