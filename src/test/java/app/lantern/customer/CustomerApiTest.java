package app.lantern.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

@SpringBootTest
@AutoConfigureMockMvc
class CustomerApiTest {

    @Autowired
    MockMvcTester mvc;

    Api api() {
        return new Api(mvc);
    }

    static String unique() {
        // a distinctive made-up brand so that no other test's customers collide with it
        String letters = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥";
        StringBuilder sb = new StringBuilder();
        long bits = UUID.randomUUID().getMostSignificantBits() & Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            sb.append(letters.charAt((int) (bits % letters.length())));
            bits /= letters.length();
        }
        return sb.toString();
    }

    static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void answersPossibleDuplicateWith409AndCreatesWhenConfirmed() {
        String brand = unique();
        var created =
                api().post("rep1", "/api/v1/customers", body("name", "深圳市" + brand + "科技股份有限公司", "province", "广东"));
        assertThat(created).hasStatus(201);
        String id = Api.json(created).get("id").asString();

        var conflict = api().post("rep1", "/api/v1/customers", body("name", brand + "科技"));
        assertThat(conflict).hasStatus(409);
        JsonNode problem = Api.json(conflict);
        assertThat(problem.get("candidates").get(0).get("id").asString()).isEqualTo(id);
        assertThat(problem.get("candidates").get(0).get("matchedOn").toString()).contains("name");

        var confirmed =
                api().post("rep1", "/api/v1/customers", body("name", brand + "科技", "confirmNotDuplicate", true));
        assertThat(confirmed).hasStatus(201);
    }

    @Test
    void keyIndexFollowsRenamesAndFeedsTheDuplicateReport() {
        String brand = unique();
        String first = Api.json(api().post("rep1", "/api/v1/customers", body("name", brand + "光电科技股份有限公司")))
                .get("id")
                .asString();
        String second = Api.json(api().post(
                                "rep1", "/api/v1/customers", body("name", brand + "光电", "confirmNotDuplicate", true)))
                .get("id")
                .asString();
        JsonNode clusters = Api.json(api().get("admin", "/api/v1/customers/duplicate-clusters?limit=1000"));
        assertThat(clusters.valueStream()
                        .map(c -> c.get("members")
                                .valueStream()
                                .map(m -> m.get("id").asString())
                                .toList()))
                .anySatisfy(members -> assertThat(members).contains(first, second));

        String other = unique();
        assertThat(api().patch("rep1", "/api/v1/customers/" + second, body("name", other + "海运有限公司")))
                .hasStatusOk();
        assertThat(Api.json(api().post("rep1", "/api/v1/customers/duplicate-check", body("name", other + "海运")))
                        .get("candidates")
                        .valueStream()
                        .map(c -> c.get("id").asString()))
                .contains(second);
        assertThat(Api.json(api().post("rep1", "/api/v1/customers/duplicate-check", body("name", brand + "光电")))
                        .get("candidates")
                        .valueStream()
                        .map(c -> c.get("id").asString()))
                .contains(first)
                .doesNotContain(second);
    }

    @Test
    void conflictNamesAnotherTeamsDuplicateAndItsOwnerButNotItsPrivateFields() throws Exception {
        String brand = unique();
        String creditFirst17 = "91440300MA5F" + (10000 + (int) (Math.random() * 89999));
        String creditCode = creditFirst17 + app.lantern.customer.matching.CreditCodes.checkDigit(creditFirst17);
        var created = api().post(
                        "rep7",
                        "/api/v1/customers",
                        body(
                                "name",
                                brand + "物流有限公司",
                                "creditCode",
                                creditCode,
                                "phone",
                                "0755-6" + (1000000 + (int) (Math.random() * 8999999)),
                                "email",
                                "ops@" + "x" + System.nanoTime() + ".cn"));
        assertThat(created).hasStatus(201);

        var conflict = api().post("rep1", "/api/v1/customers", body("name", brand + "物流"));
        assertThat(conflict).hasStatus(409);
        JsonNode candidate = Api.json(conflict).get("candidates").get(0);
        assertThat(candidate.get("id").isNull()).isTrue();
        assertThat(candidate.get("name").isNull()).isTrue();
        assertThat(candidate.get("visible").asBoolean()).isFalse();
        assertThat(candidate.get("ownerName").asString()).isNotBlank();
        assertThat(candidate.get("creditCode").isNull()).isTrue();
        String text = conflict.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text)
                .doesNotContain(creditCode)
                .doesNotContain(brand)
                .doesNotContain(Api.json(created).get("phone").asString())
                .doesNotContain(Api.json(created).get("email").asString());
    }

    @Test
    void duplicateCheckFindsByPhoneAcrossFormatsAndHidesOtherTeamsFields() {
        String brand = unique();
        var created = api().post(
                        "rep7",
                        "/api/v1/customers",
                        body(
                                "name",
                                brand + "贸易有限公司",
                                "phone",
                                "0755-8888" + (1000 + (int) (Math.random() * 8999)),
                                "industry",
                                "批发零售"));
        assertThat(created).hasStatus(201);
        String phone = Api.json(created).get("phone").asString();

        var check =
                api().post("rep1", "/api/v1/customers/duplicate-check", body("phone", "+86 755 " + phone.substring(5)));
        assertThat(check).hasStatusOk();
        JsonNode candidate = Api.json(check).get("candidates").get(0);
        assertThat(candidate.get("name").isNull()).isTrue();
        assertThat(candidate.get("id").isNull()).isTrue();
        assertThat(candidate.get("matchedOn").toString()).contains("phone");
        assertThat(candidate.get("visible").asBoolean()).isFalse();
        assertThat(candidate.get("ownerName").asString()).isNotBlank();
        assertThat(candidate.get("industry").isNull()).isTrue();

        assertThat(api().get(
                                "rep1",
                                "/api/v1/customers/"
                                        + Api.json(created).get("id").asString()))
                .hasStatus(404);
    }

    @Test
    void rejectsInvalidCreditCodePhoneAndEmailAsFieldErrors() {
        var r = api().post(
                        "rep1",
                        "/api/v1/customers",
                        body(
                                "name",
                                unique() + "公司",
                                "creditCode",
                                "91440300MA5F12345Z",
                                "phone",
                                "12345",
                                "email",
                                "nope"));
        assertThat(r).hasStatus(400);
        String text = Api.json(r).get("errors").toString();
        assertThat(text).contains("creditCode").contains("phone").contains("email");
    }

    @Test
    void mergeMovesContactsAndTimelineAndHidesTheDuplicate() {
        String brand = unique();
        String a = Api.json(api().post("rep2", "/api/v1/customers", body("name", brand + "集团有限公司")))
                .get("id")
                .asString();
        String b = Api.json(
                        api().post("rep2", "/api/v1/customers", body("name", brand + "A", "confirmNotDuplicate", true)))
                .get("id")
                .asString();
        assertThat(api().post(
                                "rep2",
                                "/api/v1/customers/" + b + "/contacts",
                                body(
                                        "name",
                                        "李雷",
                                        "title",
                                        "采购总监",
                                        "decisionRole",
                                        "DECISION_MAKER",
                                        "mobile",
                                        "13900001111")))
                .hasStatus(201);
        assertThat(api().post(
                                "rep2",
                                "/api/v1/customers/" + b + "/timeline",
                                body(
                                        "type",
                                        "order",
                                        "externalId",
                                        "ERP-" + brand,
                                        "occurredAt",
                                        "2026-10-01T10:00:00+08:00",
                                        "title",
                                        "订单 " + brand,
                                        "amount",
                                        12000.50)))
                .hasStatus(201);

        var preview = api().get("rep2", "/api/v1/customers/" + a + "/merge-preview?duplicateId=" + b);
        assertThat(preview).hasStatusOk();
        assertThat(Api.json(preview).get("contacts").asInt()).isEqualTo(1);

        assertThat(api().post("rep2", "/api/v1/customers/" + a + "/merge", body("duplicateId", b)))
                .hasStatusOk();
        assertThat(api().get("rep2", "/api/v1/customers/" + b)).hasStatus(404);
        assertThat(Api.json(api().get("rep2", "/api/v1/customers/" + a + "/contacts"))
                        .get(0)
                        .get("name")
                        .asString())
                .isEqualTo("李雷");
        assertThat(Api.json(api().get("rep2", "/api/v1/customers/" + a + "/timeline"))
                        .toString())
                .contains("订单 " + brand);
    }

    @Test
    void ingestIsIdempotentByExternalId() {
        String id = Api.json(api().post("rep3", "/api/v1/customers", body("name", unique() + "电子有限公司")))
                .get("id")
                .asString();
        Map<String, Object> ticket = body(
                "type",
                "ticket",
                "externalId",
                "T-" + id,
                "occurredAt",
                "2026-11-01T09:00:00+08:00",
                "title",
                "打印机故障",
                "serviceCost",
                300);
        assertThat(api().post("rep3", "/api/v1/customers/" + id + "/timeline", ticket))
                .hasStatus(201);
        assertThat(api().post("rep3", "/api/v1/customers/" + id + "/timeline", ticket))
                .hasStatus(200);
        assertThat(api().post(
                                "rep3",
                                "/api/v1/customers/" + id + "/timeline",
                                body(
                                        "type",
                                        "invoice",
                                        "externalId",
                                        "x",
                                        "occurredAt",
                                        "2026-11-01T09:00:00+08:00",
                                        "title",
                                        "x")))
                .hasStatus(400);
    }

    @Test
    void patchChangesOnlyGivenFieldsAndManagerCanTransferOwner() {
        String id = Api.json(api().post("rep2", "/api/v1/customers", body("name", unique() + "物流有限公司", "city", "杭州")))
                .get("id")
                .asString();
        var patched = api().patch("rep2", "/api/v1/customers/" + id, body("industry", "交通运输"));
        assertThat(patched).hasStatusOk();
        assertThat(Api.json(patched).get("city").asString()).isEqualTo("杭州");
        assertThat(Api.json(patched).get("industry").asString()).isEqualTo("交通运输");
        String rep3 = Api.json(api().get("rep3", "/api/v1/me")).get("id").asString();
        assertThat(api().post("manager1", "/api/v1/customers/" + id + "/owner", body("ownerId", rep3)))
                .hasStatusOk();
        assertThat(api().get("rep3", "/api/v1/customers/" + id)).hasStatusOk();
        assertThat(api().get("rep2", "/api/v1/customers/" + id)).hasStatus(404);
    }

    @Test
    void duplicateCheckByEmailOrNameTellsAnotherTeamsRepOnlyThatADuplicateExistsAndWhoOwnsIt() throws Exception {
        String brand = unique();
        String email = "sales@" + "y" + System.nanoTime() + ".cn";
        var created = api().post("rep7", "/api/v1/customers", body("name", brand + "建材有限公司", "email", email));
        assertThat(created).hasStatus(201);
        String id = Api.json(created).get("id").asString();
        String owner = Api.json(created).get("ownerName").asString();

        for (Map<String, Object> query :
                java.util.List.of(body("email", email.toUpperCase()), body("name", brand + "建材"))) {
            var check = api().post("rep1", "/api/v1/customers/duplicate-check", query);
            assertThat(check).hasStatusOk();
            JsonNode candidate = Api.json(check).get("candidates").get(0);
            assertThat(candidate.get("visible").asBoolean()).isFalse();
            assertThat(candidate.get("ownerName").asString()).isEqualTo(owner);
            String text = check.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(text).as("the other team's customer's name and id").doesNotContain(brand + "建材有限公司");
            assertThat(candidate.get("id").isNull()).isTrue();
        }

        JsonNode own = Api.json(api().post("rep7", "/api/v1/customers/duplicate-check", body("email", email)))
                .get("candidates")
                .get(0);
        assertThat(own.get("id").asString()).isEqualTo(id);
        assertThat(own.get("name").asString()).isEqualTo(brand + "建材有限公司");
    }

    @Test
    void notDuplicateAnswers404ForAnUnknownIdOrADuplicateOutsideTheCallersScope() {
        String mine = Api.json(api().post("rep1", "/api/v1/customers", body("name", unique() + "纺织有限公司")))
                .get("id")
                .asString();
        String theirs = Api.json(api().post("rep7", "/api/v1/customers", body("name", unique() + "纺织有限公司")))
                .get("id")
                .asString();

        var outside = api().post("rep1", "/api/v1/customers/" + mine + "/not-duplicate", body("duplicateId", theirs));
        assertThat(outside).hasStatus(404);
        assertThat(outside.getResponse().getContentType()).startsWith("application/problem+json");
        var unknownDuplicate =
                api().post("rep1", "/api/v1/customers/" + mine + "/not-duplicate", body("duplicateId", "999999999"));
        assertThat(unknownDuplicate).hasStatus(404);
        assertThat(unknownDuplicate.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(Api.json(unknownDuplicate).toString())
                .as("an unknown id and one outside the scope answer alike")
                .isEqualTo(Api.json(outside).toString().replace(theirs, "999999999"));
        assertThat(api().post("rep1", "/api/v1/customers/999999999/not-duplicate", body("duplicateId", mine)))
                .hasStatus(404);

        String second = Api.json(api().post("rep1", "/api/v1/customers", body("name", unique() + "纺织有限公司")))
                .get("id")
                .asString();
        assertThat(api().post("rep1", "/api/v1/customers/" + mine + "/not-duplicate", body("duplicateId", second)))
                .hasStatus(204);
    }
}
