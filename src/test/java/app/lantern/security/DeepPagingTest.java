package app.lantern.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.testing.WebSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * A page number so deep that {@code page × size} overflows must be refused as bad input naming {@code page} on every
 * list of the API, never crash into a 500. The lists are read from the OpenAPI document, so a new list is covered
 * without anyone remembering to add it here.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeepPagingTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void everyPagedListRefusesAnOverflowingPageNamingIt() {
        String admin = WebSession.token(mvc, "admin");
        List<String> lists = pagedLists(admin);
        assertThat(lists).contains("/api/v1/customers", "/api/v1/opportunities", "/api/v1/audit");
        for (String path : lists) {
            MvcTestResult result = mvc.get()
                    .uri(path + "?page=999999999&size=200" + required(path, admin))
                    .header("Authorization", admin)
                    .exchange();
            assertThat(result.getResponse().getStatus()).as(path).isEqualTo(400);
            assertThat(result.getResponse().getContentType()).as(path).startsWith("application/problem+json");
            assertThat(WebSession.json(result).get("errors").toString())
                    .as(path)
                    .contains("\"field\":\"page\"");
        }
    }

    @Test
    void theCustomerPageRefusesAnOverflowingPageWithAFriendlyError() {
        MvcTestResult page = mvc.get()
                .uri("/customers?page=999999999")
                .cookie(WebSession.login(mvc, "rep1"))
                .exchange();
        assertThat(page).hasStatus(400);
        assertThat(page).bodyText().contains("page");
    }

    /** GET operations without path variables that take a {@code page} parameter. */
    private List<String> pagedLists(String admin) {
        JsonNode paths = apiPaths(admin);
        List<String> lists = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            JsonNode get = path.getValue().get("get");
            if (path.getKey().contains("{") || get == null || get.get("parameters") == null) {
                continue;
            }
            for (JsonNode parameter : get.get("parameters")) {
                if ("page".equals(parameter.get("name").asString())) {
                    lists.add(path.getKey());
                }
            }
        }
        return lists;
    }

    /** A plausible value for each other required query parameter, so that only {@code page} is wrong. */
    private String required(String path, String admin) {
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : apiPaths(admin).get(path).get("get").get("parameters")) {
            if (parameter.path("required").asBoolean(false)
                    && "query".equals(parameter.get("in").asString())) {
                JsonNode schema = parameter.get("schema");
                String value = schema.has("enum")
                        ? schema.get("enum").get(0).asString()
                        : "integer".equals(schema.path("type").asString()) ? "2026" : "x";
                query.append('&')
                        .append(parameter.get("name").asString())
                        .append('=')
                        .append(value);
            }
        }
        return query.toString();
    }

    private JsonNode apiPaths(String admin) {
        return WebSession.json(mvc.get()
                        .uri("/v3/api-docs")
                        .header("Authorization", admin)
                        .exchange())
                .get("paths");
    }
}
