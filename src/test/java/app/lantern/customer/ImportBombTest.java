package app.lantern.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * Small xlsx files that inflate far beyond any spreadsheet are refused with 400 naming the problem, before they are
 * parsed; upload names with control characters are cleaned, never a 500.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ImportBombTest {

    private static final String HEADER_ROW = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>客户名称</t></is></c></row>";

    @Autowired
    MockMvcTester mvc;

    ImportClient client() {
        return new ImportClient(mvc);
    }

    /** A well-formed xlsx whose first sheet holds {@code sheetData} and whose shared strings are {@code shared}. */
    interface Part {
        void write(ZipOutputStream zip) throws IOException;
    }

    static byte[] xlsx(Part sheetData, String sharedString, int extraParts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(
                    zip,
                    "[Content_Types].xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                            + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
                            + "</Types>");
            put(
                    zip,
                    "_rels/.rels",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                            + "</Relationships>");
            put(
                    zip,
                    "xl/workbook.xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                            + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                            + "<sheets><sheet name=\"s\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            put(
                    zip,
                    "xl/_rels/workbook.xml.rels",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                            + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                            + "</Relationships>");
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            zip.write(
                    ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1\" uniqueCount=\"1\"><si><t>")
                            .getBytes(StandardCharsets.UTF_8));
            zip.write(sharedString.getBytes(StandardCharsets.UTF_8));
            zip.write("</t></si></sst>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(
                    ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                                    + HEADER_ROW)
                            .getBytes(StandardCharsets.UTF_8));
            sheetData.write(zip);
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            for (int i = 0; i < extraParts; i++) {
                put(zip, "xl/media/p" + i + ".xml", "<x/>");
            }
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static Part row(String text) {
        return zip -> zip.write(("<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row>"
                        + (text == null
                                ? ""
                                : "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>" + text + "</t></is></c></row>"))
                .getBytes(StandardCharsets.UTF_8));
    }

    private String refusal(byte[] file) {
        MvcTestResult r = client().upload("rep18", "bomb.xlsx", file);
        assertThat(r).hasStatus(400);
        JsonNode problem = Api.json(r);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("file");
        return problem.get("errors").get(0).get("message").asString();
    }

    @Test
    void aSmallSheetInflatingToSixtyMegabytesIsRefused() throws Exception {
        byte[] padding = "<row><c><v>1</v></c></row>".repeat(40_000).getBytes(StandardCharsets.US_ASCII);
        byte[] bomb = xlsx(
                zip -> {
                    for (int i = 0; i < 60; i++) { // 60 × 1.04 MB
                        zip.write(padding);
                    }
                },
                "甲公司",
                0);
        assertThat(bomb.length).isLessThan(200 * 1024);
        assertThat(refusal(bomb)).contains("compressed");
    }

    @Test
    void oneHugeSharedStringIsRefused() throws Exception {
        byte[] bomb = xlsx(row(null), "A".repeat(20 * 1024 * 1024), 0);
        assertThat(bomb.length).isLessThan(100 * 1024);
        assertThat(refusal(bomb)).contains("cell longer than 32767");
    }

    @Test
    void aCellLongerThanExcelAllowsIsRefusedEvenWhenItCompressesPoorly() throws Exception {
        Random random = new Random(3);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40_000; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        assertThat(refusal(xlsx(row(text.toString()), "甲公司", 0))).contains("cell longer than 32767");
        StringBuilder csv = new StringBuilder("客户名称\r\n").append(text).append("\r\n");
        MvcTestResult r = client().upload("rep18", "long.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(r).hasStatus(400);
        assertThat(Api.json(r).toString()).contains("cell longer than 32767");
    }

    @Test
    void tooManyPartsAreRefused() throws Exception {
        assertThat(refusal(xlsx(row(null), "甲公司", 1_000))).contains("parts");
    }

    @Test
    void aNormalWorkbookBuiltTheSameWayImports() throws Exception {
        String brand = CustomerApiTest.unique();
        JsonNode job = client().run("rep18", "ok.xlsx", xlsx(row(brand + "材料有限公司"), brand + "化工有限公司", 3));
        assertThat(job.get("status").asString()).isEqualTo("DONE");
        assertThat(job.get("imported").asInt()).isEqualTo(2);
    }

    @Test
    void uploadNamesWithNulOrControlCharactersAreCleaned() throws Exception {
        String brand = CustomerApiTest.unique();
        byte[] csv = ("客户名称\r\n" + brand + "有限公司\r\n").getBytes(StandardCharsets.UTF_8);
        JsonNode job = client().run("rep18", "a\u0000b\u0007c\r\n.csv", csv);
        assertThat(job.get("fileName").asString()).isEqualTo("a_b_c__.csv");
        JsonNode onlyControl = client().run("rep18", "\u0000\u0001.csv", csv);
        assertThat(onlyControl.get("fileName").asString()).isEqualTo("__.csv");
    }
}
