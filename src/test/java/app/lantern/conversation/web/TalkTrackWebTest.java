package app.lantern.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import app.lantern.conversation.ObjectionCategory;
import app.lantern.conversation.TalkTrack;
import app.lantern.conversation.TalkTrackInput;
import app.lantern.conversation.TalkTracks;
import app.lantern.pipeline.OpportunityClosing;
import app.lantern.pipeline.OpportunityDetails;
import app.lantern.pipeline.PipelineFixtures;
import app.lantern.testing.WebSession;
import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.util.List;
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
class TalkTrackWebTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PipelineFixtures fx;

    @Autowired
    TalkTracks tracks;

    @Autowired
    OpportunityClosing closing;

    @AfterEach
    void signOut() {
        fx.signOut();
    }

    @Test
    void customerSaysPriceIsTooHighGivesThreePricePacks() {
        long customer = fx.customer("rep5");
        fx.signIn("rep5");
        OpportunityDetails o = fx.opportunity(customer).create();
        fx.signOut();
        String token = WebSession.token(mvc, "rep5");
        MvcTestResult r = mvc.get()
                .uri("/api/v1/talk-tracks/recommendations?opportunityId=" + o.id() + "&q=客户说价格太高")
                .header("Authorization", token)
                .exchange();
        assertThat(r).hasStatusOk();
        JsonNode list = WebSession.json(r);
        assertThat(list.size()).isEqualTo(3);
        assertThat(list.findValuesAsString("category")).containsOnly("PRICE");
        assertThat(list.get(0).get("score").asDouble())
                .isGreaterThanOrEqualTo(list.get(2).get("score").asDouble());
        assertThat(mvc.get()
                        .uri("/api/v1/talk-tracks/recommendations?opportunityId=" + o.id() + "&q=")
                        .header("Authorization", token)
                        .exchange())
                .hasStatus(400)
                .bodyText()
                .contains("\"field\":\"q\"");
    }

    @Test
    void aPackUsedOnEnoughWonDealsBecomesVerifiedAndRanksFirst() {
        fx.signIn("manager2");
        long pack = tracks.create(
                new TalkTrackInput(ObjectionCategory.PRICE, null, "价格太高：按季度付款", "可以按季度付款，减轻一次性支出。", null, null, null));
        fx.signOut();
        fx.signIn("rep8");
        long customer = fx.customer("rep8");
        for (int i = 0; i < 6; i++) {
            OpportunityDetails o = fx.opportunity(customer).create();
            tracks.markUsed(pack, o.id(), 5);
            closing.win(o.id(), new BigDecimal("100000"), "按季度付款打动了客户", null);
        }
        OpportunityDetails lost = fx.opportunity(customer).create();
        closing.lose(lost.id(), "预算不足", null);
        OpportunityDetails open = fx.opportunity(customer).create();
        List<TalkTrack> top = tracks.recommend(open.id(), "客户说价格太高", 3);
        fx.signOut();
        assertThat(top.getFirst().id()).isEqualTo(pack);
        assertThat(top.getFirst().verified()).isTrue();
        assertThat(top.getFirst().closedUses()).isEqualTo(6);
        assertThat(top.getFirst().winRateLowerBound())
                .isGreaterThan(top.getFirst().baselineWinRate());
        assertThat(top.subList(1, 3)).noneMatch(TalkTrack::verified);
    }

    @Test
    void theCallPageShowsThreePacksAndRecordsARating() throws Exception {
        long customer = fx.customer("rep5");
        fx.signIn("rep5");
        OpportunityDetails o = fx.opportunity(customer).create();
        fx.signOut();
        Cookie session = WebSession.login(mvc, "rep5");
        MvcTestResult box = mvc.get()
                .uri("/opportunities/" + o.id() + "/talk-tracks?q=客户说价格太高")
                .cookie(session)
                .header("HX-Request", "true")
                .exchange();
        assertThat(box).hasStatusOk();
        assertThat(box).bodyText().doesNotContain("<nav").contains("用过").contains("价格太高：先算总拥有成本");
        assertThat(box.getResponse().getContentAsString().split("class=\"border rounded p-2 mb-2 talk-track\"", -1))
                .hasSize(4);
        fx.signIn("rep5");
        long first = tracks.recommend(o.id(), "客户说价格太高", 1).getFirst().id();
        fx.signOut();
        MvcTestResult used = mvc.post()
                .uri("/talk-tracks/" + first + "/uses")
                .cookie(session)
                .with(csrf())
                .header("HX-Request", "true")
                .param("opportunityId", String.valueOf(o.id()))
                .param("rating", "4")
                .exchange();
        assertThat(used).hasStatusOk().bodyText().contains("已记录");
    }

    @Test
    void onlyManagersEditTheLibrary() {
        String rep = WebSession.token(mvc, "rep5");
        String body = "{\"category\":\"PRICE\",\"title\":\"新话术\",\"script\":\"先问预算再谈价格\"}";
        assertThat(mvc.post()
                        .uri("/api/v1/talk-tracks")
                        .header("Authorization", rep)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .exchange())
                .hasStatus(403);
        String manager = WebSession.token(mvc, "manager1");
        assertThat(mvc.post()
                        .uri("/api/v1/talk-tracks")
                        .header("Authorization", manager)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .exchange())
                .hasStatus(201);
    }
}
