package app.lantern.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import app.lantern.testing.WebSession;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * Proof: a 90-row English CRM export (Salesforce-style headers; look-alike names sharing prefixes and generic words;
 * planted exact duplicates, case variants, a blank name, a formula cell and an over-long name) imports through the API
 * with a mapping and through the UI mapping step, every row's outcome as planted and no distinct company skipped.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ImportEnglishExportTest {

    private static final String[] WORDS = {"Labs", "Trading", "Logistics", "Foods", "Systems", "Pharma", "Energy"};
    private static final String[] SUFFIXES = {"Inc", "Ltd", "Corp.", "GmbH", "Holdings", "Group", "LLC"};

    @Autowired
    MockMvcTester mvc;

    /** The file and what each line must become. */
    static final class Export {
        final List<List<Object>> rows = new ArrayList<>();
        /** line → expected outcome; for duplicates, line → line of the row they repeat. */
        final Map<Integer, String> outcome = new HashMap<>();

        final Map<Integer, Integer> duplicateOf = new HashMap<>();
        final List<Integer> distinct = new ArrayList<>();
        private final List<String> stems = new ArrayList<>();
        int formulaLine;
        String formulaValue;

        Export(String owner, Random random) {
            rows.add(List.of(
                    "Account Name", "Industry", "Billing City", "Phone", "Website", "Account Owner", "Annual Revenue"));
            for (int i = 0; i < 75; i++) {
                // pairs share a prefix (Bioplex / Bioholding) or a generic word, the shapes that used to be skipped
                String stem = i % 2 == 1 ? stems.get(i - 1) : ImportClient.latin(random);
                String name = stem + (i % 2 == 1 ? "holding " : "plex ") + WORDS[i % WORDS.length] + " "
                        + SUFFIXES[i % SUFFIXES.length];
                add(List.of(
                        name,
                        "Retail",
                        "Lyon",
                        "",
                        "https://" + stem.toLowerCase(Locale.ROOT) + i + ".example",
                        owner,
                        "1200000"));
                distinct.add(line());
                stems.add(stem);
            }
            for (int line : new int[] {3, 10, 20, 30, 40}) {
                add(new ArrayList<>(rows.get(line - 1)));
                duplicateOf.put(line(), line);
            }
            for (int line : new int[] {5, 15, 25, 35, 45}) {
                List<Object> variant = new ArrayList<>(rows.get(line - 1));
                variant.set(
                        0,
                        "  "
                                + ((String) variant.get(0))
                                        .toUpperCase(Locale.ROOT)
                                        .replace(" ", "  ") + " ");
                add(variant);
                duplicateOf.put(line(), line);
            }
            add(List.of("", "Retail", "Paris", "", "", owner, ""));
            outcome.put(line(), "REJECTED");
            formulaValue = ImportClient.latin(random) + " Formula Works Ltd";
            add(List.of(
                    new TestXlsx.Formula("CONCATENATE(\"" + formulaValue + "\")", formulaValue),
                    "Retail",
                    "",
                    "",
                    "",
                    owner,
                    ""));
            formulaLine = line();
            add(List.of("Over " + "long ".repeat(60) + "Company Ltd", "Retail", "", "", "", owner, ""));
            outcome.put(line(), "REJECTED");
            for (int i = 0; i < 2; i++) {
                add(List.of(ImportClient.latin(random) + " Unowned Ventures Ltd", "", "", "", "", "no-such-owner", ""));
                distinct.add(line());
            }
        }

        private void add(List<Object> row) {
            rows.add(row);
        }

        int line() {
            return rows.size();
        }

        byte[] xlsx() {
            return TestXlsx.of(rows);
        }
    }

    static final String MAPPING =
            "{\"0\":\"name\",\"1\":\"industry\",\"2\":\"city\",\"3\":\"phone\",\"4\":\"website\",\"5\":\"owner\"}";

    @Test
    void everyRowOfAnEnglishExportEndsAsPlantedThroughTheApi() throws Exception {
        Export export = new Export("rep9", new Random());
        assertThat(export.line()).isEqualTo(91);
        ImportClient client = new ImportClient(mvc);
        JsonNode job = client.run(
                "rep9", "salesforce-accounts.xlsx", export.xlsx(), "mapping", MAPPING, "duplicatePolicy", "skip");
        assertEveryRow(client, "rep9", job, export);
    }

    @Test
    void everyRowOfAnEnglishExportEndsAsPlantedThroughTheMappingPage() throws Exception {
        Export export = new Export("rep8", new Random());
        var session = WebSession.login(mvc, "rep8");
        String page = mvc.post()
                .uri("/customers/imports")
                .multipart()
                .file(new MockMultipartFile("file", "accounts.xlsx", "application/octet-stream", export.xlsx()))
                .param("duplicatePolicy", "skip")
                .cookie(session)
                .with(csrf())
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"import-mapping\"");
        String action = page.replaceAll("(?s).*action=\"(/customers/imports/\\d+/start)\".*", "$1");
        String id = action.replaceAll("\\D+(\\d+)\\D+", "$1");
        var started = mvc.post()
                .uri(action)
                .param("col-0", "name")
                .param("col-1", "industry")
                .param("col-2", "city")
                .param("col-4", "website")
                .param("col-5", "owner")
                .param("duplicatePolicy", "skip")
                .cookie(session)
                .with(csrf())
                .exchange();
        assertThat(started).hasStatus3xxRedirection();
        ImportClient client = new ImportClient(mvc);
        JsonNode job = client.awaitDone("rep8", id);
        assertEveryRow(client, "rep8", job, export);
        String status = mvc.get()
                .uri("/customers/imports/" + id)
                .cookie(session)
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(status).contains("id=\"import-review\"").contains("名称相同");
    }

    private static void assertEveryRow(ImportClient client, String user, JsonNode job, Export export) {
        assertThat(job.get("status").asString()).isEqualTo("DONE");
        assertThat(job.get("totalRows").asInt()).isEqualTo(90);
        assertThat(ImportClient.accounted(job)).isEqualTo(90);
        Map<Integer, JsonNode> rows = client.rows(user, job);
        assertThat(rows).hasSize(90);
        for (int line : export.distinct) {
            assertThat(rows.get(line).get("outcome").asString())
                    .as("distinct company on line " + line + ": " + rows.get(line))
                    .isIn("IMPORTED", "REVIEW");
        }
        export.duplicateOf.forEach((line, original) -> {
            assertThat(rows.get(line).get("outcome").asString())
                    .as("line " + line)
                    .isEqualTo("SKIPPED");
            assertThat(rows.get(line).get("customerId").asString())
                    .as("line " + line)
                    .isEqualTo(rows.get(original).get("customerId").asString());
        });
        export.outcome.forEach(
                (line, outcome) -> assertThat(rows.get(line).get("outcome").asString())
                        .as("line " + line)
                        .isEqualTo(outcome));
        JsonNode formula = rows.get(export.formulaLine);
        assertThat(formula.get("outcome").asString()).isIn("IMPORTED", "REVIEW");
        assertThat(Api.json(client.api()
                                .get(
                                        user,
                                        "/api/v1/customers/"
                                                + formula.get("customerId").asString()))
                        .get("name")
                        .asString())
                .isEqualTo(export.formulaValue);
        assertThat(rows.get(export.line()).get("message").asString()).contains("no-such-owner");
        assertThat(job.get("skipped").asInt()).isEqualTo(10);
        assertThat(job.get("rejected").asInt()).isEqualTo(2);
        assertThat(job.get("imported").asInt() + job.get("review").asInt()).isEqualTo(78);
    }
}
