package app.lantern.integration;

import static lantern.db.Tables.INTEGRATION_IDEMPOTENCY_KEYS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code Idempotency-Key} on creating API calls, with customers as the example. */
@SpringBootTest
@AutoConfigureMockMvc
class IdempotencyKeyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    IdempotencyKeys keys;

    @Autowired
    DSLContext db;

    @Autowired
    Clock clock;

    private String token;

    @Test
    void theSameKeyAndBodyCreateOneCustomerAndAnswerTheSameTwice() throws Exception {
        String name = "幂等测试" + unique() + "有限公司";
        String key = UUID.randomUUID().toString();
        MvcTestResult first = post(key, Map.of("name", name, "province", "浙江"));
        MvcTestResult second = post(key, Map.of("name", name, "province", "浙江"));

        assertThat(first).hasStatus(201);
        assertThat(second).hasStatus(201);
        assertThat(body(second)).isEqualTo(body(first));
        assertThat(second.getResponse().getHeader("Location"))
                .isNotNull()
                .isEqualTo(first.getResponse().getHeader("Location"));
        assertThat(second.getResponse().getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(customersNamed(name)).isEqualTo(1);

        MvcTestResult otherKey = post(UUID.randomUUID().toString(), Map.of("name", name, "confirmNotDuplicate", true));
        assertThat(otherKey).as("a new key is a new request").hasStatus(201);
        assertThat(customersNamed(name)).isEqualTo(2);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedWith422() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "幂等冲突" + unique() + "有限公司";
        assertThat(post(key, Map.of("name", name))).hasStatus(201);

        MvcTestResult other = post(key, Map.of("name", name + "二号"));
        assertThat(other).hasStatus(422);
        assertThat(other.getResponse().getContentType()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(body(other));
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(customersNamed(name + "二号")).isZero();
    }

    @Test
    void twoConcurrentRequestsWithOneKeyCreateOneCustomer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String name = "并发幂等" + unique() + "有限公司";
                String key = UUID.randomUUID().toString();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> calls = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    calls.add(pool.submit(() -> {
                        start.await();
                        // confirmed as not a duplicate, so that only the key can stop the second creation
                        return post(key, Map.of("name", name, "confirmNotDuplicate", true))
                                .getResponse()
                                .getStatus();
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> f : calls) {
                    statuses.add(f.get());
                }
                assertThat(statuses).contains(201).allMatch(s -> s == 201 || s == 409);
                assertThat(customersNamed(name))
                        .as("round %d: %s", round, statuses)
                        .isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMalformedKeyIsRefusedAndExpiredKeysArePurged() throws Exception {
        assertThat(post("x".repeat(201), Map.of("name", "超长键" + unique()))).hasStatus(400);

        String key = UUID.randomUUID().toString();
        assertThat(post(key, Map.of("name", "过期键" + unique() + "有限公司"))).hasStatus(201);
        db.update(INTEGRATION_IDEMPOTENCY_KEYS)
                .set(
                        INTEGRATION_IDEMPOTENCY_KEYS.EXPIRES_AT,
                        OffsetDateTime.now(clock).minusMinutes(1))
                .where(INTEGRATION_IDEMPOTENCY_KEYS.IDEM_KEY.eq(key))
                .execute();
        assertThat(keys.purgeExpired()).isPositive();
        assertThat(db.fetchExists(INTEGRATION_IDEMPOTENCY_KEYS, INTEGRATION_IDEMPOTENCY_KEYS.IDEM_KEY.eq(key)))
                .isFalse();
    }

    private MvcTestResult post(String key, Map<String, Object> body) {
        return mvc.post()
                .uri("/api/v1/customers")
                .header("Authorization", "Bearer " + token())
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body))
                .exchange();
    }

    private synchronized String token() {
        if (token == null) {
            MvcTestResult r = mvc.post()
                    .uri("/api/v1/auth/tokens")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"username\":\"rep2\",\"password\":\"lantern-demo\"}")
                    .exchange();
            token = JSON.readTree(body(r)).get("token").asString();
        }
        return token;
    }

    private int customersNamed(String name) {
        return JSON.readTree(body(mvc.get()
                        .uri("/api/v1/customers?q=" + name)
                        .header("Authorization", "Bearer " + token())
                        .exchange()))
                .get("total")
                .asInt();
    }

    private static String body(MvcTestResult r) {
        try {
            return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unique() {
        String letters = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥";
        StringBuilder sb = new StringBuilder();
        long bits = UUID.randomUUID().getMostSignificantBits() & Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            sb.append(letters.charAt((int) (bits % letters.length())));
            bits /= letters.length();
        }
        return sb.toString();
    }
}
