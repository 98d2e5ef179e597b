package app.lantern.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@AutoConfigureMockMvc
class AuditWebTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AuditLog audit;

    @Autowired
    TransactionTemplate tx;

    @Test
    void adminVerifiesTheChainOverTheApi() {
        MvcTestResult result = mvc.get()
                .uri("/api/v1/audit/verify")
                .header("Authorization", SignedIn.bearer(mvc, "admin"))
                .exchange();
        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.intact").isEqualTo(true);
        assertThat(result).bodyJson().extractingPath("$.firstBroken").isNull();
        assertThat(result)
                .bodyJson()
                .extractingPath("$.checked")
                .asNumber()
                .satisfies(n -> assertThat(n.longValue()).isPositive());
    }

    @Test
    void repIsRefusedVerificationAndTheLogWithProblemJson() {
        String rep = SignedIn.bearer(mvc, "rep1");
        for (String uri : new String[] {"/api/v1/audit/verify", "/api/v1/audit?entityType=user"}) {
            MvcTestResult result =
                    mvc.get().uri(uri).header("Authorization", rep).exchange();
            assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(403);
        }
    }

    @Test
    void executiveReadsARecordsEntriesNewestFirstButCannotVerify() {
        String entityId = "WEB-" + System.nanoTime();
        tx.executeWithoutResult(s -> audit.created("deal", entityId, Map.of("name", "华为云采购")));
        tx.executeWithoutResult(s -> audit.updated("deal", entityId, Map.of("name", "华为云采购"), Map.of("name", "华为云二期")));
        String exec = SignedIn.bearer(mvc, "exec");
        MvcTestResult result = mvc.get()
                .uri("/api/v1/audit?entityType=deal&entityId={id}&page=0&size=10", entityId)
                .header("Authorization", exec)
                .exchange();
        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.total").isEqualTo(2);
        assertThat(result).bodyJson().extractingPath("$.items[0].action").isEqualTo("updated");
        assertThat(result).bodyJson().extractingPath("$.items[1].action").isEqualTo("created");
        assertThat(result).bodyJson().extractingPath("$.items[0].id").asString().matches("\\d+");
        assertThat(mvc.get().uri("/api/v1/audit/verify").header("Authorization", exec))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void listFiltersByTimeRange() {
        String entityId = "TIME-" + System.nanoTime();
        tx.executeWithoutResult(s -> audit.created("deal", entityId, Map.of()));
        String admin = SignedIn.bearer(mvc, "admin");
        assertThat(mvc.get()
                        .uri("/api/v1/audit?entityId={id}&from=2020-01-01T00:00:00Z", entityId)
                        .header("Authorization", admin))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.total")
                .isEqualTo(1);
        assertThat(mvc.get()
                        .uri("/api/v1/audit?entityId={id}&to=2020-01-01T00:00:00Z", entityId)
                        .header("Authorization", admin))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.total")
                .isEqualTo(0);
        assertThat(mvc.get().uri("/api/v1/audit?from=yesterday").header("Authorization", admin))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void listRejectsOversizedPagesAndOverlongFilters() {
        String admin = SignedIn.bearer(mvc, "admin");
        assertThat(mvc.get().uri("/api/v1/audit?size=500").header("Authorization", admin))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/api/v1/audit?entityType={t}", "x".repeat(51)).header("Authorization", admin))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("entityType");
    }

    @Test
    void adminPageListsEntriesWithFiltersAndTheVerifyButtonShowsTheResult() {
        String entityId = "PAGE-" + System.nanoTime();
        tx.executeWithoutResult(s -> audit.created("deal", entityId, Map.of("name", "<script>alert(1)</script>")));
        Cookie session = SignedIn.session(mvc, "admin");
        MvcTestResult page = mvc.get()
                .uri("/admin/audit?entityType=deal&entityId={id}", entityId)
                .cookie(session)
                .exchange();
        assertThat(page).hasStatusOk();
        assertThat(page)
                .bodyText()
                .contains("id=\"audit-entries\"")
                .contains("id=\"verify-chain\"")
                .contains(entityId)
                .contains("&lt;script&gt;")
                .doesNotContain("<script>alert(1)</script>")
                .contains("data-audit-trail")
                .contains("创建");

        MvcTestResult verified = mvc.post()
                .uri("/admin/audit/verify")
                .header("HX-Request", "true")
                .cookie(session)
                .with(csrf())
                .exchange();
        assertThat(verified).hasStatusOk();
        assertThat(verified)
                .bodyText()
                .contains("data-verification")
                .contains("哈希链完整")
                .doesNotContain("<html");
    }

    @Test
    void pageSaysWhatToDoWhenNothingMatches() {
        Cookie session = SignedIn.session(mvc, "admin");
        MvcTestResult page = mvc.get()
                .uri("/admin/audit?entityType=deal&entityId=none-{n}", System.nanoTime())
                .cookie(session)
                .exchange();
        assertThat(page).bodyText().contains("没有符合条件的审计记录");
    }

    @Test
    void adminTakesACheckpointFromThePage() {
        Cookie session = SignedIn.session(mvc, "admin");
        MvcTestResult taken = mvc.post()
                .uri("/admin/audit/checkpoint")
                .header("HX-Request", "true")
                .cookie(session)
                .with(csrf())
                .exchange();
        assertThat(taken).hasStatusOk();
        assertThat(taken).bodyText().containsPattern("已建立检查点 #\\d+。");
        MvcTestResult verified = mvc.post()
                .uri("/admin/audit/verify")
                .header("HX-Request", "true")
                .cookie(session)
                .with(csrf())
                .exchange();
        assertThat(verified).bodyText().containsPattern("最近检查点：#\\d+");
    }

    @Test
    void htmxPagingAnswersOnlyTheEntriesFragment() {
        Cookie session = SignedIn.session(mvc, "admin");
        MvcTestResult fragment = mvc.get()
                .uri("/admin/audit?page=0")
                .header("HX-Request", "true")
                .cookie(session)
                .exchange();
        assertThat(fragment).hasStatusOk();
        assertThat(fragment).bodyText().contains("id=\"audit-entries\"").doesNotContain("<nav class=\"navbar");
    }

    @Test
    void repCannotOpenTheAuditPage() {
        Cookie session = SignedIn.session(mvc, "rep2");
        assertThat(mvc.get().uri("/admin/audit").cookie(session)).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void adminSeesTheAuditNavigationItem() {
        Cookie admin = SignedIn.session(mvc, "admin");
        assertThat(mvc.get().uri("/").cookie(admin)).bodyText().contains("href=\"/admin/audit\"");
        Cookie rep = SignedIn.session(mvc, "rep3");
        assertThat(mvc.get().uri("/").cookie(rep)).bodyText().doesNotContain("href=\"/admin/audit\"");
    }
}
