package app.lantern.pipeline.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.activity.ActivityInput;
import app.lantern.activity.ActivityService;
import app.lantern.activity.ActivityType;
import app.lantern.pipeline.BudgetRange;
import app.lantern.pipeline.OpportunityClosing;
import app.lantern.pipeline.OpportunityDetails;
import app.lantern.pipeline.PipelineFixtures;
import app.lantern.testing.WebSession;
import jakarta.servlet.http.Cookie;
import java.io.UnsupportedEncodingException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Numbers and keys as a person reads them: record histories, the funnel, the rep's panel, activity types in English. */
@SpringBootTest
@AutoConfigureMockMvc
class ReadableNumbersWebTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PipelineFixtures fx;

    @Autowired
    OpportunityClosing closing;

    @Autowired
    ActivityService activities;

    @Autowired
    Clock clock;

    @AfterEach
    void signOut() throws Exception {
        fx.signOut();
    }

    private String page(Cookie session, String uri) throws UnsupportedEncodingException {
        var result = mvc.get().uri(uri).cookie(session).exchange();
        assertThat(result).hasStatusOk();
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void anOpportunitysHistoryShowsLabelsAndValuesNotKeys() throws Exception {
        fx.signIn("rep2");
        long customer = fx.customer("rep2");
        long dm = fx.contact(customer, "DECISION_MAKER");
        OpportunityDetails o = fx.opportunity(customer)
                .amount("180000")
                .budget(BudgetRange.FROM_50K_TO_200K)
                .contact(dm, "DECISION_MAKER")
                .create();
        closing.win(o.id(), new BigDecimal("175000.00"), null, o.version());
        fx.signOut();
        Cookie session = WebSession.login(mvc, "rep2");
        String history = page(session, "/opportunities/" + o.id() + "?tab=history");
        assertThat(history)
                .contains("状态")
                .contains("进行中")
                .contains("赢单")
                .contains("¥175,000.00")
                .contains("5–20万")
                .contains("（决策人）")
                .doesNotContain(">status<")
                .doesNotContain(">WON<")
                .doesNotContain("FROM_50K_TO_200K")
                .doesNotContain("DECISION_MAKER");
    }

    @Test
    void anActivitysHistoryNamesItsCustomerAndTypeInTheReadersLanguage() throws Exception {
        fx.signIn("rep3");
        long customer = fx.customer("rep3");
        var a = activities.log(new ActivityInput(
                ActivityType.DEMO,
                OffsetDateTime.now(clock).minusHours(1),
                45,
                customer,
                null,
                List.of(),
                null,
                "演示顺利",
                null,
                null));
        fx.signOut();
        Cookie admin = WebSession.login(mvc, "admin");
        String zh = page(admin, "/admin/audit?entityType=activity&entityId=" + a.id());
        assertThat(zh)
                .contains("方案演示")
                .contains(a.customerName())
                .contains("45 分钟")
                .doesNotContain("customerId");
        String en = page(admin, "/admin/audit?entityType=activity&entityId=" + a.id() + "&lang=en");
        assertThat(en).contains("Demo").contains("45 min").doesNotContain("方案演示");
    }

    @Test
    void theFunnelShowsTheCycleInWholeDaysAndItsBandsCarryCounts() throws Exception {
        Cookie session = WebSession.login(mvc, "manager1");
        String funnel = page(session, "/opportunities/funnel?days=365");
        assertThat(funnel).containsPattern("id=\"funnel-cycle\">(\\d+ 天|—)<");
        assertThat(funnel).contains("{b}  {c}");
    }

    @Test
    void theRepsPanelLabelsAnAmountInWanWithoutSayingYuan() throws Exception {
        Cookie session = WebSession.login(mvc, "rep1");
        String home = page(session, "/");
        String panel = home.substring(home.indexOf("data-widget=\"my-pipeline\""));
        panel = panel.substring(0, panel.indexOf("</section>"));
        assertThat(panel).contains("万").doesNotContain("（元）");
    }

    @Test
    void englishModeShowsEnglishActivityTypesAndHoursWithTwoDecimalsAtMost() throws Exception {
        Cookie session = WebSession.login(mvc, "manager1");
        String list = page(session, "/activities?lang=en");
        assertThat(list).contains("Visit").doesNotContain(">拜访<");
        String heatmap = page(session, "/activities/heatmap?lang=en");
        assertThat(heatmap).doesNotContainPattern("\\d\\.\\d{3,} h").doesNotContainPattern("\\d\\.\\d+h<");
    }
}
