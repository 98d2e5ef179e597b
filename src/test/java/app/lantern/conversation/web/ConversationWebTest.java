package app.lantern.conversation.web;

import static lantern.db.Tables.ACTIVITIES;
import static lantern.db.Tables.CONTACTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import app.lantern.pipeline.OpportunityDetails;
import app.lantern.pipeline.OpportunityQueries;
import app.lantern.pipeline.PipelineFixtures;
import app.lantern.testing.WebSession;
import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

@SpringBootTest
@AutoConfigureMockMvc
class ConversationWebTest {

    private static final String CALL =
            "客户：王总的意思是你们价格太高了，我们预算就二三十万。我们也在跟纷享销客谈。" + "王总是我们的一把手，最后他拍板。销售：明白，我下周三之前把调整后的报价发给王总。";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PipelineFixtures fx;

    @Autowired
    OpportunityQueries opportunities;

    @Autowired
    DSLContext db;

    @Autowired
    Clock clock;

    @AfterEach
    void signOut() {
        fx.signOut();
    }

    private MvcTestResult post(String uri, String token, String body) {
        return mvc.post()
                .uri(uri)
                .header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    @Test
    void extractsObjectionsRolesCommitmentsAndBudgetOffline() {
        String token = WebSession.token(mvc, "rep1");
        MvcTestResult r = post(
                "/api/v1/conversations/extract",
                token,
                "{\"transcript\":\"" + CALL + "\",\"callDate\":\"2026-10-09\"}");
        assertThat(r).hasStatusOk();
        JsonNode e = WebSession.json(r);
        assertThat(e.get("objections").findValuesAsString("category")).contains("PRICE", "COMPETITOR");
        assertThat(e.get("roles").get(0).get("name").asString()).isEqualTo("王总");
        assertThat(e.get("roles").get(0).get("role").asString()).isEqualTo("DECISION_MAKER");
        assertThat(e.get("commitments").get(0).get("who").asString()).isEqualTo("SALES");
        assertThat(e.get("commitments").get(0).get("due").asString()).isEqualTo("2026-10-14");
        assertThat(e.get("budget").get("min").decimalValue()).isEqualByComparingTo("200000");
        assertThat(e.get("budget").get("max").decimalValue()).isEqualByComparingTo("300000");
        assertThat(e.get("competitors").get(0).asString()).isEqualTo("纷享销客");
        assertThat(e.get("summary").asString()).contains("价格太高");
    }

    @Test
    void rejectsEmptyTranscriptAndBadDateNamingTheField() {
        String token = WebSession.token(mvc, "rep1");
        MvcTestResult empty =
                post("/api/v1/conversations/extract", token, "{\"transcript\":\" \",\"callDate\":\"2026-10-09\"}");
        assertThat(empty).hasStatus(400);
        assertThat(empty.getResponse().getContentType()).contains("problem+json");
        assertThat(empty).bodyText().contains("\"field\":\"transcript\"");
        MvcTestResult badDate =
                post("/api/v1/conversations/extract", token, "{\"transcript\":\"你好\",\"callDate\":\"下周三\"}");
        assertThat(badDate).hasStatus(400);
        assertThat(badDate).bodyText().contains("\"field\":\"callDate\"");
        MvcTestResult tooLong = post(
                "/api/v1/conversations/extract",
                token,
                "{\"transcript\":\"" + "价".repeat(20_001) + "\",\"callDate\":\"2026-10-09\"}");
        assertThat(tooLong).hasStatus(400);
        assertThat(tooLong).bodyText().contains("\"field\":\"transcript\"");
    }

    @Test
    void nothingLandsOnTheDealUntilTheRepConfirmsThenOnlyOnce() {
        long customer = fx.customer("rep1");
        long wang = contact(customer, "王建国", "总经理");
        fx.signIn("rep1");
        OpportunityDetails o = fx.opportunity(customer).create();
        fx.signOut();
        String token = WebSession.token(mvc, "rep1");
        String today = LocalDate.now(clock).toString();
        MvcTestResult created = post(
                "/api/v1/conversations",
                token,
                "{\"opportunityId\":\"" + o.id() + "\",\"transcript\":\"" + CALL + "\",\"callDate\":\"" + today
                        + "\"}");
        assertThat(created).hasStatus(201);
        JsonNode call = WebSession.json(created);
        assertThat(call.get("status").asString()).isEqualTo("DRAFT");
        JsonNode draft = call.get("draft");
        assertThat(draft.get("roles").get(0).get("contactId").asString()).isEqualTo(String.valueOf(wang));
        fx.signIn("rep1");
        assertThat(opportunities.visible(o.id()).nextStep()).isNull();
        fx.signOut();

        String due = draft.get("commitments").get(0).get("due").asString();
        MvcTestResult confirmed =
                post("/api/v1/conversations/" + call.get("id").asString() + "/confirm", token, draft.toString());
        assertThat(confirmed).hasStatusOk();
        assertThat(WebSession.json(confirmed).get("status").asString()).isEqualTo("CONFIRMED");
        fx.signIn("rep1");
        OpportunityDetails after = opportunities.visible(o.id());
        fx.signOut();
        assertThat(after.nextStep()).contains("报价");
        assertThat(after.nextStepDue()).hasToString(due);
        assertThat(after.budgetRange().name()).isEqualTo("FROM_200K_TO_500K");
        assertThat(after.competitors()).contains("纷享销客");
        assertThat(after.contacts()).anySatisfy(c -> {
            assertThat(c.contactId()).isEqualTo(wang);
            assertThat(c.role()).isEqualTo("DECISION_MAKER");
        });
        assertThat(db.fetchCount(ACTIVITIES, ACTIVITIES.OPPORTUNITY_ID.eq(o.id())))
                .isEqualTo(1);

        MvcTestResult again =
                post("/api/v1/conversations/" + call.get("id").asString() + "/confirm", token, draft.toString());
        assertThat(again).hasStatus(409);
    }

    @Test
    void aRepCannotStoreACallOnADealTheyMayNotSee() {
        long customer = fx.customer("rep1");
        fx.signIn("rep1");
        OpportunityDetails o = fx.opportunity(customer).create();
        fx.signOut();
        String other = WebSession.token(mvc, "rep7");
        MvcTestResult r = post(
                "/api/v1/conversations",
                other,
                "{\"opportunityId\":\"" + o.id() + "\",\"transcript\":\"价格太高\",\"callDate\":\"2026-10-09\"}");
        assertThat(r).hasStatus(404);
    }

    @Test
    void pageProposesItemsWithCheckboxesInAnHtmxFragment() {
        long customer = fx.customer("rep1");
        fx.signIn("rep1");
        OpportunityDetails o = fx.opportunity(customer).create();
        fx.signOut();
        Cookie session = WebSession.login(mvc, "rep1");
        assertThat(mvc.get()
                        .uri("/opportunities/" + o.id() + "/conversations")
                        .cookie(session)
                        .exchange())
                .hasStatusOk()
                .bodyText()
                .contains("通话/纪要");
        MvcTestResult fragment = mvc.post()
                .uri("/opportunities/" + o.id() + "/conversations")
                .cookie(session)
                .with(csrf())
                .header("HX-Request", "true")
                .param("transcript", CALL)
                .param("callDate", "2026-10-09")
                .exchange();
        assertThat(fragment).hasStatusOk();
        assertThat(fragment)
                .bodyText()
                .doesNotContain("<nav")
                .contains("name=\"obj\"")
                .contains("name=\"com\"")
                .contains("2026-10-14")
                .contains("确认写入商机");
    }

    private long contact(long customerId, String name, String title) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return db.insertInto(CONTACTS)
                .set(CONTACTS.CUSTOMER_ID, customerId)
                .set(CONTACTS.NAME, name)
                .set(CONTACTS.TITLE, title)
                .set(CONTACTS.STATUS, "ACTIVE")
                .set(CONTACTS.CREATED_AT, now)
                .set(CONTACTS.UPDATED_AT, now)
                .returning(CONTACTS.ID)
                .fetchOne()
                .getId();
    }
}
