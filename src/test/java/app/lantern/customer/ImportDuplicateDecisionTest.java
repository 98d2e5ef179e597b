package app.lantern.customer;

import static lantern.db.Tables.CUSTOMER_DUPLICATE_PAIRS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * Only certain duplicates (same credit code, same normalised name, shared phone or e-mail with a similar name) are
 * skipped or merged as the importer chose; a possible duplicate is imported onto the review list; every row lands in
 * exactly one outcome.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ImportDuplicateDecisionTest {

    private static final String USER = "rep14";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    DSLContext db;

    final Random random = new Random();

    /** Stored customers and a file whose rows meet them in every way an import can. */
    private final class Fixture {
        final String brand = CustomerApiTest.unique();
        final String fresh = CustomerApiTest.unique();
        final String latin = ImportClient.latin(random);
        final String code = ImportClient.creditCode(random);
        final String phone = ImportClient.mobile(random);
        final String email = latin.toLowerCase() + "@" + latin.toLowerCase() + ".example";
        final long byCode = create("name", brand + "精工机械有限公司", "creditCode", code);
        final long byName = create("name", latin + " Bioplex Corp.");
        final long byPhone = create("name", brand + "物流有限公司", "phone", phone);
        final long byEmail = create("name", brand + "酿酒有限公司", "email", email);

        long create(Object... kv) {
            var r = client().api().post(USER, "/api/v1/customers", CustomerApiTest.body(kv));
            assertThat(r).hasStatus(201);
            return Api.json(r).get("id").asLong();
        }

        byte[] csv() {
            return ("Company Name,Credit Code,Phone,Email,Industry\r\n"
                            + "庚" + brand + "贸易有限公司," + code + ",,,\r\n" // 2: same credit code
                            + latin.toUpperCase()
                            + " BIOPLEX CORPORATION,,,,\r\n" // 3: same name, case and legal form aside
                            + brand + "国际物流,," + phone + ",,\r\n" // 4: same phone, similar name
                            + "Outfitters " + ImportClient.latin(random) + " Ltd,,," + email + ",\r\n" // 5: e-mail only
                            + "辛" + fresh + "文化传媒有限公司,,,,传媒\r\n" // 6: new
                            + ",,," + latin.toLowerCase() + "@x.example,农业\r\n" // 7: no name
                            + ",,,,\r\n" // 8: empty
                            + "辛" + fresh + "文化传媒 有限公司,,,,\r\n") // 9: row 6 again, spaced
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    ImportClient client() {
        return new ImportClient(mvc);
    }

    @Test
    void skipsOnlyCertainDuplicatesAndImportsPossibleOnesForReview() throws Exception {
        Fixture f = new Fixture();
        JsonNode job = client().run(USER, "crm.csv", f.csv(), "duplicatePolicy", "skip");
        Map<Integer, JsonNode> rows = client().rows(USER, job);

        assertThat(job.get("totalRows").asInt()).isEqualTo(8);
        assertThat(ImportClient.accounted(job)).isEqualTo(8);
        assertThat(rows).hasSize(8);
        assertOutcome(rows, 2, "SKIPPED", f.byCode);
        assertOutcome(rows, 3, "SKIPPED", f.byName);
        assertOutcome(rows, 4, "SKIPPED", f.byPhone);
        assertThat(rows.get(5).get("outcome").asString()).isEqualTo("REVIEW");
        assertThat(rows.get(6).get("outcome").asString()).isEqualTo("IMPORTED");
        assertThat(rows.get(7).get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(rows.get(8).get("outcome").asString()).isEqualTo("SKIPPED");
        assertOutcome(rows, 9, "SKIPPED", rows.get(6).get("customerId").asLong());
        assertThat(job.get("imported").asInt()).isEqualTo(1);
        assertThat(job.get("review").asInt()).isEqualTo(1);
        assertThat(job.get("skipped").asInt()).isEqualTo(5);
        assertThat(job.get("rejected").asInt()).isEqualTo(1);
        assertThat(rows.get(2).get("message").asString()).contains("统一社会信用代码相同");
        assertThat(rows.get(3).get("message").asString()).contains("名称相同");
        assertThat(rows.get(5).get("message").asString()).contains("疑似重复");

        long reviewed = rows.get(5).get("customerId").asLong();
        assertThat(pairExists(reviewed, f.byEmail)).isTrue();
        assertThat(client().api()
                        .post(
                                USER,
                                "/api/v1/customers/" + reviewed + "/not-duplicate",
                                CustomerApiTest.body("duplicateId", String.valueOf(f.byEmail))))
                .hasStatus2xxSuccessful();
        assertThat(pairExists(reviewed, f.byEmail)).isFalse();
    }

    @Test
    void mergesOnlyCertainDuplicates() throws Exception {
        Fixture f = new Fixture();
        JsonNode job = client().run(USER, "crm.csv", f.csv(), "duplicatePolicy", "merge");
        Map<Integer, JsonNode> rows = client().rows(USER, job);

        assertThat(ImportClient.accounted(job)).isEqualTo(8);
        assertOutcome(rows, 2, "MERGED", f.byCode);
        assertOutcome(rows, 3, "MERGED", f.byName);
        assertOutcome(rows, 4, "MERGED", f.byPhone);
        assertThat(rows.get(5).get("outcome").asString()).isEqualTo("REVIEW");
        assertThat(rows.get(6).get("outcome").asString()).isEqualTo("IMPORTED");
        assertOutcome(rows, 9, "MERGED", rows.get(6).get("customerId").asLong());
        assertThat(job.get("merged").asInt()).isEqualTo(4);
        assertThat(pairExists(rows.get(5).get("customerId").asLong(), f.byEmail))
                .isTrue();
    }

    @Test
    void createPolicyImportsEvenCertainDuplicatesOntoTheReviewList() throws Exception {
        Fixture f = new Fixture();
        JsonNode job = client().run(USER, "crm.csv", f.csv(), "duplicatePolicy", "create");
        Map<Integer, JsonNode> rows = client().rows(USER, job);

        assertThat(ImportClient.accounted(job)).isEqualTo(8);
        for (int line : new int[] {2, 3, 4, 5, 9}) {
            assertThat(rows.get(line).get("outcome").asString())
                    .as("line " + line)
                    .isEqualTo("REVIEW");
        }
        assertThat(pairExists(rows.get(2).get("customerId").asLong(), f.byCode)).isTrue();
        assertThat(pairExists(
                        rows.get(9).get("customerId").asLong(),
                        rows.get(6).get("customerId").asLong()))
                .isTrue();
        assertThat(job.get("review").asInt()).isEqualTo(5);
    }

    private static void assertOutcome(Map<Integer, JsonNode> rows, int line, String outcome, long customer) {
        assertThat(rows.get(line).get("outcome").asString()).as("line " + line).isEqualTo(outcome);
        assertThat(rows.get(line).get("customerId").asLong()).as("line " + line).isEqualTo(customer);
    }

    private boolean pairExists(long a, long b) {
        return db.fetchExists(
                CUSTOMER_DUPLICATE_PAIRS,
                CUSTOMER_DUPLICATE_PAIRS
                        .LOW_ID
                        .eq(Math.min(a, b))
                        .and(CUSTOMER_DUPLICATE_PAIRS.HIGH_ID.eq(Math.max(a, b))));
    }
}
