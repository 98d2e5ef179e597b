package app.lantern.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import app.lantern.identity.Directory;
import app.lantern.testing.WebSession;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * Any file with a header row imports with an explicit mapping; only a mapping without a name column is refused; the
 * owner column is resolved within the importer's data scope, unusable owners reported per row in the reader's
 * language.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ImportMappingAndOwnersTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Directory directory;

    ImportClient client() {
        return new ImportClient(mvc);
    }

    long id(String username) {
        return directory.userByUsername(username).orElseThrow().id();
    }

    String ownerOf(String user, JsonNode row) {
        return Api.json(client().api()
                        .get(user, "/api/v1/customers/" + row.get("customerId").asString()))
                .get("ownerId")
                .asString();
    }

    @Test
    void importsAFileWithUnknownHeadersThroughAnExplicitMapping() throws Exception {
        String brand = CustomerApiTest.unique();
        String csv = "foo,bar,baz\r\n" + "x," + brand + "电子有限公司,电子\r\n" + "y,乙" + brand + "光学有限公司,光学\r\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);

        MvcTestResult without = client().upload("rep15", "x.csv", bytes);
        assertThat(without).hasStatus(400);
        assertThat(Api.json(without).get("errors").get(0).get("field").asString())
                .isEqualTo("mapping");

        MvcTestResult noName = client().upload("rep15", "x.csv", bytes, "mapping", "{\"2\":\"industry\"}");
        assertThat(noName).hasStatus(400);
        assertThat(noName.getResponse().getContentType()).contains("problem+json");
        assertThat(Api.json(noName).get("errors").get(0).get("field").asString())
                .isEqualTo("mapping");

        JsonNode job = client().run("rep15", "x.csv", bytes, "mapping", "{\"1\":\"name\",\"2\":\"industry\"}");
        assertThat(job.get("imported").asInt()).isEqualTo(2);
        JsonNode found = Api.json(client().api().get("rep15", "/api/v1/customers?q=" + brand + "电子"));
        assertThat(found.get("items").get(0).get("industry").asString()).isEqualTo("电子");
    }

    @Test
    void aRepMayOnlyOwnTheirImportsAndUnknownOwnersAreReportedPerRow() throws Exception {
        String brand = CustomerApiTest.unique();
        String csv = "Account Name,Account Owner\r\n"
                + "甲" + brand + "有限公司,rep16\r\n"
                + "乙" + brand + "有限公司,rep17\r\n"
                + "丙" + brand + "有限公司,no-such-user\r\n"
                + "丁" + brand + "有限公司,\r\n";
        JsonNode job = client().run("rep16", "owners.csv", csv.getBytes(StandardCharsets.UTF_8));
        Map<Integer, JsonNode> rows = client().rows("rep16", job);

        assertThat(job.get("imported").asInt()).isEqualTo(4);
        String me = String.valueOf(id("rep16"));
        for (int line = 2; line <= 5; line++) {
            assertThat(ownerOf("rep16", rows.get(line))).as("line " + line).isEqualTo(me);
        }
        assertThat(rows.get(2).get("message").isNull()).isTrue();
        assertThat(rows.get(3).get("message").asString()).contains("rep17").contains("不在你的数据范围内");
        assertThat(rows.get(4).get("message").asString())
                .contains("no-such-user")
                .contains("不是系统中的有效用户");

        JsonNode english = Api.json(
                client().api().get("rep16", "/api/v1/imports/" + job.get("id").asString() + "?lang=en"));
        assertThat(english.get("rows").toString())
                .contains("is not an active user")
                .contains("outside your data scope");
    }

    @Test
    void aManagerAssignsTheirTeamByUsernameDisplayNameOrEmailAndChoosesTheDefaultOwner() throws Exception {
        String brand = CustomerApiTest.unique();
        String rep3Name = directory.user(id("rep3")).orElseThrow().displayName();
        String csv = "Company,Owner\r\n"
                + "甲" + brand + "有限公司,REP2\r\n"
                + "乙" + brand + "有限公司," + rep3Name + "\r\n"
                + "丙" + brand + "有限公司,rep4@demo.lantern.app\r\n"
                + "丁" + brand + "有限公司,rep7\r\n"
                + "戊" + brand + "有限公司,\r\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);

        MvcTestResult outside =
                client().upload("manager1", "team.csv", bytes, "defaultOwner", String.valueOf(id("rep7")));
        assertThat(outside).hasStatus(400);
        assertThat(Api.json(outside).get("errors").get(0).get("field").asString())
                .isEqualTo("defaultOwner");

        JsonNode job = client().run("manager1", "team.csv", bytes, "defaultOwner", String.valueOf(id("rep5")));
        Map<Integer, JsonNode> rows = client().rows("manager1", job);
        assertThat(ownerOf("manager1", rows.get(2))).isEqualTo(String.valueOf(id("rep2")));
        assertThat(ownerOf("manager1", rows.get(3))).isEqualTo(String.valueOf(id("rep3")));
        assertThat(ownerOf("manager1", rows.get(4))).isEqualTo(String.valueOf(id("rep4")));
        assertThat(ownerOf("manager1", rows.get(5))).isEqualTo(String.valueOf(id("rep5")));
        assertThat(rows.get(5).get("message").asString()).contains("rep7");
        assertThat(ownerOf("manager1", rows.get(6))).isEqualTo(String.valueOf(id("rep5")));
        assertThat(ImportClient.accounted(job)).isEqualTo(5);
    }

    @Test
    void theMappingPageTakesAnyHeaderAndNamesTheFieldsInTheUsersLanguage() throws Exception {
        var session = WebSession.login(mvc, "rep15");
        byte[] bytes = "account,sector,year_established,revenue,employees,office_location,subsidiary_of\r\n"
                .concat("Bioplex,Pharma,1999,12m,40,Lyon,\r\n")
                .getBytes(StandardCharsets.UTF_8);
        var file = new MockMultipartFile("file", "generic.csv", "text/csv", bytes);
        String zh = mvc.post()
                .uri("/customers/imports")
                .multipart()
                .file(file)
                .cookie(session)
                .with(csrf())
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(zh)
                .contains("id=\"import-mapping\"")
                .contains(">客户名称<")
                .contains(">负责人<")
                .doesNotContain(">shortName<");

        String unknown = mvc.post()
                .uri("/customers/imports?lang=en")
                .multipart()
                .file(new MockMultipartFile(
                        "file", "x.csv", "text/csv", "foo,bar\r\n1,2\r\n".getBytes(StandardCharsets.UTF_8)))
                .cookie(session)
                .with(csrf())
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(unknown)
                .contains("id=\"import-mapping\"")
                .contains("id=\"import-needs-name\"")
                .contains(">Customer name<")
                .contains(">Short name<");
    }
}
