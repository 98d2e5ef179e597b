package app.lantern.quote;

import static app.lantern.quote.QuoteTestData.draft;
import static app.lantern.quote.QuoteTestData.line;
import static app.lantern.quote.QuoteTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.pipeline.BudgetRange;
import app.lantern.testing.WebSession;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** A quote's history reads in the user's language: names for ids, labels for statuses and fields. */
@SpringBootTest
@AutoConfigureMockMvc
class QuoteHistoryReadableTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    QuoteTestData data;

    @Autowired
    QuoteDrafting drafting;

    @Autowired
    QuoteApprovals approvals;

    @AfterEach
    void signOut() {
        QuoteTestData.signOut();
    }

    @Test
    void historyShowsTheCustomerNameStatusLabelsAndTheApprovalWaitInWords() throws Exception {
        String customer = unique("历史可读客户");
        Product p = data.product("课程", "10000.00", "3000.00", "6");
        long opp = data.opportunity("rep1", customer, BudgetRange.FROM_50K_TO_200K);
        data.signIn("rep1");
        QuoteView q = approvals.submit(
                drafting.create(draft(opp, List.of(line(p, "2", "15")))).id());
        data.signIn("manager1");
        approvals.approve(q.id(), "同意");
        QuoteTestData.signOut();

        String page = mvc.get()
                .uri("/quotes/" + q.id())
                .cookie(WebSession.login(mvc, "rep1"))
                .exchange()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        String history = page.substring(page.indexOf("data-audit-trail"));
        assertThat(history)
                .contains(customer)
                .contains("草稿")
                .contains("待审批")
                .contains("已审批")
                .contains("等待时长（工作时间）")
                .contains("主管")
                .doesNotContain("customerId")
                .doesNotContain("workingHoursWaited")
                .doesNotContain("PENDING_APPROVAL")
                .doesNotContain(">DRAFT<");
    }
}
