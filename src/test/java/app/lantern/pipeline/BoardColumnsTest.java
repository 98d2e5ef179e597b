package app.lantern.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.testing.WebSession;
import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The Kanban board at more deals than a column shows: the badge and the sum are the stage's, not the cards'. */
@SpringBootTest
@AutoConfigureMockMvc
class BoardColumnsTest {

    @Autowired
    PipelineFixtures fx;

    @Autowired
    OpportunityQueries queries;

    @Autowired
    MockMvcTester mvc;

    @AfterEach
    void signOut() {
        fx.signOut();
    }

    @Test
    void columnShowsTheFirstCardsButCountsAndSumsEveryOpenDealOfTheStageAndLoadsTheRestOnScroll() throws Exception {
        long rep = fx.userId("rep17");
        fx.signIn("rep17");
        long pipeline = fx.medical().id();
        BoardColumn before = queries.board(pipeline, rep).getFirst();
        long customer = fx.customer("rep17");
        LocalDate today = LocalDate.of(2030, 1, 1);
        int added = OpportunityQueries.CARDS_PER_COLUMN + 3;
        for (int i = 0; i < added; i++) {
            fx.opportunity(customer)
                    .amount("10000.00")
                    .expectedClose(today.plusDays(added - i))
                    .create();
        }

        BoardColumn first = queries.board(pipeline, rep).getFirst();

        assertThat(first.count()).isEqualTo(before.count() + added);
        assertThat(first.amount()).isEqualByComparingTo(before.amount().add(new BigDecimal(added * 10_000)));
        assertThat(first.cards()).hasSize(OpportunityQueries.CARDS_PER_COLUMN);
        assertThat(first.more()).isTrue();
        assertThat(first.cards())
                .isSortedAccordingTo(Comparator.comparing(
                        OpportunityCard::expectedClose, Comparator.nullsLast(Comparator.naturalOrder())));
        fx.signOut();

        Cookie session = WebSession.login(mvc, "rep17");
        assertThat(mvc.get()
                        .uri("/opportunities/board?pipelineId=" + pipeline + "&ownerId=" + rep)
                        .cookie(session)
                        .exchange())
                .hasStatusOk()
                .bodyText()
                .contains("data-count>" + first.count() + "<")
                .contains("显示最早到期的 " + OpportunityQueries.CARDS_PER_COLUMN + " 条，共 " + first.count() + " 条")
                .contains("hx-trigger=\"revealed\"");
        String rest = mvc.get()
                .uri("/opportunities/board/column?pipelineId=" + pipeline + "&stageId="
                        + first.stage().id() + "&ownerId=" + rep + "&offset=" + OpportunityQueries.CARDS_PER_COLUMN)
                .cookie(session)
                .header("HX-Request", "true")
                .exchange()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        long more = first.count() - OpportunityQueries.CARDS_PER_COLUMN;
        assertThat(rest.split("class=\"kanban-card ", -1))
                .hasSize((int) Math.min(more, OpportunityQueries.CARDS_PER_COLUMN) + 1);
        assertThat(rest)
                .doesNotContain("<html")
                .doesNotContain("id=\"opp-" + first.cards().getFirst().id() + "\"");
    }
}
