package app.lantern.customer;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.testing.WebSession;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

@SpringBootTest
@AutoConfigureMockMvc
class ImportExportTest {

    @Autowired
    MockMvcTester mvc;

    Api api() {
        return new Api(mvc);
    }

    MvcTestResult upload(String user, String fileName, byte[] content, String policy) {
        return mvc.post()
                .uri("/api/v1/imports")
                .header("Authorization", "Bearer " + api().token(user))
                .multipart()
                .file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
                .param("duplicatePolicy", policy)
                .exchange();
    }

    JsonNode awaitDone(String user, String id) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            JsonNode job = Api.json(api().get(user, "/api/v1/imports/" + id));
            if (job.get("status").asString().equals("DONE")
                    || job.get("status").asString().equals("FAILED")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import did not finish");
    }

    @Test
    void importsGbkCsvWithChineseHeadersAndAccountsForEveryRow() throws Exception {
        String brand = CustomerApiTest.unique();
        String existing = Api.json(
                        api().post("rep11", "/api/v1/customers", CustomerApiTest.body("name", brand + "制药股份有限公司")))
                .get("id")
                .asString();
        String csv = "客户名称,统一社会信用代码,手机,联系人,创建时间\r\n"
                + brand + "制药,,13800001111,王五,2021-03-01\r\n"
                + "丙" + brand + "新材料有限公司,BADCODE,,,2020-01-02 09:30\r\n"
                + "\"" + brand + "化工, 有限公司\",,,赵六,2019/5/6\r\n"
                + ",,,,\r\n";
        MvcTestResult started = upload("rep11", "客户.csv", csv.getBytes(Charset.forName("GBK")), "merge");
        assertThat(started).hasStatus(202);
        JsonNode job = awaitDone("rep11", Api.json(started).get("id").asString());
        assertThat(job.get("status").asString()).isEqualTo("DONE");
        assertThat(job.get("totalRows").asInt()).isEqualTo(4);
        assertThat(job.get("merged").asInt()
                        + job.get("imported").asInt()
                        + job.get("review").asInt()
                        + job.get("skipped").asInt()
                        + job.get("rejected").asInt())
                .isEqualTo(4);
        assertThat(job.get("merged").asInt()).isEqualTo(1);
        assertThat(job.get("rejected").asInt()).isEqualTo(1);
        assertThat(job.get("imported").asInt()).isEqualTo(1);
        assertThat(Api.json(api().get("rep11", "/api/v1/customers/" + existing + "/contacts"))
                        .toString())
                .contains("王五");
        MvcTestResult report =
                api().get("rep11", "/api/v1/imports/" + job.get("id").asString() + "/errors");
        assertThat(report.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("统一社会信用代码：不是有效的统一社会信用代码")
                .contains("已拒绝,REJECTED");
        JsonNode list = Api.json(api().get("rep11", "/api/v1/customers?q=" + brand + "化工"));
        assertThat(OffsetDateTime.parse(
                                list.get("items").get(0).get("createdAt").asString())
                        .toInstant())
                .isEqualTo(OffsetDateTime.parse("2019-05-06T00:00:00+08:00").toInstant());
    }

    @Test
    void importsXlsxWithEnglishHeadersAndSkipsDuplicates() throws Exception {
        String brand = CustomerApiTest.unique();
        api().post("rep12", "/api/v1/customers", CustomerApiTest.body("name", brand + "软件有限公司"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        var ws = wb.newWorksheet("s");
        ws.value(0, 0, "Company Name");
        ws.value(0, 1, "Industry");
        ws.value(1, 0, brand + "软件");
        ws.value(1, 1, "软件");
        ws.value(2, 0, "丁" + brand + "物联网科技有限公司");
        ws.value(2, 1, "物联网");
        wb.finish();
        MvcTestResult started = upload("rep12", "customers.xlsx", out.toByteArray(), "skip");
        JsonNode job = awaitDone("rep12", Api.json(started).get("id").asString());
        assertThat(job.get("skipped").asInt()).isEqualTo(1);
        assertThat(job.get("imported").asInt()).isEqualTo(1);
    }

    @Test
    void everyImportedOrMergedCustomerShowsTheImportInItsOwnHistory() throws Exception {
        String brand = CustomerApiTest.unique();
        String existing = Api.json(
                        api().post("rep11", "/api/v1/customers", CustomerApiTest.body("name", brand + "制药股份有限公司")))
                .get("id")
                .asString();
        String csv = "客户名称,联系人,手机\r\n"
                + "戊" + brand + "电子有限公司,孙七,13900002222\r\n"
                + brand + "制药,王五,13800001111\r\n"
                + "戊" + brand + "电子有限公司,周八,13700003333\r\n";
        JsonNode job = awaitDone(
                "rep11",
                Api.json(upload("rep11", "历史.csv", csv.getBytes(StandardCharsets.UTF_8), "merge"))
                        .get("id")
                        .asString());
        assertThat(job.get("imported").asInt()).isEqualTo(1);
        assertThat(job.get("merged").asInt()).isEqualTo(2);
        String created = Api.json(api().get("rep11", "/api/v1/customers?q=戊" + brand))
                .get("items")
                .get(0)
                .get("id")
                .asString();
        var session = WebSession.login(mvc, "rep11");

        String createdPage = mvc.get()
                .uri("/customers/" + created)
                .cookie(session)
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String history = createdPage.substring(createdPage.indexOf("data-audit-trail"));
        assertThat(history)
                .contains(">导入<")
                .contains(">导入时合并<")
                .contains("导入任务")
                .contains(job.get("id").asString())
                .contains("历史.csv")
                .contains("行号");
        String existingPage = mvc.get()
                .uri("/customers/" + existing)
                .cookie(session)
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(existingPage.substring(existingPage.indexOf("data-audit-trail")))
                .contains(">导入时合并<")
                .contains(job.get("id").asString());
    }

    @Test
    void refusesFilesThatAreNotSpreadsheetsOrHaveNoHeader() {
        assertThat(upload("rep12", "photo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "skip"))
                .hasStatus(400);
        assertThat(upload("rep12", "empty.csv", new byte[0], "skip")).hasStatus(400);
        MvcTestResult noHeader =
                upload("rep12", "x.csv", "foo,bar\r\n1,2\r\n".getBytes(StandardCharsets.UTF_8), "skip");
        assertThat(noHeader).hasStatus(400);
        assertThat(Api.json(noHeader).toString()).contains("mapping").contains("customer name");
        assertThat(upload(
                        "rep12", "broken.xlsx", "PK\u0003\u0004garbage".getBytes(StandardCharsets.ISO_8859_1), "skip"))
                .hasStatus(400);
    }

    @Test
    void exportNeutralisesFormulasAndHonoursScope() throws Exception {
        String brand = CustomerApiTest.unique();
        api().post(
                        "rep13",
                        "/api/v1/customers",
                        CustomerApiTest.body("name", "=HYPERLINK(\"http://x\")" + brand, "confirmNotDuplicate", true));
        MvcTestResult csv = api().get("rep13", "/api/v1/customers/export?format=csv&q=" + brand);
        assertThat(csv).hasStatusOk();
        String text = csv.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK");
        assertThat(api().get("rep14", "/api/v1/customers/export?format=csv&q=" + brand)
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain(brand);
        MvcTestResult xlsx = api().get("rep13", "/api/v1/customers/export?format=xlsx&q=" + brand);
        assertThat(xlsx).hasStatusOk();
        assertThat(xlsx.getResponse().getContentAsByteArray()[0]).isEqualTo((byte) 'P');
    }

    static Map<String, Object> none() {
        return Map.of();
    }
}
