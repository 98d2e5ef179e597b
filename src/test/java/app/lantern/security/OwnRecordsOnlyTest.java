package app.lantern.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.pipeline.PipelineFixtures;
import app.lantern.testing.WebSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * A first slice of the standing access-control suite: every GET in the OpenAPI document under a customer's or an
 * opportunity's id answers 404 to a rep of another team and to a colleague in the same team who does not own the
 * record. Read from the OpenAPI document, so an endpoint added under these paths is covered without anyone
 * remembering it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OwnRecordsOnlyTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PipelineFixtures fx;

    @AfterEach
    void signOut() {
        fx.signOut();
    }

    @Test
    void repsOfAnotherTeamAndSameTeamColleaguesGetA404ForEveryReadOfSomeoneElsesRecord() {
        long customer = fx.customer("rep1");
        fx.signIn("rep1");
        long opportunity = fx.opportunity(customer).create().id();
        fx.signOut();
        String owner = WebSession.token(mvc, "rep1");
        Map<String, Long> records =
                Map.of("/api/v1/customers/{id}", customer, "/api/v1/opportunities/{id}", opportunity);

        List<String> probed = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : apiPaths(owner).properties()) {
            JsonNode get = path.getValue().get("get");
            String root = records.keySet().stream()
                    .filter(r -> path.getKey().equals(r) || path.getKey().startsWith(r + "/"))
                    .findFirst()
                    .orElse(null);
            if (get == null || root == null) {
                continue;
            }
            String uri =
                    path.getKey()
                                    .replace("{id}", String.valueOf(records.get(root)))
                                    .replaceAll("\\{[^}]+}", "999999") + "?" + required(get);
            for (String intruder : List.of("rep13", "rep2")) {
                int status = mvc.get()
                        .uri(uri)
                        .header("Authorization", WebSession.token(mvc, intruder))
                        .exchange()
                        .getResponse()
                        .getStatus();
                assertThat(status).as(intruder + " GET " + uri).isEqualTo(404);
            }
            probed.add(path.getKey());
        }
        assertThat(probed)
                .contains("/api/v1/customers/{id}", "/api/v1/opportunities/{id}")
                .hasSizeGreaterThan(4);
    }

    private static String required(JsonNode operation) {
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("required").asBoolean(false)
                    && "query".equals(parameter.get("in").asString())) {
                JsonNode schema = parameter.get("schema");
                String value = schema.has("enum")
                        ? schema.get("enum").get(0).asString()
                        : "integer".equals(schema.path("type").asString()) ? "2026" : "999999";
                query.append(parameter.get("name").asString())
                        .append('=')
                        .append(value)
                        .append('&');
            }
        }
        return query.toString();
    }

    private JsonNode apiPaths(String token) {
        return WebSession.json(mvc.get()
                        .uri("/v3/api-docs")
                        .header("Authorization", token)
                        .exchange())
                .get("paths");
    }
}
